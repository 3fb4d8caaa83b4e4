import { DataTypes, type QueryInterface } from 'sequelize';

/** Admins' working-day overrides (管理员设置) on top of the official holiday calendar: at most one per date. */
export async function up({ context: q }: { context: QueryInterface }) {
  await q.createTable('calendar_overrides', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    /** a calendar date in China, YYYY-MM-DD */
    date: { type: DataTypes.STRING(10), allowNull: false, unique: true },
    working: { type: DataTypes.BOOLEAN, allowNull: false },
    note: { type: DataTypes.STRING(200), allowNull: false },
    createdBy: { type: DataTypes.STRING(64), allowNull: false },
    createdAt: { type: DataTypes.DATE(3), allowNull: false },
  });
}

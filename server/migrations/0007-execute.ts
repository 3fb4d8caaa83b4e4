import { DataTypes, type QueryInterface } from 'sequelize';

const id = { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true };

/**
 * The execute stage (绩效执行): the work ledger (工作台账) with the reminders its processes sent, and the
 * performance records 点赞 / 错情 / 察访核验 (revoked, never deleted).
 */
export async function up({ context: q }: { context: QueryInterface }) {
  await q.createTable('ledger_items', {
    id,
    title: { type: DataTypes.STRING(200), allowNull: false },
    description: { type: DataTypes.STRING(2000), allowNull: true },
    ownerId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'users', key: 'id' } },
    unitId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'units', key: 'id' } },
    period: { type: DataTypes.STRING(16), allowNull: false },
    deadline: { type: DataTypes.DATE(3), allowNull: false },
    urgency: { type: DataTypes.STRING(16), allowNull: false },
    progress: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    progressNote: { type: DataTypes.STRING(1000), allowNull: true },
    status: { type: DataTypes.STRING(32), allowNull: false },
    instanceKey: { type: DataTypes.STRING(40), allowNull: false, unique: true },
    createdBy: { type: DataTypes.STRING(64), allowNull: false },
    createdAt: { type: DataTypes.DATE(3), allowNull: false },
    updatedAt: { type: DataTypes.DATE(3), allowNull: false },
    completedAt: { type: DataTypes.DATE(3), allowNull: true },
  });
  await q.addIndex('ledger_items', ['unitId', 'period']);
  await q.addIndex('ledger_items', ['ownerId']);
  await q.createTable('ledger_reminders', {
    id,
    itemId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'ledger_items', key: 'id' } },
    kind: { type: DataTypes.STRING(16), allowNull: false },
    /** the timer's job: a job delivered twice still leaves one reminder */
    jobKey: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    recipient: { type: DataTypes.STRING(64), allowNull: true },
    at: { type: DataTypes.DATE(3), allowNull: false },
  });
  await q.addIndex('ledger_reminders', ['itemId']);
  await q.createTable('performance_records', {
    id,
    kind: { type: DataTypes.STRING(16), allowNull: false },
    userId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'users', key: 'id' } },
    unitId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'units', key: 'id' } },
    date: { type: DataTypes.STRING(10), allowNull: false },
    reason: { type: DataTypes.STRING(1000), allowNull: false },
    code: { type: DataTypes.STRING(64), allowNull: false },
    points: { type: DataTypes.DECIMAL(8, 2), allowNull: false },
    work: { type: DataTypes.STRING(200), allowNull: true },
    rank: { type: DataTypes.STRING(64), allowNull: true },
    multiplier: { type: DataTypes.STRING(64), allowNull: true },
    recordedBy: { type: DataTypes.STRING(64), allowNull: false },
    recordedAt: { type: DataTypes.DATE(3), allowNull: false },
    revokedBy: { type: DataTypes.STRING(64), allowNull: true },
    revokedAt: { type: DataTypes.DATE(3), allowNull: true },
    revokeReason: { type: DataTypes.STRING(1000), allowNull: true },
  });
  await q.addIndex('performance_records', ['userId', 'date']);
  await q.addIndex('performance_records', ['unitId']);
}

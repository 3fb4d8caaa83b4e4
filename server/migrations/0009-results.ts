import { DataTypes, type QueryInterface } from 'sequelize';
import { longText } from './long-text.ts';

/**
 * What the evaluate → feedback → appeal → apply stages keep: the head of each unit (who approves as director),
 * when the office opened a cycle's evaluation, the cycle an inbox task belongs to (also in called processes),
 * the cycle a score belongs to (one score per person and cycle, corrected in place by an upheld appeal), the
 * results applied per person (bonus coefficient, lists), and the notices people get (e.g. a grade changed).
 */
export async function up({ context: q }: { context: QueryInterface }) {
  await q.addColumn('units', 'headUserId', { type: DataTypes.INTEGER, allowNull: true });
  await q.addColumn('cycles', 'evaluationOpenedAt', { type: DataTypes.DATE(3), allowNull: true });
  await q.addColumn('tasks', 'cycleId', { type: DataTypes.INTEGER, allowNull: true });
  await q.addIndex('tasks', ['cycleId', 'state']);
  await q.addColumn('scores', 'cycleId', { type: DataTypes.INTEGER, allowNull: true });
  await q.addIndex('scores', ['cycleId', 'subjectUserId'], { unique: true, name: 'scores_cycle_subject' });
  await q.createTable('result_applications', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    cycleId: { type: DataTypes.INTEGER, allowNull: false },
    subjectUserId: { type: DataTypes.INTEGER, allowNull: false },
    unitId: { type: DataTypes.INTEGER, allowNull: false },
    period: { type: DataTypes.STRING(32), allowNull: false },
    grade: { type: DataTypes.STRING(32), allowNull: false },
    total: { type: DataTypes.DECIMAL(10, 2), allowNull: false },
    bonusCoefficient: { type: DataTypes.STRING(16), allowNull: true },
    bonusMonthsOffset: { type: DataTypes.STRING(16), allowNull: true },
    /** JSON list codes: commendation, promotion, training, talk */
    lists: { type: DataTypes.STRING(256), allowNull: false },
    actions: { type: longText(q), allowNull: false },
    trace: { type: longText(q), allowNull: false },
    appliedAt: { type: DataTypes.DATE(3), allowNull: false },
  });
  await q.addIndex('result_applications', ['cycleId', 'subjectUserId'], { unique: true, name: 'result_applications_cycle_subject' });
  await q.createTable('notifications', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    userId: { type: DataTypes.INTEGER, allowNull: false },
    kind: { type: DataTypes.STRING(32), allowNull: false },
    zh: { type: DataTypes.STRING(1000), allowNull: false },
    en: { type: DataTypes.STRING(1000), allowNull: false },
    link: { type: DataTypes.STRING(256), allowNull: true },
    createdAt: { type: DataTypes.DATE(3), allowNull: false },
    readAt: { type: DataTypes.DATE(3), allowNull: true },
  });
  await q.addIndex('notifications', ['userId', 'id']);
}

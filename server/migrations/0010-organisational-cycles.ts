import { DataTypes, type QueryInterface } from 'sequelize';
import { longText } from './long-text.ts';

const id = { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true };

/** The columns `scores` has had since 0009, in their order, copied as they are. */
const SCORE_COLUMNS = ['id', 'instanceKey', 'subjectUserId', 'unitId', 'period', 'ruleSet', 'ruleSetVersion', 'category', 'total', 'trace', 'detail', 'grade', 'gradeDetail', 'createdAt', 'cycleId'];

/**
 * Organisational cycles (组织绩效): a cycle assesses either the people (`person`) or the units (`unit`) of a unit
 * subtree; `cycle_units` records each unit of a unit cycle and its instance, once per unit, process and period, as
 * `cycle_members` does for people. A score is a person's (`subjectUserId`) or a unit's (`subjectUnitId`): `scores` is
 * rebuilt with a nullable `subjectUserId`, the same way on SQLite and MySQL (SQLite cannot alter a column in place).
 */
export async function up({ context: q }: { context: QueryInterface }) {
  await q.addColumn('cycles', 'subjectKind', { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'person' });
  await q.createTable('cycle_units', {
    id,
    cycleId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'cycles', key: 'id' } },
    unitId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'units', key: 'id' } },
    /** the process and period again, so one unit is never assessed twice for the same period */
    processId: { type: DataTypes.STRING(128), allowNull: false },
    period: { type: DataTypes.STRING(32), allowNull: false },
    /** pending → started | failed */
    status: { type: DataTypes.STRING(16), allowNull: false },
    instanceKey: { type: DataTypes.STRING(40), allowNull: true },
    error: { type: DataTypes.TEXT, allowNull: true },
  });
  await q.addIndex('cycle_units', ['processId', 'period', 'unitId'], { unique: true, name: 'cycle_units_process_period_unit' });
  await q.addIndex('cycle_units', ['cycleId', 'status'], { name: 'cycle_units_cycle_status' });

  await q.createTable('scores_next', {
    id,
    instanceKey: { type: DataTypes.STRING(40), allowNull: false, unique: true },
    /** the person scored, or null for a unit's score */
    subjectUserId: { type: DataTypes.INTEGER, allowNull: true },
    /** the unit scored, or null for a person's score */
    subjectUnitId: { type: DataTypes.INTEGER, allowNull: true },
    /** the person's unit, or the unit scored: whose managers may read the score */
    unitId: { type: DataTypes.INTEGER, allowNull: false },
    period: { type: DataTypes.STRING(32), allowNull: false },
    ruleSet: { type: DataTypes.STRING(64), allowNull: false },
    ruleSetVersion: { type: DataTypes.INTEGER, allowNull: false },
    category: { type: DataTypes.STRING(64), allowNull: true },
    total: { type: DataTypes.DECIMAL(10, 2), allowNull: false },
    trace: { type: longText(q), allowNull: false },
    detail: { type: longText(q), allowNull: false },
    grade: { type: DataTypes.STRING(32), allowNull: true },
    gradeDetail: { type: longText(q), allowNull: true },
    createdAt: { type: DataTypes.DATE(3), allowNull: false },
    cycleId: { type: DataTypes.INTEGER, allowNull: true },
  });
  const columns = SCORE_COLUMNS.map((c) => q.quoteIdentifier(c)).join(', ');
  await q.sequelize.query(`INSERT INTO ${q.quoteIdentifier('scores_next')} (${columns}) SELECT ${columns} FROM ${q.quoteIdentifier('scores')}`);
  await q.dropTable('scores');
  await q.renameTable('scores_next', 'scores');
  await q.addIndex('scores', ['period', 'ruleSet'], { name: 'scores_period_rule_set' });
  await q.addIndex('scores', ['cycleId', 'subjectUserId'], { unique: true, name: 'scores_cycle_subject' });
  await q.addIndex('scores', ['cycleId', 'subjectUnitId'], { unique: true, name: 'scores_cycle_unit' });
}

import { DataTypes, type QueryInterface } from 'sequelize';
import { longText } from './long-text.ts';

/**
 * The plan stage (绩效计划): a person's or a unit's published plan per period, every version of its targets
 * (publication, then each approved adjustment, with who, when and why), and the adjustment cut-off date the
 * performance office sets per unit subtree and period (目标调整截止日期).
 */
export async function up({ context: q }: { context: QueryInterface }) {
  await q.createTable('plans', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    /** person (个人绩效承诺书) or unit (单位年度目标) */
    subjectKind: { type: DataTypes.STRING(16), allowNull: false },
    /** the person, for a person's plan */
    subjectUserId: { type: DataTypes.INTEGER, allowNull: true },
    /** the person's unit, or the unit whose targets these are */
    unitId: { type: DataTypes.INTEGER, allowNull: false },
    /** `user:<id>` or `unit:<id>`: one plan per subject and period */
    subjectKey: { type: DataTypes.STRING(32), allowNull: false },
    period: { type: DataTypes.STRING(32), allowNull: false },
    version: { type: DataTypes.INTEGER, allowNull: false },
    publishedAt: { type: DataTypes.DATE(3), allowNull: false },
    updatedAt: { type: DataTypes.DATE(3), allowNull: false },
  });
  await q.addIndex('plans', ['subjectKey', 'period'], { unique: true, name: 'plans_subject_period' });
  await q.addIndex('plans', ['period', 'unitId'], { name: 'plans_period_unit' });
  await q.createTable('plan_versions', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    planId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'plans', key: 'id' } },
    version: { type: DataTypes.INTEGER, allowNull: false },
    /** publish | adjust */
    kind: { type: DataTypes.STRING(16), allowNull: false },
    targets: { type: longText(q), allowNull: false },
    /** the written reason of an adjustment (调整理由) */
    reason: { type: DataTypes.STRING(1000), allowNull: true },
    /** who filled the plan or requested the adjustment */
    requestedBy: { type: DataTypes.STRING(64), allowNull: false },
    requestedAt: { type: DataTypes.DATE(3), allowNull: false },
    /** the approvals, in order: [{step, by, at}] */
    approvals: { type: longText(q), allowNull: false },
    /** the instance that published or adjusted it: a redelivered job finds its version instead of adding one */
    instanceKey: { type: DataTypes.STRING(40), allowNull: false, unique: true },
    createdAt: { type: DataTypes.DATE(3), allowNull: false },
  });
  await q.addIndex('plan_versions', ['planId', 'version'], { unique: true, name: 'plan_versions_plan_version' });
  await q.createTable('plan_cutoffs', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    unitId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'units', key: 'id' } },
    period: { type: DataTypes.STRING(32), allowNull: false },
    /** the last day (Beijing time) an adjustment may be requested, YYYY-MM-DD */
    lastDay: { type: DataTypes.STRING(10), allowNull: false },
    setBy: { type: DataTypes.STRING(64), allowNull: false },
    setAt: { type: DataTypes.DATE(3), allowNull: false },
  });
  await q.addIndex('plan_cutoffs', ['unitId', 'period'], { unique: true, name: 'plan_cutoffs_unit_period' });
}

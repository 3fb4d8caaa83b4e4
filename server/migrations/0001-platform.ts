import { DataTypes, type QueryInterface } from 'sequelize';
import { longText } from './long-text.ts';

const id = { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true };
const createdAt = { type: DataTypes.DATE(3), allowNull: false };

/** Org tree, users and roles, sessions, forms, inbox tasks, submissions, scores, audit log, cycles. */
export async function up({ context: q }: { context: QueryInterface }) {
  const json = { type: longText(q), allowNull: false };
  await q.createTable('units', {
    id,
    code: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    name: { type: DataTypes.STRING(128), allowNull: false },
    parentId: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'units', key: 'id' } },
    category: { type: DataTypes.STRING(64), allowNull: true },
    createdAt,
  });
  await q.createTable('users', {
    id,
    username: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    displayName: { type: DataTypes.STRING(64), allowNull: false },
    passwordHash: { type: DataTypes.STRING(256), allowNull: false },
    unitId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'units', key: 'id' } },
    supervisorId: { type: DataTypes.INTEGER, allowNull: true },
    leaderInChargeId: { type: DataTypes.INTEGER, allowNull: true },
    postCategory: { type: DataTypes.STRING(64), allowNull: true },
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    createdAt,
  });
  await q.createTable('user_roles', {
    id,
    userId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'users', key: 'id' } },
    role: { type: DataTypes.STRING(32), allowNull: false },
    unitId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'units', key: 'id' } },
  });
  await q.addIndex('user_roles', ['userId', 'role', 'unitId'], { unique: true });
  await q.createTable('sessions', {
    id: { type: DataTypes.STRING(64), primaryKey: true },
    userId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'users', key: 'id' } },
    expiresAt: { type: DataTypes.DATE(3), allowNull: false },
    createdAt,
  });
  await q.createTable('forms', {
    id,
    formKey: { type: DataTypes.STRING(128), allowNull: false },
    name: { type: DataTypes.STRING(128), allowNull: false },
    version: { type: DataTypes.INTEGER, allowNull: false },
    schema: json,
    createdAt,
  });
  await q.addIndex('forms', ['formKey', 'version'], { unique: true });
  await q.createTable('tasks', {
    id: { type: DataTypes.STRING(40), primaryKey: true },
    instanceKey: { type: DataTypes.STRING(40), allowNull: false },
    executionId: { type: DataTypes.STRING(128), allowNull: false, unique: true },
    elementId: { type: DataTypes.STRING(128), allowNull: false },
    processId: { type: DataTypes.STRING(128), allowNull: false },
    name: { type: DataTypes.STRING(256), allowNull: false },
    assignee: { type: DataTypes.STRING(64), allowNull: true },
    candidateUsers: { type: DataTypes.TEXT, allowNull: false },
    candidateGroups: { type: DataTypes.TEXT, allowNull: false },
    formKey: { type: DataTypes.STRING(128), allowNull: true },
    dueDate: { type: DataTypes.DATE(3), allowNull: true },
    followUpDate: { type: DataTypes.DATE(3), allowNull: true },
    priority: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 50 },
    state: { type: DataTypes.STRING(16), allowNull: false },
    subjectUserId: { type: DataTypes.INTEGER, allowNull: true },
    unitId: { type: DataTypes.INTEGER, allowNull: true },
    createdAt,
    completedAt: { type: DataTypes.DATE(3), allowNull: true },
    completedBy: { type: DataTypes.STRING(64), allowNull: true },
  });
  await q.addIndex('tasks', ['assignee', 'state']);
  await q.addIndex('tasks', ['instanceKey']);
  await q.createTable('submissions', {
    id,
    taskId: { type: DataTypes.STRING(40), allowNull: false, unique: true },
    instanceKey: { type: DataTypes.STRING(40), allowNull: false },
    formKey: { type: DataTypes.STRING(128), allowNull: false },
    formVersion: { type: DataTypes.INTEGER, allowNull: false },
    data: json,
    submittedBy: { type: DataTypes.STRING(64), allowNull: false },
    createdAt,
  });
  await q.createTable('scores', {
    id,
    instanceKey: { type: DataTypes.STRING(40), allowNull: false, unique: true },
    subjectUserId: { type: DataTypes.INTEGER, allowNull: false },
    unitId: { type: DataTypes.INTEGER, allowNull: false },
    period: { type: DataTypes.STRING(32), allowNull: false },
    ruleSet: { type: DataTypes.STRING(64), allowNull: false },
    ruleSetVersion: { type: DataTypes.INTEGER, allowNull: false },
    category: { type: DataTypes.STRING(64), allowNull: true },
    total: { type: DataTypes.DECIMAL(10, 2), allowNull: false },
    trace: json,
    /** intermediates, veto effects and bonus cancellations: what grading the cohort needs */
    detail: json,
    grade: { type: DataTypes.STRING(32), allowNull: true },
    gradeDetail: { type: longText(q), allowNull: true },
    createdAt,
  });
  await q.addIndex('scores', ['period', 'ruleSet']);
  await q.createTable('rule_sets', {
    id,
    code: { type: DataTypes.STRING(64), allowNull: false },
    unitId: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'units', key: 'id' } },
    version: { type: DataTypes.INTEGER, allowNull: false },
    name: { type: DataTypes.STRING(128), allowNull: false },
    /** the full rule set (a preset or a unit's own), or null when it inherits */
    definition: { type: longText(q), allowNull: true },
    /** inherits the latest version of this code in the nearest ancestor unit, plus these overrides */
    overrides: { type: longText(q), allowNull: true },
    createdBy: { type: DataTypes.STRING(64), allowNull: true },
    createdAt,
  });
  await q.addIndex('rule_sets', ['code', 'unitId', 'version'], { unique: true });
  await q.createTable('audit_log', {
    id,
    at: { type: DataTypes.DATE(3), allowNull: false },
    actor: { type: DataTypes.STRING(64), allowNull: false },
    action: { type: DataTypes.STRING(64), allowNull: false },
    target: { type: DataTypes.STRING(256), allowNull: false },
    detail: { type: DataTypes.TEXT, allowNull: false },
  });
  await q.createTable('cycles', {
    id,
    name: { type: DataTypes.STRING(128), allowNull: false },
    /** annual / quarterly / monthly */
    kind: { type: DataTypes.STRING(16), allowNull: false },
    period: { type: DataTypes.STRING(32), allowNull: false },
    processId: { type: DataTypes.STRING(128), allowNull: false },
    ruleSet: { type: DataTypes.STRING(64), allowNull: false },
    unitId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'units', key: 'id' } },
    /** draft → launching → launched */
    status: { type: DataTypes.STRING(16), allowNull: false },
    createdBy: { type: DataTypes.STRING(64), allowNull: true },
    createdAt,
    launchedAt: { type: DataTypes.DATE(3), allowNull: true },
  });
  await q.createTable('cycle_members', {
    id,
    cycleId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'cycles', key: 'id' } },
    userId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'users', key: 'id' } },
    /** the process and period again, so one person is never assessed twice for the same period */
    processId: { type: DataTypes.STRING(128), allowNull: false },
    period: { type: DataTypes.STRING(32), allowNull: false },
    /** pending → started | failed */
    status: { type: DataTypes.STRING(16), allowNull: false },
    instanceKey: { type: DataTypes.STRING(40), allowNull: true },
    error: { type: DataTypes.TEXT, allowNull: true },
  });
  await q.addIndex('cycle_members', ['processId', 'period', 'userId'], { unique: true });
  await q.addIndex('cycle_members', ['cycleId', 'status']);
}

import { DataTypes, type QueryInterface } from 'sequelize';
import { longText } from './long-text.ts';

const timestamps = { createdAt: { type: DataTypes.DATE(3), allowNull: false }, updatedAt: { type: DataTypes.DATE(3), allowNull: false } };

/**
 * Deployed process versions, instance state saved at every wait, jobs for the workers, durable timers,
 * message subscriptions and buffered messages, and the history of passed elements.
 */
export async function up({ context: q }: { context: QueryInterface }) {
  await q.createTable('engine_deployments', {
    definitionKey: { type: DataTypes.STRING(40), primaryKey: true },
    processId: { type: DataTypes.STRING(128), allowNull: false },
    name: { type: DataTypes.STRING(256), allowNull: false },
    version: { type: DataTypes.INTEGER, allowNull: false },
    xml: { type: longText(q), allowNull: false },
    unitId: { type: DataTypes.INTEGER, allowNull: true },
    deployedBy: { type: DataTypes.STRING(64), allowNull: true },
    createdAt: { type: DataTypes.DATE(3), allowNull: false },
  });
  await q.addIndex('engine_deployments', ['processId', 'version'], { unique: true });
  await q.createTable('engine_instances', {
    instanceKey: { type: DataTypes.STRING(40), primaryKey: true },
    definitionKey: { type: DataTypes.STRING(40), allowNull: false },
    processId: { type: DataTypes.STRING(128), allowNull: false },
    version: { type: DataTypes.INTEGER, allowNull: false },
    status: { type: DataTypes.STRING(16), allowNull: false },
    state: { type: longText(q), allowNull: true },
    variables: { type: longText(q), allowNull: false },
    waiting: { type: DataTypes.TEXT, allowNull: false },
    businessKey: { type: DataTypes.STRING(128), allowNull: true },
    unitId: { type: DataTypes.INTEGER, allowNull: true },
    error: { type: DataTypes.TEXT, allowNull: true },
    parentInstanceKey: { type: DataTypes.STRING(40), allowNull: true },
    parentExecutionId: { type: DataTypes.STRING(128), allowNull: true },
    rev: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    ...timestamps,
  });
  await q.createTable('engine_jobs', {
    jobKey: { type: DataTypes.STRING(40), primaryKey: true },
    instanceKey: { type: DataTypes.STRING(40), allowNull: false },
    executionId: { type: DataTypes.STRING(128), allowNull: false, unique: true },
    elementId: { type: DataTypes.STRING(128), allowNull: false },
    type: { type: DataTypes.STRING(128), allowNull: false },
    customHeaders: { type: DataTypes.TEXT, allowNull: false },
    variables: { type: longText(q), allowNull: false },
    retries: { type: DataTypes.INTEGER, allowNull: false },
    status: { type: DataTypes.STRING(16), allowNull: false },
    dueAt: { type: DataTypes.DATE(3), allowNull: false },
    lockedUntil: { type: DataTypes.DATE(3), allowNull: true },
    error: { type: DataTypes.TEXT, allowNull: true },
    ...timestamps,
  });
  await q.addIndex('engine_jobs', ['status', 'dueAt']);
  await q.addIndex('engine_jobs', ['instanceKey']);
  await q.addIndex('engine_instances', ['parentInstanceKey', 'status']);
  await q.createTable('engine_timers', {
    executionId: { type: DataTypes.STRING(128), primaryKey: true },
    instanceKey: { type: DataTypes.STRING(40), allowNull: false },
    elementId: { type: DataTypes.STRING(128), allowNull: false },
    dueAt: { type: DataTypes.DATE(3), allowNull: false },
  });
  await q.addIndex('engine_timers', ['dueAt']);
  await q.addIndex('engine_timers', ['instanceKey']);
  await q.createTable('engine_subscriptions', {
    executionId: { type: DataTypes.STRING(128), primaryKey: true },
    instanceKey: { type: DataTypes.STRING(40), allowNull: false },
    elementId: { type: DataTypes.STRING(128), allowNull: false },
    messageName: { type: DataTypes.STRING(256), allowNull: false },
    correlationKey: { type: DataTypes.STRING(256), allowNull: false },
    createdAt: { type: DataTypes.DATE(3), allowNull: false },
  });
  await q.addIndex('engine_subscriptions', ['messageName', 'correlationKey']);
  await q.addIndex('engine_subscriptions', ['instanceKey']);
  await q.createTable('engine_messages', {
    messageKey: { type: DataTypes.STRING(40), primaryKey: true },
    name: { type: DataTypes.STRING(256), allowNull: false },
    correlationKey: { type: DataTypes.STRING(256), allowNull: false },
    variables: { type: longText(q), allowNull: false },
    expiresAt: { type: DataTypes.DATE(3), allowNull: false },
    createdAt: { type: DataTypes.DATE(3), allowNull: false },
  });
  await q.addIndex('engine_messages', ['name', 'correlationKey']);
  await q.createTable('engine_lease', {
    name: { type: DataTypes.STRING(32), primaryKey: true },
    holder: { type: DataTypes.STRING(128), allowNull: false },
    hostname: { type: DataTypes.STRING(128), allowNull: false },
    pid: { type: DataTypes.INTEGER, allowNull: false },
    expiresAt: { type: DataTypes.DATE(3), allowNull: false },
  });
  await q.createTable('engine_history', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    instanceKey: { type: DataTypes.STRING(40), allowNull: false },
    elementId: { type: DataTypes.STRING(128), allowNull: true },
    elementType: { type: DataTypes.STRING(64), allowNull: true },
    name: { type: DataTypes.STRING(256), allowNull: true },
    event: { type: DataTypes.STRING(64), allowNull: false },
    at: { type: DataTypes.DATE(3), allowNull: false },
  });
  await q.addIndex('engine_history', ['instanceKey']);
}

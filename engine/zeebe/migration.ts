import { DataTypes, type QueryInterface } from 'sequelize';
import { longText } from '../../server/migrations/long-text.ts';

const key = (primaryKey = false) => ({ type: DataTypes.STRING(24), allowNull: false, primaryKey });

/**
 * The Zeebe adapter's local record (engine/zeebe/store.ts): its deployments, the instances, incidents and
 * element events it has seen. Register it with the platform's migrations (e.g. as `0003-zeebe-engine`).
 */
export async function up({ context: q }: { context: QueryInterface }) {
  await q.createTable('zeebe_deployments', {
    definitionKey: key(true),
    processId: { type: DataTypes.STRING(128), allowNull: false },
    name: { type: DataTypes.STRING(256), allowNull: false },
    version: { type: DataTypes.INTEGER, allowNull: false },
    xml: { type: longText(q), allowNull: false },
    unitId: { type: DataTypes.INTEGER, allowNull: true },
    deployedBy: { type: DataTypes.STRING(64), allowNull: true },
    createdAt: { type: DataTypes.DATE, allowNull: false },
  });
  await q.addIndex('zeebe_deployments', ['processId', 'version']);
  await q.createTable('zeebe_instances', {
    instanceKey: key(true),
    definitionKey: key(),
    processId: { type: DataTypes.STRING(128), allowNull: false },
    version: { type: DataTypes.INTEGER, allowNull: false },
    status: { type: DataTypes.STRING(16), allowNull: false },
    businessKey: { type: DataTypes.STRING(128), allowNull: true },
    unitId: { type: DataTypes.INTEGER, allowNull: true },
    error: { type: DataTypes.TEXT, allowNull: true },
    variables: { type: longText(q), allowNull: false },
    createdAt: { type: DataTypes.DATE, allowNull: false },
    updatedAt: { type: DataTypes.DATE, allowNull: false },
  });
  await q.createTable('zeebe_incidents', {
    jobKey: key(true),
    instanceKey: key(),
    processId: { type: DataTypes.STRING(128), allowNull: false },
    elementId: { type: DataTypes.STRING(128), allowNull: false },
    jobType: { type: DataTypes.STRING(128), allowNull: false },
    message: { type: DataTypes.TEXT, allowNull: false },
    createdAt: { type: DataTypes.DATE, allowNull: false },
  });
  await q.createTable('zeebe_history', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    instanceKey: key(),
    elementId: { type: DataTypes.STRING(128), allowNull: true },
    elementType: { type: DataTypes.STRING(64), allowNull: true },
    name: { type: DataTypes.STRING(256), allowNull: true },
    event: { type: DataTypes.STRING(64), allowNull: false },
    sourceKey: { type: DataTypes.STRING(24), allowNull: true },
    at: { type: DataTypes.DATE, allowNull: false },
  });
  await q.addIndex('zeebe_history', ['instanceKey']);
  await q.addIndex('zeebe_history', ['sourceKey']);
}

/**
 * The element instance of each user task (recorded from its `creating` listener job), which a process instance
 * modification terminates. Registered with the platform's migrations as part of `0006-send-back-and-signers`.
 */
export async function recordElementInstances({ context: q }: { context: QueryInterface }) {
  await q.addColumn('zeebe_history', 'elementInstanceKey', { type: DataTypes.STRING(24), allowNull: true });
}

/** The times the record was created with (second precision on MySQL), kept to the millisecond like every other table. */
const TIMES: Array<[table: string, column: string]> = [
  ['zeebe_deployments', 'createdAt'],
  ['zeebe_instances', 'createdAt'],
  ['zeebe_instances', 'updatedAt'],
  ['zeebe_incidents', 'createdAt'],
  ['zeebe_history', 'at'],
];

/**
 * Registered with the platform's migrations as `0011-zeebe-times`. SQLite stores times as text with milliseconds
 * already (and cannot change a column in place), so only MySQL changes.
 */
export async function millisecondTimes({ context: q }: { context: QueryInterface }) {
  if (q.sequelize.getDialect() !== 'mysql') return;
  for (const [table, column] of TIMES) await q.changeColumn(table, column, { type: DataTypes.DATE(3), allowNull: false });
}

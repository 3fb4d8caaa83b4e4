import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * Approval operations on inbox tasks: the instance's approval record (审批记录), one row per action, and the
 * owner of a task while it is delegated (委派).
 */
export async function up({ context: q }: { context: QueryInterface }) {
  await q.createTable('task_events', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    taskId: { type: DataTypes.STRING(40), allowNull: false },
    instanceKey: { type: DataTypes.STRING(40), allowNull: false },
    action: { type: DataTypes.STRING(32), allowNull: false },
    actor: { type: DataTypes.STRING(64), allowNull: false },
    /** the person the action is aimed at: new assignee, delegate, copied reader, urged assignee */
    targetUser: { type: DataTypes.STRING(64), allowNull: true },
    comment: { type: DataTypes.STRING(1000), allowNull: true },
    at: { type: DataTypes.DATE(3), allowNull: false },
  });
  await q.addIndex('task_events', ['instanceKey', 'id']);
  await q.addIndex('task_events', ['taskId', 'action']);
  await q.addIndex('task_events', ['targetUser', 'action']);
  await q.createTable('task_delegations', {
    taskId: { type: DataTypes.STRING(40), primaryKey: true },
    /** who delegated the task and gets it back when the delegate resolves it */
    owner: { type: DataTypes.STRING(64), allowNull: false },
    delegatedAt: { type: DataTypes.DATE(3), allowNull: false },
  });
}

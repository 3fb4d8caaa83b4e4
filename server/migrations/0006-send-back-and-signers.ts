import { DataTypes, type QueryInterface } from 'sequelize';
import { longText } from './long-text.ts';
import { recordElementInstances } from '../../engine/zeebe/migration.ts';

/**
 * 退回 and 加签: where a send-back moved the instance to (so the step it reopens shows the comment), the people
 * added to sign a task (加签), and, for the Zeebe adapter, the element instance of each user task (what a
 * process instance modification terminates).
 */
export async function up({ context: q }: { context: QueryInterface }) {
  /** the element a 退回 or 撤回 reopened */
  await q.addColumn('task_events', 'toElementId', { type: DataTypes.STRING(128), allowNull: true });
  await q.createTable('task_signers', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    taskId: { type: DataTypes.STRING(40), allowNull: false },
    signer: { type: DataTypes.STRING(64), allowNull: false },
    /** the assignee who added the signer and gets the task back (before) or whose completion waits (after) */
    owner: { type: DataTypes.STRING(64), allowNull: false },
    position: { type: DataTypes.STRING(8), allowNull: false },
    /** 后加签: the owner's completion (variables and form), held until the signer approves */
    held: { type: longText(q), allowNull: true },
    state: { type: DataTypes.STRING(16), allowNull: false },
    addedAt: { type: DataTypes.DATE(3), allowNull: false },
    signedAt: { type: DataTypes.DATE(3), allowNull: true },
  });
  await q.addIndex('task_signers', ['taskId', 'state']);
  await recordElementInstances({ context: q });
}

import { Op, type Transaction } from 'sequelize';
import type { Audit } from '../audit.ts';
import type { TaskAction, TaskEventRow, TaskOperationTables } from './tables.ts';
import { isoDate } from '../../http/iso-date.ts';

export interface TaskEventInput {
  task: { id: string; instanceKey: string; name: string };
  action: TaskAction;
  actor: string;
  targetUser?: string | null;
  comment?: string | null;
  toElementId?: string | null;
}

/** Actions that mean someone has acted on the task, not just looked at it or been reminded of it. */
const HANDLING: TaskAction[] = ['complete', 'transfer', 'delegate', 'resolve', 'withdraw', 'return', 'add_signer_before', 'add_signer_after', 'sign_approve', 'sign_reject'];

/** The approval record (审批记录): every action on a task, written in the transaction of the action itself. */
export function createTaskEvents(tables: TaskOperationTables, audit: Audit) {
  const { TaskEvent } = tables;
  return {
    async record(input: TaskEventInput, transaction: Transaction) {
      const { task, action, actor } = input;
      const targetUser = input.targetUser ?? null;
      const comment = input.comment?.trim() || null;
      const toElementId = input.toElementId ?? null;
      await TaskEvent.create({ taskId: task.id, instanceKey: task.instanceKey, action, actor, targetUser, comment, toElementId, at: new Date() }, { transaction });
      await audit.record({ actor, action: `task.${action}`, target: `task:${task.id}`, detail: { name: task.name, instanceKey: task.instanceKey, targetUser, comment, toElementId } }, transaction);
    },

    async ofInstance(instanceKey: string): Promise<TaskEventRow[]> {
      return TaskEvent.findAll({ where: { instanceKey }, order: [['id', 'ASC']], raw: true });
    },

    /**
     * The 退回 that reopened this task, if the last thing that happened in its instance before the task was
     * created was a send-back to its step.
     */
    async returnedTo(task: { instanceKey: string; elementId: string; createdAt: Date }): Promise<TaskEventRow | null> {
      const last = await TaskEvent.findOne({
        where: { instanceKey: task.instanceKey, action: { [Op.in]: ['complete', 'return', 'withdraw', 'sign_approve'] }, at: { [Op.lte]: task.createdAt } },
        order: [['id', 'DESC']],
        raw: true,
      });
      return last?.action === 'return' && last.toElementId === task.elementId ? last : null;
    },

    /** Whether anyone acted on the task: completed, transferred, delegated, resolved or withdrew it. */
    async wasHandled(taskId: string, transaction?: Transaction): Promise<boolean> {
      return (await TaskEvent.count({ where: { taskId, action: { [Op.in]: HANDLING } }, transaction })) > 0;
    },

    async isCopiedTo(taskId: string, username: string): Promise<boolean> {
      return (await TaskEvent.count({ where: { taskId, action: 'cc', targetUser: username } })) > 0;
    },

    async copiedTaskIds(username: string): Promise<string[]> {
      const rows = await TaskEvent.findAll({ where: { action: 'cc', targetUser: username }, attributes: ['taskId'], raw: true });
      return [...new Set(rows.map((r) => r.taskId))];
    },

    /** How often each of these tasks was urged (催办) and when last, in one read. */
    async urgesOf(taskIds: string[]): Promise<Map<string, { count: number; lastAt: Date | null }>> {
      const rows = await TaskEvent.findAll({ where: { taskId: taskIds, action: 'urge' }, attributes: ['taskId', 'at'], order: [['id', 'ASC']], raw: true });
      const urges = new Map<string, { count: number; lastAt: Date | null }>();
      for (const row of rows) urges.set(row.taskId, { count: (urges.get(row.taskId)?.count ?? 0) + 1, lastAt: row.at });
      return urges;
    },

    /** How often the task was urged (催办) and when last, by anyone or by one person. */
    async urges(taskId: string, actor?: string, transaction?: Transaction) {
      const where = { taskId, action: 'urge', ...(actor ? { actor } : {}) };
      const count = await TaskEvent.count({ where, transaction });
      const last = await TaskEvent.findOne({ where, order: [['id', 'DESC']], raw: true, transaction });
      return { count, lastAt: last?.at ?? null };
    },
  };
}

export type TaskEvents = ReturnType<typeof createTaskEvents>;

export const presentEvent = (e: TaskEventRow) => ({
  id: e.id,
  taskId: e.taskId,
  action: e.action,
  actor: e.actor,
  targetUser: e.targetUser,
  comment: e.comment,
  toElementId: e.toElementId,
  at: isoDate(e.at),
});

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
}

/** Actions that mean someone has acted on the task, not just looked at it or been reminded of it. */
const HANDLING: TaskAction[] = ['complete', 'transfer', 'delegate', 'resolve', 'withdraw'];

/** The approval record (审批记录): every action on a task, written in the transaction of the action itself. */
export function createTaskEvents(tables: TaskOperationTables, audit: Audit) {
  const { TaskEvent } = tables;
  return {
    async record(input: TaskEventInput, transaction: Transaction) {
      const { task, action, actor } = input;
      const targetUser = input.targetUser ?? null;
      const comment = input.comment?.trim() || null;
      await TaskEvent.create({ taskId: task.id, instanceKey: task.instanceKey, action, actor, targetUser, comment, at: new Date() }, { transaction });
      await audit.record({ actor, action: `task.${action}`, target: `task:${task.id}`, detail: { name: task.name, instanceKey: task.instanceKey, targetUser, comment } }, transaction);
    },

    async ofInstance(instanceKey: string): Promise<TaskEventRow[]> {
      return TaskEvent.findAll({ where: { instanceKey }, order: [['id', 'ASC']], raw: true });
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
  at: isoDate(e.at),
});

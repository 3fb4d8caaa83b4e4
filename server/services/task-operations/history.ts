import type { SessionUser } from '../../auth/session-user.ts';
import type { OperationContext } from './context.ts';
import { presentEvent } from './task-events.ts';

/** 审批记录: every action on every task of the task's instance, oldest first, with the step it happened on. */
export function history(ctx: OperationContext) {
  return async (id: string, user: SessionUser) => {
    const task = await ctx.inbox.find(id, user);
    const steps = await ctx.models.Task.findAll({ where: { instanceKey: task.instanceKey }, attributes: ['id', 'name'], raw: true });
    const names = new Map(steps.map((s) => [s.id, s.name]));
    return (await ctx.inbox.events.ofInstance(task.instanceKey)).map((e) => ({ ...presentEvent(e), taskName: names.get(e.taskId) ?? null }));
  };
}

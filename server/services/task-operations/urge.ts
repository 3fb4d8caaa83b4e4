import type { SessionUser } from '../../auth/session-user.ts';
import { MANAGERS } from '../../auth/roles.ts';
import { AppError } from '../../http/errors.ts';
import type { OperationContext } from './context.ts';
import { taskClosed } from './refusals.ts';

/** One person urges one task at most this often. */
export const URGE_INTERVAL_MINUTES = 10;

const mayNotUrge = () => new AppError(403, 'task.urge_forbidden', '只有被考核人本人或管理人员可以催办', 'Only the person assessed or a manager may urge this task');
const tooSoon = (minutes: number) =>
  new AppError(409, 'task.urge_too_soon', `您刚催办过，请 ${minutes} 分钟后再催办`, `You urged this task recently; try again in ${minutes} min`);

/** 催办: the person assessed, or a manager of the task's unit, reminds the assignee; the task shows how often. */
export function urge(ctx: OperationContext) {
  return async (id: string, user: SessionUser, input: { comment?: string }) => {
    const task = await ctx.inbox.find(id, user);
    if (task.state !== 'open') throw taskClosed();
    const manages = task.unitId !== null && (await ctx.scope.unitsFor(user, MANAGERS)).has(task.unitId);
    if (task.subjectUserId !== user.id && !manages) throw mayNotUrge();
    await ctx.inTransaction(async (transaction) => {
      const { lastAt } = await ctx.inbox.events.urges(task.id, user.username, transaction);
      const waitMs = lastAt ? new Date(lastAt).getTime() + URGE_INTERVAL_MINUTES * 60_000 - Date.now() : 0;
      if (waitMs > 0) throw tooSoon(Math.ceil(waitMs / 60_000));
      await ctx.inbox.events.record({ task, action: 'urge', actor: user.username, targetUser: task.assignee, comment: input.comment }, transaction);
    });
    return ctx.inbox.present(task);
  };
}

import type { SessionUser } from '../../auth/session-user.ts';
import { activeUser, reassign, type OperationContext } from './context.ts';
import { toSelf } from './refusals.ts';

/** 转办: the person handling the task hands it over for good; the new assignee completes it. */
export function transfer(ctx: OperationContext) {
  return async (id: string, user: SessionUser, input: { to: string; comment?: string }) => {
    const task = await ctx.inbox.handling(id, user);
    if (input.to === user.username) throw toSelf();
    await activeUser(ctx.models, input.to);
    await ctx.inTransaction(async (transaction) => {
      await reassign(ctx.models, task, input.to, transaction);
      await ctx.inbox.events.record({ task, action: 'transfer', actor: user.username, targetUser: input.to, comment: input.comment }, transaction);
    });
    return ctx.inbox.present({ ...task, assignee: input.to });
  };
}

import type { SessionUser } from '../../auth/session-user.ts';
import { AppError } from '../../http/errors.ts';
import { activeUser, reassign, type OperationContext } from './context.ts';
import { taskClosed, toSelf } from './refusals.ts';
import { pendingSigner } from './sign.ts';

/** 委派: the person handling the task asks someone else to work on it; it comes back to them afterwards. */
export function delegate(ctx: OperationContext) {
  return async (id: string, user: SessionUser, input: { to: string; comment?: string }) => {
    const task = await ctx.inbox.handling(id, user);
    if (input.to === user.username) throw toSelf();
    await activeUser(ctx.models, input.to);
    await ctx.inTransaction(async (transaction) => {
      await reassign(ctx.models, task, input.to, transaction);
      await ctx.inbox.tables.TaskDelegation.create({ taskId: task.id, owner: user.username, delegatedAt: new Date() }, { transaction });
      await ctx.inbox.events.record({ task, action: 'delegate', actor: user.username, targetUser: input.to, comment: input.comment }, transaction);
    });
    return ctx.inbox.present({ ...task, assignee: input.to });
  };
}

const notDelegate = () => new AppError(403, 'task.not_delegate', '只有被委派人可以办理交还', 'Only the delegate may resolve this task');
const signInstead = () => new AppError(409, 'task.signing', '这是加签任务，请签署意见（同意或不同意）', 'You were added to sign this task: approve or reject it');

/** 委派办理交还 (resolve): the delegate hands the task back to its owner, who then completes it. */
export function resolve(ctx: OperationContext) {
  return async (id: string, user: SessionUser, input: { comment?: string }) => {
    const task = await ctx.inbox.find(id, user);
    if (task.state !== 'open') throw taskClosed();
    const delegation = await ctx.inbox.tables.TaskDelegation.findByPk(task.id, { raw: true });
    if (!delegation || task.assignee !== user.username) throw notDelegate();
    if (await pendingSigner(ctx, task.id)) throw signInstead();
    await ctx.inTransaction(async (transaction) => {
      await reassign(ctx.models, task, delegation.owner, transaction);
      await ctx.inbox.tables.TaskDelegation.destroy({ where: { taskId: task.id }, transaction });
      await ctx.inbox.events.record({ task, action: 'resolve', actor: user.username, targetUser: delegation.owner, comment: input.comment }, transaction);
    });
    return ctx.inbox.present({ ...task, assignee: delegation.owner });
  };
}

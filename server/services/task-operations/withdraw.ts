import { Op } from 'sequelize';
import type { Transaction } from 'sequelize';
import type { SessionUser } from '../../auth/session-user.ts';
import { AppError } from '../../http/errors.ts';
import type { OperationContext } from './context.ts';
import { findReturnPath } from './return-path.ts';

const notYours = () => new AppError(403, 'task.withdraw_not_completer', '只有办理该步骤的人可以撤回', 'Only the person who completed this step may withdraw it');
const nextActed = () =>
  new AppError(409, 'task.withdraw_too_late', '下一步已经办理，不能撤回', 'The next step has already been acted on; it can no longer be withdrawn');

/**
 * 撤回: the person who completed a step takes it back while the next step is still untouched. Where the process
 * models a return path from the next user task (the 退回 branch of its gateway), the next task is completed
 * along it; otherwise the engine moves the token from the next task back to the step. Either way the step
 * comes back to the person with their last answers.
 */
export function withdraw(ctx: OperationContext) {
  return async (id: string, user: SessionUser, input: { comment?: string }) => {
    const mine = await ctx.inbox.find(id, user);
    if (mine.state !== 'completed' || mine.completedBy !== user.username) throw notYours();
    const { Task } = ctx.models;
    const later = await Task.count({ where: { instanceKey: mine.instanceKey, state: 'completed', completedAt: { [Op.gt]: mine.completedAt! } } });
    const open = await Task.findAll({ where: { instanceKey: mine.instanceKey, state: 'open' }, raw: true });
    const next = open.length === 1 && !later ? open[0] : null;
    if (!next || (await ctx.inbox.events.wasHandled(next.id)) || (await ctx.inbox.tables.TaskDelegation.findByPk(next.id))) throw nextActed();
    const instance = await ctx.engine.getInstance(mine.instanceKey);
    const deployment = await ctx.engine.getDeployment(instance.processId, instance.version);
    const path = deployment && (await findReturnPath(deployment.xml, next.elementId, mine.elementId));
    const takeBack = async (transaction: Transaction) => {
      const [closed] = await Task.update({ state: 'cancelled', completedAt: new Date() }, { where: { id: next.id, state: 'open', assignee: next.assignee }, transaction });
      if (closed !== 1 || (await ctx.inbox.events.wasHandled(next.id, transaction))) throw nextActed();
      await ctx.inbox.events.record({ task: mine, action: 'withdraw', actor: user.username, targetUser: next.assignee, comment: input.comment, toElementId: mine.elementId }, transaction);
    };
    if (path) await ctx.engine.completeUserTask(mine.instanceKey, next.executionId, { [path.variable]: path.value }, takeBack);
    else await ctx.engine.moveToken(mine.instanceKey, next.executionId, mine.elementId, {}, takeBack);
    const back = await Task.findOne({ where: { instanceKey: mine.instanceKey, elementId: mine.elementId, state: 'open' }, raw: true });
    return { task: back ? await ctx.inbox.present(back) : null };
  };
}

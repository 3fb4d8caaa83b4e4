import type { SessionUser } from '../../auth/session-user.ts';
import type { TaskRow } from '../../models/records.ts';
import { AppError } from '../../http/errors.ts';
import { isoDate } from '../../http/iso-date.ts';
import type { OperationContext } from './context.ts';
import { taskChanged } from './refusals.ts';

const notEarlierStep = () =>
  new AppError(400, 'task.return_target_invalid', '只能退回到本流程中已经办理过的步骤', 'A task can only be sent back to a step already completed in this instance');

/**
 * The steps completed in the task's instance (its own step excepted), in the order the flow first reached them,
 * so the first is the submitter's; each with who completed it last.
 */
async function completedSteps(ctx: OperationContext, task: TaskRow) {
  const done = await ctx.models.Task.findAll({ where: { instanceKey: task.instanceKey, state: 'completed' }, order: [['createdAt', 'ASC']], raw: true });
  const steps = new Map<string, { elementId: string; name: string; completedBy: string | null; completedAt: Date | null }>();
  for (const step of done.filter((t) => t.elementId !== task.elementId)) {
    const known = steps.get(step.elementId);
    if (!known || (step.completedAt && (!known.completedAt || step.completedAt > known.completedAt))) {
      steps.set(step.elementId, { elementId: step.elementId, name: step.name, completedBy: step.completedBy, completedAt: step.completedAt });
    }
  }
  return [...steps.values()].map((step) => ({ ...step, completedAt: isoDate(step.completedAt) }));
}

/** 退回: the steps the person handling the task may send it back to. */
export function returnTargets(ctx: OperationContext) {
  return async (id: string, user: SessionUser) => completedSteps(ctx, await ctx.inbox.handling(id, user));
}

/**
 * 退回: the person handling a task sends the instance back to the submitter or any step already completed in
 * it, with a comment. The engine ends this task without taking its flows and reopens the chosen step (a token
 * move), in one transaction with closing the task and the `return` record; the reopened task shows the comment.
 */
export function sendBack(ctx: OperationContext) {
  return async (id: string, user: SessionUser, input: { to: string; comment: string }) => {
    const task = await ctx.inbox.handling(id, user);
    const target = (await completedSteps(ctx, task)).find((s) => s.elementId === input.to);
    if (!target) throw notEarlierStep();
    const { Task } = ctx.models;
    await ctx.engine.moveToken(task.instanceKey, task.executionId, target.elementId, {}, async (transaction) => {
      const [closed] = await Task.update(
        { state: 'cancelled', completedAt: new Date(), completedBy: user.username },
        { where: { id: task.id, state: 'open', assignee: task.assignee }, transaction },
      );
      if (closed !== 1) throw taskChanged();
      await ctx.inbox.events.record({ task, action: 'return', actor: user.username, targetUser: target.completedBy, comment: input.comment, toElementId: target.elementId }, transaction);
    });
    const reopened = await Task.findOne({ where: { instanceKey: task.instanceKey, elementId: target.elementId, state: 'open' }, order: [['createdAt', 'DESC']], raw: true });
    return { task: reopened ? await ctx.inbox.present(reopened) : null };
  };
}

/** The comment of the 退回 that reopened this task, shown on it to the person who handles it again. */
export function returnNote(ctx: OperationContext) {
  return async (id: string, user: SessionUser) => {
    const task = await ctx.inbox.find(id, user);
    const sent = await ctx.inbox.events.returnedTo(task);
    if (!sent) return { note: null };
    const from = await ctx.models.Task.findByPk(sent.taskId, { attributes: ['name'], raw: true });
    return { note: { by: sent.actor, fromStep: from?.name ?? null, comment: sent.comment, at: isoDate(sent.at) } };
  };
}

import type { Transaction } from 'sequelize';
import type { SessionUser } from '../../auth/session-user.ts';
import { AppError } from '../../http/errors.ts';
import { isoDate } from '../../http/iso-date.ts';
import type { TaskRow } from '../../models/records.ts';
import type { OperationContext } from './context.ts';
import type { HeldCompletion } from './add-signer.ts';
import type { TaskSignerRow } from './tables.ts';
import { taskChanged, taskClosed } from './refusals.ts';

const notSigner = () => new AppError(403, 'task.not_signer', '您不是该任务的加签人', 'You are not a signer of this task');

export type SignDecision = 'approve' | 'reject';

/** The pending signer row of a task, if someone was added to sign it. */
export async function pendingSigner(ctx: OperationContext, taskId: string, transaction?: Transaction) {
  return ctx.inbox.tables.TaskSigner.findOne({ where: { taskId, state: 'pending' }, raw: true, transaction });
}

/** Closes the signer's turn: the row records the decision, the delegation that kept the task with them ends. */
async function closeTurn(ctx: OperationContext, signer: TaskSignerRow, decision: SignDecision, transaction: Transaction) {
  const [signed] = await ctx.inbox.tables.TaskSigner.update(
    { state: decision === 'approve' ? 'approved' : 'rejected', signedAt: new Date() },
    { where: { id: signer.id, state: 'pending' }, transaction },
  );
  if (signed !== 1) throw taskChanged();
  await ctx.inbox.tables.TaskDelegation.destroy({ where: { taskId: signer.taskId }, transaction });
}

/** 后加签 approved: the engine completes the task with the owner's held answers, as 办理 would have. */
async function completeHeld(ctx: OperationContext, task: TaskRow, signer: TaskSignerRow, user: SessionUser, comment: string | undefined) {
  const held = JSON.parse(signer.held ?? '{}') as HeldCompletion;
  await ctx.engine.completeUserTask(task.instanceKey, task.executionId, held.variables, async (transaction) => {
    await closeTurn(ctx, signer, 'approve', transaction);
    const submission = held.formKey ? { formKey: held.formKey, formVersion: held.formVersion!, data: held.variables } : null;
    if (!(await ctx.inbox.closeAsCompleted(task, signer.owner, submission, transaction, user.username))) throw taskChanged();
    await ctx.inbox.events.record({ task, action: 'sign_approve', actor: user.username, targetUser: signer.owner, comment }, transaction);
  });
}

/**
 * The added signer's opinion (加签意见). Before: approve or reject, the task goes back to its owner either way.
 * After: approve completes the task with the owner's held answers; reject gives it back to the owner to redo.
 */
export function sign(ctx: OperationContext) {
  return async (id: string, user: SessionUser, input: { decision: SignDecision; comment?: string }) => {
    const task = await ctx.inbox.find(id, user);
    if (task.state !== 'open') throw taskClosed();
    const signer = await pendingSigner(ctx, task.id);
    if (!signer || signer.signer !== user.username || task.assignee !== user.username) throw notSigner();
    if (signer.position === 'after' && input.decision === 'approve') {
      await completeHeld(ctx, task, signer, user, input.comment);
    } else {
      await ctx.inTransaction(async (transaction) => {
        await closeTurn(ctx, signer, input.decision, transaction);
        const [moved] = await ctx.models.Task.update({ assignee: signer.owner }, { where: { id: task.id, state: 'open', assignee: user.username }, transaction });
        if (moved !== 1) throw taskChanged();
        await ctx.inbox.events.record({ task, action: input.decision === 'approve' ? 'sign_approve' : 'sign_reject', actor: user.username, targetUser: signer.owner, comment: input.comment }, transaction);
      });
    }
    return ctx.inbox.present((await ctx.models.Task.findByPk(task.id, { raw: true }))!);
  };
}

/** Who was added to sign the task, in order, with their position and decision. */
export function signers(ctx: OperationContext) {
  return async (id: string, user: SessionUser) => {
    const task = await ctx.inbox.find(id, user);
    const rows = await ctx.inbox.tables.TaskSigner.findAll({ where: { taskId: task.id }, order: [['id', 'ASC']], raw: true });
    return rows.map((r) => ({ signer: r.signer, owner: r.owner, position: r.position, state: r.state, addedAt: isoDate(r.addedAt), signedAt: isoDate(r.signedAt) }));
  };
}

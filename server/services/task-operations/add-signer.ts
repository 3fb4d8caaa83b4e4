import type { SessionUser } from '../../auth/session-user.ts';
import { AppError } from '../../http/errors.ts';
import type { TaskRow } from '../../models/records.ts';
import type { Variables } from '../../../engine/port.ts';
import { validateSubmission } from '../../../forms/validate-submission.ts';
import { activeUser, reassign, type OperationContext } from './context.ts';
import { toSelf } from './refusals.ts';

export type SignerPosition = 'before' | 'after';

/** 后加签: the owner's completion, validated now and applied when the signer approves. */
export interface HeldCompletion {
  variables: Variables;
  formKey: string | null;
  formVersion: number | null;
}

const invalidForm = (errors: unknown[]) => new AppError(400, 'form.invalid', '表单填写有误，请按提示修改', 'The form has errors, please correct them', errors as never);

/** The owner's answers, validated against the task's form as 办理 would. */
async function holdCompletion(ctx: OperationContext, task: TaskRow, data: Record<string, unknown>): Promise<HeldCompletion> {
  if (!task.formKey) return { variables: {}, formKey: null, formVersion: null };
  const form = await ctx.forms.latest(task.formKey);
  const result = validateSubmission(form.form, data, await ctx.engine.getVariables(task.instanceKey));
  if (!result.ok) throw invalidForm(result.errors);
  return { variables: result.data, formKey: form.formKey, formVersion: form.version };
}

/**
 * 加签: the person handling a task adds a signer. Before (前加签): the signer gets the task first, signs with
 * an opinion, and it comes back to the owner, who completes it. After (后加签): the owner completes now (their
 * form is validated and held), the signer gets the task and must approve before the engine completes it with
 * the owner's answers; if the signer rejects, the task comes back to the owner. Either way the engine sees one
 * user task: a signer is a person the task passes through, recorded like a delegation (so the signer cannot
 * complete, transfer or delegate it), with the signer row and the record of each opinion.
 */
export function addSigner(ctx: OperationContext) {
  return async (id: string, user: SessionUser, input: { to: string; position: SignerPosition; comment?: string; data?: Record<string, unknown> }) => {
    const task = await ctx.inbox.handling(id, user);
    if (input.to === user.username) throw toSelf();
    await activeUser(ctx.models, input.to);
    const held = input.position === 'after' ? await holdCompletion(ctx, task, input.data ?? {}) : null;
    const { TaskDelegation, TaskSigner } = ctx.inbox.tables;
    await ctx.inTransaction(async (transaction) => {
      await reassign(ctx.models, task, input.to, transaction);
      const now = new Date();
      await TaskDelegation.create({ taskId: task.id, owner: user.username, delegatedAt: now }, { transaction });
      await TaskSigner.create(
        { taskId: task.id, signer: input.to, owner: user.username, position: input.position, held: held && JSON.stringify(held), state: 'pending', addedAt: now, signedAt: null },
        { transaction },
      );
      await ctx.inbox.events.record({ task, action: input.position === 'before' ? 'add_signer_before' : 'add_signer_after', actor: user.username, targetUser: input.to, comment: input.comment }, transaction);
    });
    return ctx.inbox.present({ ...task, assignee: input.to });
  };
}

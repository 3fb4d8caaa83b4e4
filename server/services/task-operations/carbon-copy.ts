import type { SessionUser } from '../../auth/session-user.ts';
import { AppError } from '../../http/errors.ts';
import { activeUser, type OperationContext } from './context.ts';

const nobody = () => new AppError(400, 'task.cc_empty', '请选择抄送人', 'Choose whom to copy');
const copiedReader = () => new AppError(403, 'task.cc_reader', '抄送给您的任务不能再抄送', 'A task copied to you cannot be copied on');

/**
 * 抄送: whoever handles, handled or manages the task lets other people read it (read-only); they find it under
 * 抄送我的. A reader who only has a copy may not copy it on; copying to someone who has a copy adds nothing.
 */
export function carbonCopy(ctx: OperationContext) {
  return async (id: string, user: SessionUser, input: { users: string[]; comment?: string }) => {
    const task = await ctx.inbox.find(id, user);
    if ((await ctx.inbox.access(task, user)) === 'copied') throw copiedReader();
    const readers = [...new Set(input.users)].filter((u) => u !== user.username);
    if (!readers.length) throw nobody();
    for (const reader of readers) await activeUser(ctx.models, reader);
    const fresh: string[] = [];
    for (const reader of readers) if (!(await ctx.inbox.events.isCopiedTo(task.id, reader))) fresh.push(reader);
    await ctx.inTransaction(async (transaction) => {
      for (const reader of fresh) await ctx.inbox.events.record({ task, action: 'cc', actor: user.username, targetUser: reader, comment: input.comment }, transaction);
    });
    return { copiedTo: fresh };
  };
}

import { AppError } from '../../http/errors.ts';

/** Why an operation on a task is refused, in the words the person sees. */
export const taskClosed = () => new AppError(409, 'task.already_completed', '该任务已经办理完毕', 'This task has already been completed');
export const notAssignee = () => new AppError(403, 'task.not_assignee', '这不是您的待办任务', 'This task is not assigned to you');
export const delegatedNotResolved = () =>
  new AppError(409, 'task.delegated', '该任务已委派，需由被委派人办理后交还', 'This task is delegated; the delegate must resolve it first');
export const unknownUser = (username: string) =>
  new AppError(400, 'user.not_found', `用户「${username}」不存在或已停用`, `No active user "${username}"`);
export const toSelf = () => new AppError(400, 'task.to_self', '不能转交给自己', 'You cannot hand a task to yourself');
export const taskChanged = () => new AppError(409, 'task.changed', '该任务刚被他人处理，请刷新后重试', 'Someone else just changed this task, please reload');

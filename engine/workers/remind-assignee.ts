import type { JobHandler } from '../port.ts';
import type { Platform } from '../../server/platform.ts';

/**
 * `remind-assignee` (到期提醒): a timer before a step's deadline fired — records a 催办 by the system on the open
 * tasks of the step named in header `element` of this instance, so assignees see it in their inbox and the
 * approval record shows it. Nothing open (the step was done meanwhile) is not an error.
 */
export function remindAssigneeWorker(p: Platform): JobHandler {
  return async ({ instanceKey, customHeaders }) => {
    const elementId = customHeaders.element;
    if (!elementId) throw new Error('缺少任务头 element（要提醒的环节）/ task header "element" is missing');
    const open = await p.models.Task.findAll({ where: { instanceKey, elementId, state: 'open' }, raw: true });
    await p.inTransaction(async (transaction) => {
      for (const task of open) {
        await p.inbox.events.record({ task, action: 'urge', actor: 'system', targetUser: task.assignee, comment: '办理期限将到，请尽快办理' }, transaction);
      }
    });
    return { remindedTasks: open.length };
  };
}

import type { User } from '../../lib/types';
import { hasRole } from '../../lib/session.svelte';
import type { OperableTask, TaskEvent } from './task-operations-api';

/** 操作名称 (the product speaks Chinese to its users here; English in the title attribute). */
export const ACTION_LABELS: Record<TaskEvent['action'], { zh: string; en: string }> = {
  complete: { zh: '办理', en: 'Completed' },
  transfer: { zh: '转办', en: 'Transfer' },
  delegate: { zh: '委派', en: 'Delegate' },
  resolve: { zh: '交还', en: 'Resolve' },
  cc: { zh: '抄送', en: 'Carbon copy' },
  urge: { zh: '催办', en: 'Urge' },
  withdraw: { zh: '撤回', en: 'Withdraw' },
  return: { zh: '退回', en: 'Send back' },
  add_signer_before: { zh: '前加签', en: 'Add a signer before me' },
  add_signer_after: { zh: '后加签', en: 'Add a signer after me' },
  sign_approve: { zh: '加签同意', en: 'Approve as added signer' },
  sign_reject: { zh: '加签不同意', en: 'Reject as added signer' }
};

export type Operation = Exclude<TaskEvent['action'], 'complete'>;

/** What the operation asks for besides a comment: one person, several, an earlier step, or nothing. */
export const TARGETS: Record<Operation, 'one' | 'many' | 'step' | 'none'> = {
  transfer: 'one',
  delegate: 'one',
  resolve: 'none',
  cc: 'many',
  urge: 'none',
  withdraw: 'none',
  return: 'step',
  add_signer_before: 'one',
  add_signer_after: 'one',
  sign_approve: 'none',
  sign_reject: 'none'
};

/** Operations whose comment the person must give (退回: the person sent back reads it). */
export const COMMENT_REQUIRED: ReadonlySet<Operation> = new Set(['return']);

/**
 * The operations the server would allow this person on this task (it checks again). `signing`: someone was
 * added to sign the task (加签) and has not signed yet.
 */
export function allowedOperations(task: OperableTask, me: User, signing = false): Operation[] {
  const open = task.state === 'open';
  const handles = open && task.assignee === me.username;
  const delegated = Boolean(task.owner);
  const allowed: Operation[] = [];
  if (handles && !delegated) allowed.push('transfer', 'delegate', 'return', 'add_signer_before', 'add_signer_after');
  if (handles && delegated && signing) allowed.push('sign_approve', 'sign_reject');
  if (handles && delegated && !signing) allowed.push('resolve');
  if (task.assignee === me.username || task.completedBy === me.username) allowed.push('cc');
  if (open && (task.subject?.username === me.username || hasRole(me, 'admin', 'office', 'unit_admin'))) allowed.push('urge');
  if (task.state === 'completed' && task.completedBy === me.username) allowed.push('withdraw');
  return allowed;
}

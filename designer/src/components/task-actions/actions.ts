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
  withdraw: { zh: '撤回', en: 'Withdraw' }
};

export type Operation = Exclude<TaskEvent['action'], 'complete'>;

/** What the operation asks for besides a comment: one person, several, or nobody. */
export const TARGETS: Record<Operation, 'one' | 'many' | 'none'> = {
  transfer: 'one',
  delegate: 'one',
  resolve: 'none',
  cc: 'many',
  urge: 'none',
  withdraw: 'none'
};

/** The operations the server would allow this person on this task (it checks again). */
export function allowedOperations(task: OperableTask, me: User): Operation[] {
  const open = task.state === 'open';
  const handles = open && task.assignee === me.username;
  const delegated = Boolean(task.owner);
  const allowed: Operation[] = [];
  if (handles && !delegated) allowed.push('transfer', 'delegate');
  if (handles && delegated) allowed.push('resolve');
  if (task.assignee === me.username || task.completedBy === me.username) allowed.push('cc');
  if (open && (task.subject?.username === me.username || hasRole(me, 'admin', 'office', 'unit_admin'))) allowed.push('urge');
  if (task.state === 'completed' && task.completedBy === me.username) allowed.push('withdraw');
  return allowed;
}

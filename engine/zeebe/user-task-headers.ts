import type { UserTaskSpec } from '../port.ts';
import type { ElementOutline } from './process-model.ts';

/**
 * Zeebe sends the user task with its task listener jobs as reserved custom headers (already FEEL-evaluated):
 * lists as JSON list literals, dates as ISO 8601, numbers as strings.
 */
const USER_TASK_HEADERS = {
  userTaskKey: 'io.camunda.zeebe:userTaskKey',
  assignee: 'io.camunda.zeebe:assignee',
  candidateGroups: 'io.camunda.zeebe:candidateGroups',
  candidateUsers: 'io.camunda.zeebe:candidateUsers',
  dueDate: 'io.camunda.zeebe:dueDate',
  followUpDate: 'io.camunda.zeebe:followUpDate',
  priority: 'io.camunda.zeebe:priority',
} as const;

/** Zeebe's default user task priority, used when the header is absent. */
const DEFAULT_PRIORITY = 50;

function list(value: string | undefined): string[] {
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    if (Array.isArray(parsed)) return parsed.map(String);
  } catch {
    // not a list literal: a plain comma-separated value
  }
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}

function date(value: string | undefined): string | null {
  if (!value) return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString();
}

export function userTaskKeyOf(headers: Record<string, string>): string {
  const key = headers[USER_TASK_HEADERS.userTaskKey];
  if (!key) throw new Error(`监听作业缺少用户任务键 / listener job has no ${USER_TASK_HEADERS.userTaskKey} header`);
  return key;
}

/** The inbox's view of a user task from a `creating` listener job; name and form come from the deployed model. */
export function userTaskSpec(
  job: { processInstanceKey: string; elementId: string; customHeaders: Record<string, string> },
  element: ElementOutline | undefined,
): UserTaskSpec {
  const h = job.customHeaders;
  const priority = h[USER_TASK_HEADERS.priority];
  return {
    instanceKey: job.processInstanceKey,
    elementId: job.elementId,
    executionId: userTaskKeyOf(h),
    name: element?.name ?? job.elementId,
    assignee: h[USER_TASK_HEADERS.assignee] || null,
    candidateUsers: list(h[USER_TASK_HEADERS.candidateUsers]),
    candidateGroups: list(h[USER_TASK_HEADERS.candidateGroups]),
    formKey: element?.formKey ?? null,
    dueDate: date(h[USER_TASK_HEADERS.dueDate]),
    followUpDate: date(h[USER_TASK_HEADERS.followUpDate]),
    priority: priority ? Number(priority) : DEFAULT_PRIORITY,
  };
}

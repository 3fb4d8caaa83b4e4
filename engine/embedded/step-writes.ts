import { randomUUID } from 'node:crypto';
import type { UserTaskSpec } from '../port.ts';
import { EngineError } from '../errors.ts';
import { resolveValue } from '../feel.ts';
import type { StepResult, Wait } from './instance-runner.ts';
import type { ProcessSource } from './process-source.ts';
import type { HistoryRow, InstanceRow, JobRow, SubscriptionRow, TimerRow } from './store.ts';
import { jobProperties, userTaskProperties } from './zeebe-properties.ts';

export const newKey = () => randomUUID().replace(/-/g, '');

/**
 * What an instance waits on besides people (kept on its row), so a step knows which jobs, timers and
 * subscriptions it opened or closed without reading them back. A replayed wait after a restart is known here
 * and not created twice.
 */
export interface OpenWaits {
  jobs: string[];
  timers: string[];
  subscriptions: string[];
}

export const NOTHING_OPEN: OpenWaits = { jobs: [], timers: [], subscriptions: [] };

const JOB_TYPES = new Set(['bpmn:ServiceTask', 'bpmn:SendTask']);

/** What a waiting activity waits for: a person, a worker, a called process or a message. */
function waitKind(wait: Wait): 'userTask' | 'job' | 'call' | 'message' | null {
  if (wait.elementType === 'bpmn:UserTask') return 'userTask';
  if (JOB_TYPES.has(wait.elementType)) return 'job';
  if (wait.elementType === 'bpmn:CallActivity') return 'call';
  return wait.messageId ? 'message' : null;
}

/** An attribute that cannot be evaluated stops the step: nothing of it is persisted (an incident for the caller). */
export function incidentOnFailure<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new EngineError('instance.incident', `流程无法继续：${message}`, `The process cannot continue: ${message}`);
  }
}

/** The rows one step writes, worked out from its outcome alone; step-persistence.ts saves them. */
export interface StepWrites {
  /** The instance row as it is to be saved. */
  row: InstanceRow;
  /** The revision and status the row had when the step began (null: the step started the instance). */
  expected: { rev: number; status: InstanceRow['status'] } | null;
  newJobs: JobRow[];
  /** Executions whose service task was left (interrupted by a boundary event): their jobs are not delivered any more. */
  leftJobs: string[];
  firedTimers: string[];
  newTimers: TimerRow[];
  closedSubscriptions: string[];
  newSubscriptions: SubscriptionRow[];
  history: Array<Omit<HistoryRow, 'id'>>;
  userTasks: UserTaskSpec[];
  /** Call activities now waiting: each starts its process unless it already did. */
  calls: Wait[];
}

/**
 * Works out what one step writes: the instance state (checked against the revision read before the step), new
 * jobs, timers and message subscriptions (against those the row says are open, so replayed waits after a restart
 * are idempotent), the history and the user tasks for the inbox.
 */
export function stepWrites(
  /** An instance row as read before the step, or (`fresh`) the row of an instance this step started. */
  instance: InstanceRow,
  source: ProcessSource,
  result: StepResult,
  now: Date,
  fresh: boolean,
): StepWrites {
  const { instanceKey } = instance;
  const done = result.status === 'completed';
  // a finished child waits for its parent to take its result ("ended"), see the runtime
  const status = done ? (instance.parentInstanceKey ? 'ended' : 'completed') : 'running';
  const previous = fresh ? NOTHING_OPEN : (JSON.parse(instance.waiting) as OpenWaits);
  const current: OpenWaits = {
    jobs: result.waits.filter((w) => waitKind(w) === 'job').map((w) => w.executionId),
    timers: result.timers.map((t) => t.executionId),
    subscriptions: result.waits.filter((w) => waitKind(w) === 'message').map((w) => w.executionId),
  };
  const writes: StepWrites = {
    row: {
      ...instance,
      state: done ? null : JSON.stringify(result.state),
      variables: JSON.stringify(result.variables),
      waiting: JSON.stringify(current),
      status,
      rev: instance.rev + 1,
      updatedAt: now,
    },
    expected: fresh ? null : { rev: instance.rev, status: instance.status },
    newJobs: [],
    leftJobs: previous.jobs.filter((id) => !current.jobs.includes(id)),
    firedTimers: previous.timers.filter((id) => !current.timers.includes(id)),
    newTimers: result.timers.filter((t) => !previous.timers.includes(t.executionId)).map((t) => ({ ...t, instanceKey })),
    closedSubscriptions: previous.subscriptions.filter((id) => !current.subscriptions.includes(id)),
    newSubscriptions: [],
    history: result.completed.map((c) => ({ instanceKey, elementId: c.elementId, elementType: c.elementType, name: c.name, event: 'completed', at: now })),
    userTasks: [],
    calls: [],
  };
  for (const wait of result.waits) {
    switch (waitKind(wait)) {
      case 'userTask':
        writes.userTasks.push({ instanceKey, elementId: wait.elementId, executionId: wait.executionId, ...incidentOnFailure(() => userTaskProperties(wait.element, wait.variables)) });
        break;
      case 'job':
        if (!previous.jobs.includes(wait.executionId)) writes.newJobs.push(jobRow(instanceKey, wait, now));
        break;
      case 'call':
        writes.calls.push(wait);
        break;
      case 'message': {
        const message = source.messages.get(wait.messageId!);
        const key = incidentOnFailure(() => resolveValue(message?.correlationKey ?? undefined, wait.variables));
        if (previous.subscriptions.includes(wait.executionId)) break;
        writes.newSubscriptions.push({
          executionId: wait.executionId,
          instanceKey,
          elementId: wait.elementId,
          messageName: message?.name ?? wait.messageId!,
          correlationKey: key === undefined ? '' : String(key),
          createdAt: now,
        });
        break;
      }
    }
  }
  return writes;
}

function jobRow(instanceKey: string, wait: Wait, now: Date): JobRow {
  const job = incidentOnFailure(() => jobProperties(wait.element, wait.variables));
  return {
    jobKey: newKey(),
    instanceKey,
    executionId: wait.executionId,
    elementId: wait.elementId,
    type: job.type,
    customHeaders: JSON.stringify(job.customHeaders),
    variables: JSON.stringify(wait.variables),
    retries: job.retries,
    status: 'activatable',
    dueAt: now,
    lockedUntil: null,
    error: null,
    createdAt: now,
    updatedAt: now,
  };
}

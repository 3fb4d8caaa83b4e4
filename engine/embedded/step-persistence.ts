import { randomUUID } from 'node:crypto';
import { Op, type Transaction } from 'sequelize';
import type { InboxSink, UserTaskSpec, Variables } from '../port.ts';
import { EngineError } from '../errors.ts';
import { resolveValue } from '../feel.ts';
import type { StepResult, Wait } from './instance-runner.ts';
import type { ProcessSource } from './process-source.ts';
import type { EngineStore, InstanceRow } from './store.ts';
import { jobProperties, userTaskProperties, type ActivityElement } from './zeebe-properties.ts';
import { inputVariables } from './io-mapping.ts';

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

/** Starts a called process inside the caller's transaction, so parent and child are saved together. */
export type StartChild = (
  processId: string,
  variables: Variables,
  parent: { instanceKey: string; executionId: string; unitId: number | null; businessKey: string | null },
  transaction: Transaction,
) => Promise<void>;

function calledElement(element: ActivityElement) {
  const called = element.behaviour.extensionElements?.values?.find((v) => v.$type === 'zeebe:CalledElement');
  if (!called?.processId) throw new Error(`调用活动「${element.name ?? element.id}」没有指定流程 / call activity ${element.id} has no zeebe:calledElement processId`);
  return { processId: String(called.processId), propagateAllParentVariables: called.propagateAllParentVariables !== false };
}

/**
 * Saves what one step did, in the caller's transaction: the instance state (optimistically locked by `rev`),
 * new jobs, timers and message subscriptions (replaced by the current set, so replayed waits after a restart
 * are idempotent), called processes, history, and the inbox. Returns the instance row as now saved.
 */
export async function persistStep(
  deps: { store: EngineStore; sink: InboxSink; startChild: StartChild },
  /** An instance row as read before the step, or (`fresh`) the row of an instance this step started. */
  instance: InstanceRow,
  source: ProcessSource,
  result: StepResult,
  transaction: Transaction,
  fresh = false,
) {
  const { store } = deps;
  const { instanceKey } = instance;
  const now = new Date();
  const done = result.status === 'completed';
  // a finished child waits for its parent to take its result ("ended"), see the runtime
  const status = done ? (instance.parentInstanceKey ? 'ended' : 'completed') : 'running';
  const previous = fresh ? NOTHING_OPEN : (JSON.parse(instance.waiting) as OpenWaits);
  const current: OpenWaits = {
    jobs: result.waits.filter((w) => waitKind(w) === 'job').map((w) => w.executionId),
    timers: result.timers.map((t) => t.executionId),
    subscriptions: result.waits.filter((w) => waitKind(w) === 'message').map((w) => w.executionId),
  };
  const saved = {
    state: done ? null : JSON.stringify(result.state),
    variables: JSON.stringify(result.variables),
    waiting: JSON.stringify(current),
    status,
    rev: instance.rev + 1,
    updatedAt: now,
  } as const;
  const row: InstanceRow = { ...instance, ...saved };
  if (fresh) {
    await store.Instance.create(row, { transaction });
  } else {
    // the revision and the status read before the step: a step, a cancellation or an incident in between is a conflict
    const [updated] = await store.Instance.update(saved, { where: { instanceKey, rev: instance.rev, status: instance.status }, transaction });
    if (updated !== 1) throw new EngineError('instance.conflict', '流程实例已被其他操作更新，请重试', `Instance ${instanceKey} was changed concurrently`);
  }

  const userTasks: UserTaskSpec[] = [];
  const subscriptions: Array<{ wait: Wait; messageName: string; correlationKey: string }> = [];
  for (const wait of result.waits) {
    switch (waitKind(wait)) {
      case 'userTask':
        userTasks.push({ instanceKey, elementId: wait.elementId, executionId: wait.executionId, ...incidentOnFailure(() => userTaskProperties(wait.element, wait.variables)) });
        break;
      case 'job':
        if (!previous.jobs.includes(wait.executionId)) await createJob(store, instanceKey, wait, now, transaction);
        break;
      case 'call':
        await startCalledProcess(deps, instance, wait, transaction);
        break;
      case 'message': {
        const message = source.messages.get(wait.messageId!);
        const key = incidentOnFailure(() => resolveValue(message?.correlationKey ?? undefined, wait.variables));
        subscriptions.push({ wait, messageName: message?.name ?? wait.messageId!, correlationKey: key === undefined ? '' : String(key) });
        break;
      }
    }
  }

  const timersBefore = new Set(previous.timers);
  const fired = previous.timers.filter((id) => !current.timers.includes(id));
  if (fired.length) await store.Timer.destroy({ where: { executionId: fired }, transaction });
  const newTimers = result.timers.filter((t) => !timersBefore.has(t.executionId));
  if (newTimers.length) await store.Timer.bulkCreate(newTimers.map((t) => ({ ...t, instanceKey })), { transaction });

  const subscribedBefore = new Set(previous.subscriptions);
  const closed = previous.subscriptions.filter((id) => !current.subscriptions.includes(id));
  if (closed.length) await store.Subscription.destroy({ where: { executionId: closed }, transaction });
  for (const s of subscriptions.filter((s) => !subscribedBefore.has(s.wait.executionId))) {
    await store.Subscription.create(
      { executionId: s.wait.executionId, instanceKey, elementId: s.wait.elementId, messageName: s.messageName, correlationKey: s.correlationKey, createdAt: now },
      { transaction },
    );
  }

  // jobs whose service task was left (interrupted by a boundary event) are not delivered any more
  const left = previous.jobs.filter((id) => !current.jobs.includes(id));
  if (left.length) {
    await store.Job.update({ status: 'cancelled', updatedAt: now }, { where: { executionId: left, status: { [Op.in]: ['activatable', 'activated', 'incident'] } }, transaction });
  }

  if (result.completed.length) {
    await store.History.bulkCreate(
      result.completed.map((c) => ({ instanceKey, elementId: c.elementId, elementType: c.elementType, name: c.name, event: 'completed', at: now })),
      { transaction },
    );
  }
  await deps.sink.tasksWaiting({ instanceKey, processId: instance.processId, variables: result.variables, tasks: userTasks, complete: true }, transaction);
  return row;
}

async function createJob(store: EngineStore, instanceKey: string, wait: Wait, now: Date, transaction: Transaction) {
  const job = incidentOnFailure(() => jobProperties(wait.element, wait.variables));
  await store.Job.create(
    {
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
    },
    { transaction },
  );
}

async function startCalledProcess(
  deps: { store: EngineStore; startChild: StartChild },
  instance: Pick<InstanceRow, 'instanceKey' | 'unitId' | 'businessKey'>,
  wait: Wait,
  transaction: Transaction,
) {
  if (await deps.store.Instance.count({ where: { parentExecutionId: wait.executionId }, transaction })) return;
  const called = incidentOnFailure(() => calledElement(wait.element));
  const processId = String(incidentOnFailure(() => resolveValue(called.processId, wait.variables)));
  await deps.startChild(processId, called.propagateAllParentVariables ? wait.variables : inputVariables(wait.element, wait.variables), { instanceKey: instance.instanceKey, executionId: wait.executionId, unitId: instance.unitId, businessKey: instance.businessKey }, transaction);
}

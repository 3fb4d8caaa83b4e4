import { Op, QueryTypes, type Transaction } from 'sequelize';
import type { InboxSink, Variables } from '../port.ts';
import { EngineError } from '../errors.ts';
import { resolveValue } from '../feel.ts';
import type { StepResult, Wait } from './instance-runner.ts';
import type { ProcessSource } from './process-source.ts';
import type { EngineStore, InstanceRow, JobRow } from './store.ts';
import { insertRows } from './table-writes.ts';
import type { ActivityElement } from './zeebe-properties.ts';
import { inputVariables } from './io-mapping.ts';
import { incidentOnFailure, stepWrites, type StepWrites } from './step-writes.ts';

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
 * Jobs pushed to the workers of this process as they are created (as Zeebe streams jobs to its workers): they
 * are saved as activated, locked for the job timeout, and handed over once their transaction has committed,
 * without waiting for the runtime to poll and claim them. A job whose worker does not finish is delivered again
 * when its lock runs out, or at once when the engine host starts again (see EngineRuntime.start).
 */
export interface JobPush {
  /** The lock for a job a worker of this process takes as it is created, or null: the job waits to be claimed. */
  lockFor(type: string): Date | null;
  push(jobs: JobRow[]): void;
}

export interface PersistDeps {
  store: EngineStore;
  sink: InboxSink;
  startChild: StartChild;
  jobPush: JobPush;
}

/** One step's outcome to save: the instance row read before it (or, `fresh`, the row of an instance it started). */
export interface Step {
  instance: InstanceRow;
  source: ProcessSource;
  result: StepResult;
  fresh?: boolean;
}

/**
 * Saves what steps did, in the caller's transaction (see step-writes.ts for what each writes), with one statement
 * per table for all of them, so a group of steps of different instances costs about as much as one: the instance
 * states (each optimistically locked by the revision and status read before its step), new jobs, timers and
 * message subscriptions, called processes, history, and the inbox. Returns the instance rows as now saved.
 */
export async function persistSteps(deps: PersistDeps, steps: Step[], transaction: Transaction): Promise<InstanceRow[]> {
  const { store } = deps;
  const now = new Date();
  const writes = steps.map((s) => stepWrites(s.instance, s.source, s.result, now, s.fresh ?? false));
  const all = <T>(pick: (w: StepWrites) => T[]) => writes.flatMap(pick);

  const started = writes.filter((w) => !w.expected).map((w) => w.row);
  if (started.length) await insertRows(store.Instance, started, transaction);
  await updateInstances(store, writes.filter((w) => w.expected), now, transaction);
  const newJobs = all((w) => w.newJobs);
  const pushed = newJobs.filter((job) => {
    const lockedUntil = deps.jobPush.lockFor(job.type);
    if (lockedUntil) Object.assign(job, { status: 'activated', lockedUntil });
    return lockedUntil !== null;
  });
  if (newJobs.length) await insertRows(store.Job, newJobs, transaction);
  if (pushed.length) transaction.afterCommit(() => deps.jobPush.push(pushed));
  for (const w of writes) for (const call of w.calls) await startCalledProcess(deps, w.row, call, transaction);

  const firedTimers = all((w) => w.firedTimers);
  if (firedTimers.length) await store.Timer.destroy({ where: { executionId: firedTimers }, transaction });
  const newTimers = all((w) => w.newTimers);
  if (newTimers.length) await insertRows(store.Timer, newTimers, transaction);
  const closedSubscriptions = all((w) => w.closedSubscriptions);
  if (closedSubscriptions.length) await store.Subscription.destroy({ where: { executionId: closedSubscriptions }, transaction });
  const newSubscriptions = all((w) => w.newSubscriptions);
  if (newSubscriptions.length) await insertRows(store.Subscription, newSubscriptions, transaction);
  const leftJobs = all((w) => w.leftJobs);
  if (leftJobs.length) {
    await store.Job.update({ status: 'cancelled', updatedAt: now }, { where: { executionId: leftJobs, status: { [Op.in]: ['activatable', 'activated', 'incident'] } }, transaction });
  }
  const history = all((w) => w.history);
  if (history.length) await insertRows(store.History, history, transaction);

  for (const [i, w] of writes.entries()) {
    await deps.sink.tasksWaiting({ instanceKey: w.row.instanceKey, processId: w.row.processId, variables: steps[i].result.variables, tasks: w.userTasks, complete: true }, transaction);
  }
  return writes.map((w) => w.row);
}

export async function persistStep(deps: PersistDeps, step: Step, transaction: Transaction): Promise<InstanceRow> {
  const [row] = await persistSteps(deps, [step], transaction);
  return row;
}

const SAVED_COLUMNS = ['state', 'variables', 'waiting', 'status', 'rev'] as const;

/**
 * Saves the new state of every instance in one UPDATE (a CASE per column), each row only if it still has the
 * revision and status its step began with; any other count is a concurrent change and fails the whole save.
 */
async function updateInstances(store: EngineStore, writes: StepWrites[], now: Date, transaction: Transaction) {
  if (!writes.length) return;
  const replacements: unknown[] = [];
  const sets = SAVED_COLUMNS.map((column) => {
    for (const w of writes) replacements.push(w.row.instanceKey, w.row[column]);
    return `\`${column}\` = CASE \`instanceKey\` ${writes.map(() => 'WHEN ? THEN ?').join(' ')} END`;
  });
  replacements.push(now);
  for (const w of writes) replacements.push(w.row.instanceKey, w.expected!.rev, w.expected!.status);
  const matching = writes.map(() => '(`instanceKey` = ? AND `rev` = ? AND `status` = ?)').join(' OR ');
  const sql = `UPDATE \`${store.Instance.getTableName()}\` SET ${sets.join(', ')}, \`updatedAt\` = ? WHERE ${matching}`;
  const [, updated] = (await store.Instance.sequelize!.query(sql, { replacements, transaction, type: QueryTypes.UPDATE })) as [unknown, number];
  if (updated !== writes.length) {
    const keys = writes.map((w) => w.row.instanceKey).join(', ');
    throw new EngineError('instance.conflict', '流程实例已被其他操作更新，请重试', `Instance ${keys} was changed concurrently`);
  }
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

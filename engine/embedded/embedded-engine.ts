import { Op, type Sequelize, type Transaction } from 'sequelize';
import type { Logger } from 'pino';
import type { DeployedProcess, DeploymentInfo, Engine, InboxSink, Incident, InstanceInfo, JobHandler, StartOptions, Variables } from '../port.ts';
import { EngineError } from '../errors.ts';
import { parseProcessSource, type ProcessSource } from './process-source.ts';
import { LiveInstance, type StepResult, type Signal } from './instance-runner.ts';
import { HotInstances, type HotInstance } from './hot-instances.ts';
import { defineEngineStore, type InstanceRow, type JobRow } from './store.ts';
import { persistStep, persistSteps, type PersistDeps, type Step, type StartChild } from './step-persistence.ts';
import { newKey, NOTHING_OPEN } from './step-writes.ts';
import { createKeyedLock, withLocks } from './keyed-lock.ts';
import { EngineRuntime } from './engine-runtime.ts';
import { EngineLease } from './engine-lease.ts';
import { DeploymentCatalog } from './deployment-catalog.ts';
import { GroupCommit } from './group-commit.ts';
import { updateRows } from './table-writes.ts';
import type { InTransaction } from '../../server/db.ts';

/** A worker's result for one job. */
export interface JobCompletion {
  job: JobRow;
  variables: Variables;
}

export interface EmbeddedEngineOptions {
  sequelize: Sequelize;
  inTransaction: InTransaction;
  sink: InboxSink;
  logger: Logger;
  pollMs?: number;
  jobTimeoutMs?: number;
  retryBackoffMs?: number;
}

const notFound = (instanceKey: string) => new EngineError('instance.not_found', '流程实例不存在', `No process instance ${instanceKey}`);

/**
 * The default adapter: bpmn-engine running Zeebe-flavoured BPMN. Every step restores one instance from the
 * database, applies one event and saves the outcome in one transaction; no instance stays in memory while it
 * waits. Jobs, timers, messages and called processes are driven by the runtime loop (engine-runtime.ts).
 */
export class EmbeddedEngine implements Engine {
  readonly store;
  private readonly sources = new Map<string, Promise<ProcessSource>>();
  private readonly withInstanceLock = createKeyedLock();
  private readonly runtime: EngineRuntime;
  private readonly lease: EngineLease;
  private readonly hot = new HotInstances();
  private readonly catalog: DeploymentCatalog;
  /** New instances of concurrent starts are saved together (see group-commit.ts). */
  private readonly starts = new GroupCommit<{ launched: Step; within: StartOptions['within'] }, InstanceRow>((items) =>
    this.options.inTransaction(async (transaction) => {
      const rows = await persistSteps(this.persistDeps(), items.map((i) => i.launched), transaction);
      for (const [i, { within }] of items.entries()) if (within) await within(transaction, rows[i].instanceKey);
      return rows;
    }),
  );

  constructor(private readonly options: EmbeddedEngineOptions) {
    this.store = defineEngineStore(options.sequelize);
    this.runtime = new EngineRuntime(this, this.store, options.logger, {
      inTransaction: options.inTransaction,
      pollMs: options.pollMs ?? 250,
      jobTimeoutMs: options.jobTimeoutMs ?? 5 * 60_000,
      retryBackoffMs: options.retryBackoffMs ?? 1000,
    });
    this.lease = new EngineLease(this.store, options.inTransaction);
    this.catalog = new DeploymentCatalog(this.store);
  }

  // ---- deployments -----------------------------------------------------------------------------------

  async deploy(bpmnXml: string, options: { unitId?: number; deployedBy?: string } = {}): Promise<DeployedProcess> {
    let source: ProcessSource;
    try {
      source = await parseProcessSource(bpmnXml);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      throw new EngineError('bpmn.invalid', `BPMN 文件无法解析：${message}`, `BPMN could not be parsed: ${message}`);
    }
    const definitionKey = newKey();
    const version = await this.options.inTransaction(async (transaction) => {
      const latest = (await this.store.Deployment.max('version', { where: { processId: source.processId }, transaction })) as number | null;
      const next = (latest ?? 0) + 1;
      await this.store.Deployment.create(
        { definitionKey, processId: source.processId, name: source.name, version: next, xml: bpmnXml, unitId: options.unitId ?? null, deployedBy: options.deployedBy ?? null, createdAt: new Date() },
        { transaction },
      );
      return next;
    });
    this.catalog.forget(source.processId);
    this.sources.set(definitionKey, Promise.resolve(source));
    return { processId: source.processId, name: source.name, version, definitionKey };
  }

  async listDeployments(): Promise<DeploymentInfo[]> {
    return this.store.Deployment.findAll({ attributes: { exclude: ['xml'] }, order: [['processId', 'ASC'], ['version', 'DESC']], raw: true });
  }

  async getDeployment(processId: string, version?: number) {
    return this.store.Deployment.findOne({ where: version ? { processId, version } : { processId }, order: [['version', 'DESC']], raw: true });
  }

  /** Each deployed version is parsed once and kept. */
  source(definitionKey: string): Promise<ProcessSource> {
    let source = this.sources.get(definitionKey);
    if (!source) {
      source = this.store.Deployment.findByPk(definitionKey, { raw: true }).then((row) => {
        if (!row) throw new EngineError('process.not_found', '流程版本不存在', `No deployment ${definitionKey}`);
        return parseProcessSource(row.xml);
      });
      source.catch(() => this.sources.delete(definitionKey));
      this.sources.set(definitionKey, source);
    }
    return source;
  }

  // ---- instances -------------------------------------------------------------------------------------

  async start(processId: string, variables: Variables, options: StartOptions = {}) {
    const links = { unitId: options.unitId ?? null, businessKey: options.businessKey ?? null, parentInstanceKey: null, parentExecutionId: null };
    const launched = await this.launch(processId, variables, links, undefined, options.unitChain ?? (options.unitId ? [options.unitId] : []));
    let saved: InstanceRow;
    try {
      saved = await this.starts.save({ launched, within: options.within });
    } catch (err) {
      await launched.live.close();
      throw err;
    }
    this.hot.offer(saved, launched.live, launched.result);
    return { instanceKey: saved.instanceKey, version: saved.version };
  }

  /**
   * Runs a new instance until it first waits, before any transaction is open (the database is not held while
   * the engine works); the caller saves it as a fresh step and keeps or closes the live instance.
   */
  private async launch(
    processId: string,
    variables: Variables,
    links: Pick<InstanceRow, 'unitId' | 'businessKey' | 'parentInstanceKey' | 'parentExecutionId'>,
    startMessage?: string,
    unitChain: number[] = [],
  ): Promise<Step & { live: LiveInstance }> {
    const deployment = await this.catalog.versionFor(processId, unitChain);
    if (!deployment) throw new EngineError('process.not_found', `流程「${processId}」尚未部署`, `Process "${processId}" is not deployed`);
    const source = await this.source(deployment.definitionKey);
    const live = await LiveInstance.start(source, variables);
    try {
      let result = await live.result();
      const startEvent = startMessage && result.waits.find((w) => w.messageId && source.messages.get(w.messageId)?.name === startMessage);
      if (startEvent) {
        live.apply({ executionId: startEvent.executionId, variables });
        result = await live.result();
      }
      throwIfFailed(result);
      const now = new Date();
      const instance: InstanceRow = {
        instanceKey: newKey(),
        definitionKey: deployment.definitionKey,
        processId,
        version: deployment.version,
        status: 'running',
        state: null,
        variables: '{}',
        waiting: JSON.stringify(NOTHING_OPEN),
        error: null,
        rev: 0,
        createdAt: now,
        updatedAt: now,
        ...links,
      };
      return { instance, source, result, fresh: true, live };
    } catch (err) {
      await live.close();
      throw err;
    }
  }

  /** A called process starts inside its parent's transaction, so parent and child are saved together. */
  private readonly startChild: StartChild = async (processId, variables, parent, transaction) => {
    const links = { unitId: parent.unitId, businessKey: parent.businessKey, parentInstanceKey: parent.instanceKey, parentExecutionId: parent.executionId };
    const child = await this.launch(processId, variables, links, undefined, parent.unitId ? [parent.unitId] : []);
    try {
      await persistStep(this.persistDeps(), child, transaction);
    } finally {
      await child.live.close();
    }
  };

  private persistDeps(): PersistDeps {
    return { store: this.store, sink: this.options.sink, startChild: this.startChild, jobPush: this.runtime };
  }

  private async instance(instanceKey: string, transaction?: Transaction): Promise<InstanceRow> {
    const row = await this.store.Instance.findByPk(instanceKey, { raw: true, transaction });
    if (!row) throw notFound(instanceKey);
    return row;
  }

  async getInstance(instanceKey: string): Promise<InstanceInfo> {
    const instance = await this.instance(instanceKey);
    const history = await this.store.History.findAll({ where: { instanceKey }, order: [['id', 'ASC']], raw: true });
    return {
      instanceKey,
      processId: instance.processId,
      version: instance.version,
      status: instance.status === 'ended' ? 'completed' : instance.status,
      businessKey: instance.businessKey,
      unitId: instance.unitId,
      error: instance.error,
      variables: JSON.parse(instance.variables) as Variables,
      history: history.map(({ elementId, elementType, name, event, at }) => ({ elementId, elementType, name, event, at })),
    };
  }

  async getVariables(instanceKey: string): Promise<Variables> {
    return JSON.parse((await this.instance(instanceKey)).variables);
  }

  /**
   * Restores an instance, applies one event (or none: resuming fires the timers that are due) and persists the
   * outcome with `within`, all under the instance's lock and in one transaction.
   */
  step(instanceKey: string, signal: Signal | null, within?: (transaction: Transaction) => Promise<void>) {
    return this.withInstanceLock(instanceKey, async () => {
      const instance = await this.instance(instanceKey);
      if (instance.status !== 'running') {
        throw new EngineError('instance.not_running', '流程实例已结束或暂停', `Instance ${instanceKey} is ${instance.status}`);
      }
      const source = await this.source(instance.definitionKey);
      const live = this.hot.take(instanceKey, instance.rev) ?? (await LiveInstance.restore(source, JSON.parse(instance.state ?? 'null')));
      let result: StepResult;
      try {
        if (signal) live.apply(signal);
      } catch (err) {
        await live.close();
        if (err instanceof EngineError) throw err;
        throw new EngineError('execution.not_waiting', '该环节已不在等待处理', `Execution ${signal?.executionId} is not waiting`);
      }
      let saved: InstanceRow;
      try {
        result = await live.result();
        throwIfFailed(result);
        saved = await this.options.inTransaction(async (transaction) => {
          if (within) await within(transaction);
          return persistStep(this.persistDeps(), { instance, source, result }, transaction);
        });
      } catch (err) {
        await live.close();
        throw err;
      }
      this.hot.offer(saved, live, result);
    });
  }

  async completeUserTask(instanceKey: string, executionId: string, variables: Variables, within?: (transaction: Transaction) => Promise<void>) {
    await this.step(instanceKey, { executionId, variables }, within);
  }

  /** Ends the waiting element and activates another one of its scope, in one step (see token-move.ts). */
  async moveToken(instanceKey: string, fromExecutionId: string, toElementId: string, variables: Variables, within?: (transaction: Transaction) => Promise<void>) {
    await this.step(instanceKey, { executionId: fromExecutionId, moveTo: toElementId, variables }, within);
  }

  /**
   * Correlates a message to every instance with an open subscription of that name and correlation key, and
   * starts the processes with a message start event of that name. With nobody waiting, the message is kept
   * for `timeToLiveMs` for a subscription that opens later (as Zeebe buffers messages).
   */
  async publishMessage(name: string, correlationKey: string, variables: Variables = {}, options: { timeToLiveMs?: number } = {}): Promise<void> {
    const subscriptions = await this.store.Subscription.findAll({ where: { messageName: name, correlationKey }, raw: true });
    const instances = new Set<string>();
    for (const s of subscriptions.filter((s) => !instances.has(s.instanceKey) && instances.add(s.instanceKey))) {
      await this.step(s.instanceKey, { executionId: s.executionId, variables });
    }
    let started = 0;
    for (const deployment of await this.latestDeployments()) {
      if ((await this.source(deployment.definitionKey)).startMessages.includes(name)) {
        const links = { unitId: null, businessKey: correlationKey || null, parentInstanceKey: null, parentExecutionId: null };
        const launched = await this.launch(deployment.processId, { ...variables }, links, name);
        try {
          await this.options.inTransaction((transaction) => persistStep(this.persistDeps(), launched, transaction));
        } finally {
          await launched.live.close();
        }
        started++;
      }
    }
    this.runtime.wake();
    if (instances.size === 0 && started === 0 && (options.timeToLiveMs ?? 0) > 0) {
      const now = new Date();
      await this.store.Message.create({ messageKey: newKey(), name, correlationKey, variables: JSON.stringify(variables), expiresAt: new Date(now.getTime() + options.timeToLiveMs!), createdAt: now });
      this.runtime.wake();
    }
  }

  private async latestDeployments() {
    const latest = new Map<string, DeploymentInfo>();
    for (const d of await this.listDeployments()) if (!latest.has(d.processId)) latest.set(d.processId, d);
    return [...latest.values()];
  }

  /** Cancels an instance and the processes it called: its tasks leave the inbox, its jobs are not delivered. */
  async cancel(instanceKey: string) {
    const children = await this.store.Instance.findAll({ where: { parentInstanceKey: instanceKey, status: { [Op.in]: ['running', 'incident'] } }, attributes: ['instanceKey'], raw: true });
    for (const child of children) await this.cancel(child.instanceKey);
    await this.withInstanceLock(instanceKey, () =>
      this.options.inTransaction(async (transaction) => {
        const instance = await this.instance(instanceKey, transaction);
        const now = new Date();
        await this.store.Instance.update({ status: 'cancelled', state: null, waiting: JSON.stringify(NOTHING_OPEN), updatedAt: now }, { where: { instanceKey }, transaction });
        await this.store.Job.update({ status: 'cancelled', updatedAt: now }, { where: { instanceKey, status: { [Op.in]: ['activatable', 'activated', 'incident'] } }, transaction });
        await this.store.Timer.destroy({ where: { instanceKey }, transaction });
        await this.store.Subscription.destroy({ where: { instanceKey }, transaction });
        await this.store.History.create({ instanceKey, elementId: null, elementType: null, name: null, event: 'cancelled', at: now }, { transaction });
        await this.options.sink.tasksWaiting({ instanceKey, processId: instance.processId, variables: JSON.parse(instance.variables), tasks: [], complete: true }, transaction);
      }),
    );
  }

  // ---- jobs --------------------------------------------------------------------------------------------

  private async job(jobKey: string): Promise<JobRow> {
    const job = await this.store.Job.findByPk(jobKey, { raw: true });
    if (!job) throw new EngineError('job.not_found', '作业不存在', `No job ${jobKey}`);
    return job;
  }

  async completeJob(jobKey: string, variables: Variables = {}) {
    const job = await this.job(jobKey);
    await this.step(job.instanceKey, { executionId: job.executionId, variables }, (transaction) => this.closeJobs([jobKey], transaction));
  }

  /**
   * Completes jobs of several instances in one transaction (a group commit): each instance still in memory since
   * the step that created its job takes its worker's result, and their closed jobs, new states and history are
   * saved together, or nothing is. Returns the completions left to apply one by one with `completeJob`: those
   * of instances not in memory, a second job of the same instance, a result the process cannot take (it becomes
   * an incident there), and all of the group if it could not be saved (a cancellation or an incident came in
   * between).
   */
  async completeJobs(completions: JobCompletion[]): Promise<JobCompletion[]> {
    const group = new Map<string, JobCompletion>();
    const alone: JobCompletion[] = [];
    for (const completion of completions) {
      if (group.has(completion.job.instanceKey)) alone.push(completion);
      else group.set(completion.job.instanceKey, completion);
    }
    await withLocks(this.withInstanceLock, [...group.keys()], async () => {
      const steps: Array<{ completion: JobCompletion; hot: HotInstance; result: StepResult; source: ProcessSource }> = [];
      for (const completion of group.values()) {
        const hot = this.hot.takeAny(completion.job.instanceKey);
        if (!hot) {
          alone.push(completion);
          continue;
        }
        try {
          hot.live.apply({ executionId: completion.job.executionId, variables: completion.variables });
          const result = await hot.live.result();
          if (result.status === 'failed') throw new Error(result.error ?? 'failed');
          steps.push({ completion, hot, result, source: await this.source(hot.row.definitionKey) });
        } catch {
          await hot.live.close();
          alone.push(completion);
        }
      }
      if (!steps.length) return;
      try {
        const saved = await this.options.inTransaction(async (transaction) => {
          await this.closeJobs(steps.map((s) => s.completion.job.jobKey), transaction);
          return persistSteps(this.persistDeps(), steps.map((s) => ({ instance: s.hot.row, source: s.source, result: s.result })), transaction);
        });
        steps.forEach((s, i) => this.hot.offer(saved[i], s.hot.live, s.result));
      } catch (err) {
        this.options.logger.debug({ err }, 'group commit of job completions fell back to one by one');
        for (const s of steps) await s.hot.live.close();
        alone.push(...steps.map((s) => s.completion));
      }
    });
    return alone;
  }

  /** A BPMN error from a worker: an error boundary event with the same code takes over, or the step fails. */
  async throwJobError(jobKey: string, error: { code: string; message?: string; variables?: Variables }) {
    const job = await this.job(jobKey);
    await this.step(
      job.instanceKey,
      { executionId: job.executionId, error: { code: error.code, message: error.message ?? error.code, variables: error.variables } },
      (transaction) => this.closeJobs([jobKey], transaction),
    );
  }

  /** A failed job is retried after a backoff; with no retries left it becomes an incident on its instance. */
  async failJob(jobKey: string, failure: { retries: number; message: string; backoffMs?: number }) {
    const job = await this.job(jobKey);
    const incident = failure.retries <= 0;
    this.options.logger.warn({ jobKey, type: job.type, retries: failure.retries, message: failure.message }, incident ? 'job incident' : 'job failed, will retry');
    await this.options.inTransaction(async (transaction) => {
      const now = new Date();
      await this.store.Job.update(
        { status: incident ? 'incident' : 'activatable', retries: Math.max(failure.retries, 0), error: failure.message, dueAt: new Date(now.getTime() + (failure.backoffMs ?? 0)), lockedUntil: null, updatedAt: now },
        { where: { jobKey, status: { [Op.in]: ['activatable', 'activated'] } }, transaction },
      );
      if (incident) await this.store.Instance.update({ status: 'incident', error: failure.message, updatedAt: now }, { where: { instanceKey: job.instanceKey, status: 'running' }, transaction });
    });
    this.runtime.wake();
  }

  async listIncidents(): Promise<Incident[]> {
    const jobs = await this.store.Job.findAll({ where: { status: 'incident' }, order: [['updatedAt', 'ASC']], raw: true });
    const processes = new Map(
      (await this.store.Instance.findAll({ where: { instanceKey: jobs.map((j) => j.instanceKey) }, attributes: ['instanceKey', 'processId'], raw: true })).map((i) => [i.instanceKey, i.processId]),
    );
    return jobs.map((j) => ({ key: j.jobKey, instanceKey: j.instanceKey, processId: processes.get(j.instanceKey) ?? '', elementId: j.elementId, jobType: j.type, message: j.error ?? '', createdAt: j.updatedAt }));
  }

  async retryIncident(incidentKey: string, retries = 1) {
    const job = await this.job(incidentKey);
    if (job.status !== 'incident') throw new EngineError('job.not_found', '该作业没有待处理的故障', `Job ${incidentKey} has no incident`);
    await this.options.inTransaction(async (transaction) => {
      await this.store.Job.update({ status: 'activatable', retries, dueAt: new Date(), updatedAt: new Date() }, { where: { jobKey: incidentKey }, transaction });
      const left = await this.store.Job.count({ where: { instanceKey: job.instanceKey, status: 'incident' }, transaction });
      if (left === 0) await this.store.Instance.update({ status: 'running', error: null, updatedAt: new Date() }, { where: { instanceKey: job.instanceKey, status: 'incident' }, transaction });
    });
    this.runtime.wake();
  }

  private async closeJobs(jobKeys: string[], transaction: Transaction) {
    const closed = await updateRows(this.store.Job, { status: 'completed', updatedAt: new Date() }, { jobKey: jobKeys, status: { [Op.in]: ['activatable', 'activated'] } }, transaction);
    if (closed !== jobKeys.length) throw new EngineError('job.not_found', '作业已完成或已取消', `Job ${jobKeys.join(', ')} is not active`);
  }

  // ---- runtime -----------------------------------------------------------------------------------------

  registerWorker(taskType: string, handler: JobHandler) {
    this.runtime.register(taskType, handler);
  }

  /** Takes the database's engine-host lease, then runs jobs, timers and messages until stopped. */
  async startWorkers() {
    await this.lease.acquire();
    await this.runtime.start();
  }

  async stop() {
    await this.runtime.stop();
    this.hot.clear();
    await this.lease.release();
  }

  idle() {
    return this.runtime.idle();
  }
}

function throwIfFailed(result: StepResult) {
  if (result.status !== 'failed') return;
  throw new EngineError('instance.incident', `流程无法继续：${result.error}`, `The process cannot continue: ${result.error}`);
}

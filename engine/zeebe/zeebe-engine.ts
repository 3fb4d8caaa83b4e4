import type { Sequelize, Transaction } from 'sequelize';
import type { Logger } from 'pino';
import type { DeployedProcess, Engine, InboxSink, JobContext, JobHandler, StartOptions, Variables } from '../port.ts';
import { BpmnError } from '../bpmn-error.ts';
import { EngineError } from '../errors.ts';
import type { InTransaction } from '../../server/db.ts';
import { readProcessModel, type ElementOutline } from './process-model.ts';
import { prepareForZeebe } from './prepare-for-zeebe.ts';
import { LocalRecord } from './local-record.ts';
import { withBusinessVariables } from './business-variables.ts';
import { JobWorkers, instanceOf, type JobProcessor, type ZeebeJob } from './job-workers.ts';
import { settle, messageOf, json, type Decision } from './job-settlement.ts';
import { UserTaskBridge } from './user-task-bridge.ts';
import { LISTENER_TYPES } from './listener-types.ts';
import { retryWhileRefused, zeebeCommand, type Refusal } from './zeebe-errors.ts';
import { connectToCamunda, type CamundaConfig, type ZeebeClients } from './zeebe-clients.ts';

export interface ZeebeEngineOptions {
  sequelize: Sequelize;
  inTransaction: InTransaction;
  sink: InboxSink;
  logger: Logger;
  camunda?: CamundaConfig;
  /** The worker name Zeebe records on the jobs this platform activates. */
  workerName?: string;
  jobTimeoutMs?: number;
  /** How long Zeebe holds a poll for jobs open while none is there. */
  longPollMs?: number;
  /** Backoff before a failed job is retried; it doubles as the retries run out. */
  retryBackoffMs?: number;
  /** How long retryIncident waits for Zeebe's (eventually consistent) search API to show the incident. */
  incidentLookupMs?: number;
}

/** Waits between attempts to complete a user task Zeebe still has in state CREATING. */
const CREATING_RETRY_MS = [100, 200, 400, 800, 1600];

const jobGone = (jobKey: string) => (refusal: Refusal, detail: string) =>
  refusal === 'not_found' ? new EngineError('job.not_found', '作业已完成或已取消', `Job ${jobKey} is not active: ${detail}`) : undefined;

/**
 * The Zeebe (Camunda 8) adapter: deployments, instances, messages and job workers over the SDK's gRPC client;
 * user tasks through Camunda user tasks, whose `creating` / `canceling` task listeners bring them into the
 * inbox (user-task-bridge.ts) and whose completion goes back through the Orchestration Cluster REST API.
 * What Zeebe only answers through Operate is read from the platform's own record (local-record.ts).
 */
export class ZeebeEngine implements Engine {
  private readonly clients: Promise<ZeebeClients>;
  private readonly record: LocalRecord;
  private readonly workers: JobWorkers;
  private readonly bridge: UserTaskBridge;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly elements = new Map<string, Promise<Map<string, ElementOutline> | null>>();
  private readonly settling;
  private readonly incidentLookupMs: number;
  private running = false;

  constructor(private readonly options: ZeebeEngineOptions) {
    this.clients = connectToCamunda(options.camunda ?? {});
    // a configuration the SDK rejects surfaces in the first call (startWorkers, at server start)
    this.clients.catch(() => undefined);
    const zeebe = this.clients.then((c) => c.zeebe);
    this.record = new LocalRecord(options.sequelize, options.inTransaction);
    this.workers = new JobWorkers(zeebe, {
      name: options.workerName ?? 'jixiao-bpm',
      jobTimeoutMs: options.jobTimeoutMs ?? 5 * 60_000,
      longPollMs: options.longPollMs ?? 30_000,
      maxJobs: 32,
      logger: options.logger,
    });
    this.bridge = new UserTaskBridge({ record: this.record, sink: options.sink, elementsOf: (key) => this.elementsOf(key) });
    this.settling = { client: zeebe, baseBackoffMs: options.retryBackoffMs ?? 1000, logger: options.logger };
    this.incidentLookupMs = options.incidentLookupMs ?? 15_000;
  }

  // ---- deployments -----------------------------------------------------------------------------------

  async deploy(bpmnXml: string, options: { unitId?: number; deployedBy?: string } = {}): Promise<DeployedProcess> {
    const model = await readProcessModel(bpmnXml);
    const resource = Buffer.from(await prepareForZeebe(model));
    const { zeebe } = await this.clients;
    const response = await zeebeCommand(
      () => zeebe.deployResource({ name: `${model.processId}.bpmn`, process: resource }),
      (refusal, detail) => (refusal === 'invalid' ? new EngineError('bpmn.invalid', `Zeebe 拒绝部署该流程：${detail}`, `Zeebe refused the process: ${detail}`) : undefined),
    );
    const { processDefinitionKey: definitionKey, version } = response.deployments[0].process;
    await this.record.saveDeployment({
      definitionKey,
      processId: model.processId,
      name: model.name,
      version,
      xml: bpmnXml,
      unitId: options.unitId ?? null,
      deployedBy: options.deployedBy ?? null,
      createdAt: new Date(),
    });
    this.elements.set(definitionKey, Promise.resolve(model.elements));
    return { processId: model.processId, name: model.name, version, definitionKey };
  }

  listDeployments() {
    return this.record.listDeployments();
  }

  getDeployment(processId: string, version?: number) {
    return this.record.deployment(processId, version);
  }

  /** The elements of a deployed version (cached), or null for a process this platform did not deploy. */
  private elementsOf(definitionKey: string): Promise<Map<string, ElementOutline> | null> {
    let elements = this.elements.get(definitionKey);
    if (!elements) {
      elements = this.record.xmlOf(definitionKey).then(async (xml) => (xml ? (await readProcessModel(xml)).elements : null));
      elements.catch(() => this.elements.delete(definitionKey));
      this.elements.set(definitionKey, elements);
    }
    return elements;
  }

  // ---- instances -------------------------------------------------------------------------------------

  async start(processId: string, variables: Variables, options: StartOptions = {}) {
    const startVariables = withBusinessVariables(variables, options);
    const { zeebe } = await this.clients;
    const created = await zeebeCommand(
      () => zeebe.createProcessInstance({ bpmnProcessId: processId, variables: json(startVariables) }),
      (refusal, detail) => (refusal === 'not_found' ? new EngineError('process.not_found', `流程「${processId}」尚未部署`, `Process "${processId}" is not deployed: ${detail}`) : undefined),
    );
    const instance = { instanceKey: created.processInstanceKey, definitionKey: created.processDefinitionKey, processId, version: created.version };
    await this.record.forInstance(instance.instanceKey, async (transaction) => {
      await this.record.observe(instance, startVariables, transaction, 'seed');
      if (options.within) await options.within(transaction, instance.instanceKey);
    });
    return { instanceKey: instance.instanceKey, version: instance.version };
  }

  getInstance(instanceKey: string) {
    return this.record.info(instanceKey);
  }

  async getVariables(instanceKey: string): Promise<Variables> {
    return JSON.parse((await this.record.instance(instanceKey)).variables) as Variables;
  }

  /**
   * `within` and the record of the completion run in one transaction that commits only after Zeebe accepted
   * the completion: if either fails, nothing is completed (see docs/zeebe.md for the one remaining gap).
   */
  async completeUserTask(instanceKey: string, executionId: string, variables: Variables, within?: (transaction: Transaction) => Promise<void>) {
    const { orchestration, lifters } = await this.clients;
    await this.record.forInstance(instanceKey, async (transaction) => {
      if (within) await within(transaction);
      const created = await this.record.historyOf(executionId, transaction);
      await this.record.mergeVariables(instanceKey, variables, transaction);
      await this.record.addHistory(
        instanceKey,
        { elementId: created?.elementId ?? null, elementType: 'bpmn:UserTask', name: created?.name ?? null, event: 'completed', sourceKey: executionId },
        transaction,
      );
      const complete = () => orchestration.completeUserTask({ userTaskKey: lifters.UserTaskKey.assumeExists(executionId), variables });
      await zeebeCommand(
        () => retryWhileRefused(complete, 'conflict', CREATING_RETRY_MS),
        (refusal, detail) =>
          refusal !== 'invalid' ? new EngineError('execution.not_waiting', '该环节已不在等待处理', `User task ${executionId} cannot be completed: ${detail}`) : undefined,
      );
    });
  }

  /**
   * Process instance modification: terminates the user task's element instance (recorded from its `creating`
   * listener job) and activates `toElementId` in its flow scope, with `variables` set on the process. Zeebe runs
   * the task's `canceling` listener; the new task reaches the inbox through its `creating` listener.
   */
  async moveToken(instanceKey: string, fromExecutionId: string, toElementId: string, variables: Variables, within?: (transaction: Transaction) => Promise<void>) {
    const { zeebe } = await this.clients;
    await this.record.forInstance(instanceKey, async (transaction) => {
      if (within) await within(transaction);
      const created = await this.record.historyOf(fromExecutionId, transaction);
      if (!created?.elementInstanceKey) throw new EngineError('execution.not_waiting', '该环节已不在等待处理', `No user task ${fromExecutionId} is known to be waiting`);
      await this.record.mergeVariables(instanceKey, variables, transaction);
      await this.record.addHistory(instanceKey, { elementId: created.elementId, elementType: 'bpmn:UserTask', name: created.name, event: 'moved', sourceKey: fromExecutionId }, transaction);
      await zeebeCommand(
        () =>
          zeebe.modifyProcessInstance({
            processInstanceKey: instanceKey,
            terminateInstructions: [{ elementInstanceKey: created.elementInstanceKey! }],
            activateInstructions: [{ elementId: toElementId, ancestorElementInstanceKey: '-1', variableInstructions: [{ variables: json(variables), scopeId: '' }] }],
          }),
        (refusal, detail) => {
          if (refusal === 'invalid') return new EngineError('bpmn.invalid', `流程中没有可以转到的环节「${toElementId}」`, `Zeebe refused to activate "${toElementId}": ${detail}`);
          if (refusal === 'not_found') return new EngineError('execution.not_waiting', '该环节已不在等待处理', `User task ${fromExecutionId} cannot be ended: ${detail}`);
          return undefined;
        },
      );
    });
  }

  async publishMessage(name: string, correlationKey: string, variables: Variables = {}, options: { timeToLiveMs?: number } = {}) {
    const { zeebe } = await this.clients;
    await zeebe.publishMessage({ name, correlationKey, variables: json(variables), timeToLive: options.timeToLiveMs ?? 0 });
  }

  /** Zeebe cancels the instance (and the processes it called); its tasks leave the inbox at once. */
  async cancel(instanceKey: string) {
    const { zeebe } = await this.clients;
    await zeebeCommand(
      () => zeebe.cancelProcessInstance(instanceKey),
      (refusal, detail) => (refusal === 'not_found' ? new EngineError('instance.not_found', '流程实例不存在或已结束', `No running process instance ${instanceKey}: ${detail}`) : undefined),
    );
    await this.record.forInstance(instanceKey, async (transaction) => {
      const instance = await this.record.findInstance(instanceKey, transaction);
      if (!instance) return;
      await this.record.setStatus(instanceKey, 'cancelled', null, transaction);
      await this.options.sink.tasksWaiting({ instanceKey, processId: instance.processId, variables: JSON.parse(instance.variables), tasks: [], complete: true }, transaction);
    });
  }

  // ---- jobs ------------------------------------------------------------------------------------------

  registerWorker(taskType: string, handler: JobHandler) {
    this.handlers.set(taskType, handler);
    if (this.running) this.workers.start(taskType, this.serviceJob(handler));
  }

  async startWorkers() {
    await this.clients;
    this.running = true;
    this.workers.start(LISTENER_TYPES.userTaskCreating, this.listenerJob((job) => this.bridge.creating(job)));
    this.workers.start(LISTENER_TYPES.userTaskCanceling, this.listenerJob((job) => this.bridge.canceling(job)));
    this.workers.start(LISTENER_TYPES.processEnd, this.listenerJob((job) => this.bridge.processEnd(job)));
    for (const [type, handler] of this.handlers) this.workers.start(type, this.serviceJob(handler));
  }

  /** Stops taking jobs and waits for those being processed; the clients close once the last open poll ended. */
  async stop() {
    this.running = false;
    await this.workers.close();
    void this.workers
      .drained()
      .then(async () => (await this.clients).camunda.closeAllClients())
      .catch((err: unknown) => this.options.logger.warn({ err }, 'zeebe clients did not close cleanly'));
  }

  idle() {
    return this.workers.idle();
  }

  async completeJob(jobKey: string, variables: Variables = {}) {
    const { zeebe } = await this.clients;
    await zeebeCommand(() => zeebe.completeJob({ jobKey, variables: json(variables) }), jobGone(jobKey));
  }

  async failJob(jobKey: string, failure: { retries: number; message: string; backoffMs?: number }) {
    const { zeebe } = await this.clients;
    await zeebeCommand(
      () => zeebe.failJob({ jobKey, retries: failure.retries, errorMessage: failure.message, retryBackOff: failure.backoffMs ?? 0 }),
      jobGone(jobKey),
    );
  }

  async throwJobError(jobKey: string, error: { code: string; message?: string; variables?: Variables }) {
    const { zeebe } = await this.clients;
    await zeebeCommand(
      () => zeebe.throwError({ jobKey, errorCode: error.code, errorMessage: error.message ?? error.code, variables: json(error.variables ?? {}) }),
      jobGone(jobKey),
    );
  }

  listIncidents() {
    return this.record.listIncidents();
  }

  /**
   * An incident's key is the key of its job. Zeebe wants the job's retries raised first, then its own incident
   * resolved; that incident's key is found through the search API (eventually consistent, hence the wait).
   */
  async retryIncident(incidentKey: string, retries = 1) {
    const incident = await this.record.incident(incidentKey);
    const { zeebe, orchestration, lifters } = await this.clients;
    await zeebeCommand(() => zeebe.updateJobRetries({ jobKey: incident.jobKey, retries }), jobGone(incident.jobKey));
    const found = await orchestration
      .searchIncidents(
        { filter: { jobKey: lifters.JobKey.assumeExists(incident.jobKey), state: 'ACTIVE' } },
        { consistency: { waitUpToMs: this.incidentLookupMs, predicate: (result) => Boolean(result.items?.length) } },
      )
      .catch((err: unknown) => {
        if ((err as Error).name === 'EventualConsistencyTimeoutError') return null;
        throw err;
      });
    const zeebeIncident = found?.items?.[0]?.incidentKey;
    if (!zeebeIncident) throw new EngineError('job.not_found', 'Zeebe 中找不到该作业的故障', `Zeebe shows no active incident for job ${incident.jobKey}`);
    await zeebe.resolveIncident({ incidentKey: String(zeebeIncident) });
    await this.record.forInstance(incident.instanceKey, (transaction) => this.record.resolveIncident(incident, transaction));
  }

  private context(job: ZeebeJob): JobContext {
    return {
      jobKey: job.key,
      instanceKey: job.processInstanceKey,
      elementId: job.elementId,
      type: job.type,
      variables: { ...job.variables },
      customHeaders: { ...job.customHeaders },
      retries: job.retries,
    };
  }

  /** A job of a service task (or any element with a zeebe:taskDefinition) for a registered worker. */
  private serviceJob(handler: JobHandler): JobProcessor {
    return (job) =>
      settle(
        job,
        async (): Promise<Decision> => {
          const instance = instanceOf(job);
          await this.record.forInstance(instance.instanceKey, (transaction) => this.record.observe(instance, job.variables, transaction));
          try {
            return { kind: 'complete', variables: (await handler(this.context(job))) ?? {} };
          } catch (err) {
            if (err instanceof BpmnError) return { kind: 'error', code: err.code, message: err.message, variables: err.variables ?? {} };
            return { kind: 'fail', message: messageOf(err), retries: job.retries - 1 };
          }
        },
        async (decision) => {
          if (decision.kind === 'complete') await this.recordCompletion(job, decision.variables);
          await this.recordFailure(job, decision);
        },
        this.settling,
      );
  }

  /** A job of one of the platform's own listeners; completing it lets Zeebe go on (listeners block). */
  private listenerJob(handle: (job: ZeebeJob) => Promise<void>): JobProcessor {
    return (job) =>
      settle(
        job,
        async () => {
          await handle(job);
          return { kind: 'complete', variables: {} };
        },
        (decision) => this.recordFailure(job, decision),
        this.settling,
      );
  }

  private async recordCompletion(job: ZeebeJob, output: Variables) {
    const instance = instanceOf(job);
    const element = (await this.elementsOf(instance.definitionKey))?.get(job.elementId);
    await this.record.forInstance(instance.instanceKey, async (transaction) => {
      await this.record.observe(instance, output, transaction);
      await this.record.addHistory(instance.instanceKey, { elementId: job.elementId, elementType: element?.type ?? null, name: element?.name ?? null, event: 'completed', sourceKey: job.key }, transaction);
    });
  }

  /** A job failed with no retries left is an incident in Zeebe; the record lets the platform list and retry it. */
  private async recordFailure(job: ZeebeJob, decision: Decision) {
    if (decision.kind !== 'fail') return;
    const instance = instanceOf(job);
    this.options.logger.warn({ jobKey: job.key, type: job.type, retries: decision.retries, message: decision.message }, decision.retries > 0 ? 'job failed, will retry' : 'job incident');
    if (decision.retries > 0) return;
    await this.record.forInstance(instance.instanceKey, (transaction) =>
      this.record.raiseIncident(
        { jobKey: job.key, instanceKey: instance.instanceKey, processId: instance.processId, elementId: job.elementId, jobType: job.type, message: decision.message, createdAt: new Date() },
        transaction,
      ),
    );
  }
}

import pino from 'pino';
import type { Sequelize } from 'sequelize';
import type { InboxSink, Variables } from '../../engine/port.ts';
import { EmbeddedEngine } from '../../engine/embedded/embedded-engine.ts';
import type { InstanceRow } from '../../engine/embedded/store.ts';
import { EngineError } from '../../engine/errors.ts';
import { createSequelize, createTransactionRunner } from '../../server/db.ts';
import { migrate } from '../../server/migrate.ts';
import { tempSqliteUrl } from '../support/server.ts';
import { Int64Keys } from './int64-keys.ts';
import { ListenerJobs, type JobIdentity } from './listener-jobs.ts';
import { UserTasks, type InstanceView } from './user-tasks.ts';
import { ServiceJobs } from './service-jobs.ts';
import { readListeners, type DeployedListeners } from './deployed-listeners.ts';
import { activatedJob } from './activated-job.ts';
import { Refusal } from './refusal.ts';

interface Deployment {
  processId: string;
  version: number;
  key: string;
  xml: string;
  listeners: DeployedListeners;
}

const parse = (json: string | undefined): Variables => (json ? (JSON.parse(json) as Variables) : {});

/** An embedded engine refusal in Zeebe's terms; a step that cannot go on is an incident, not a refusal. */
function refusalOf(err: unknown): Refusal | null {
  if (!(err instanceof EngineError)) return null;
  if (err.code === 'job.not_found' || err.code === 'instance.not_found' || err.code === 'process.not_found' || err.code === 'execution.not_waiting') {
    return new Refusal('NOT_FOUND', err.en);
  }
  if (err.code === 'bpmn.invalid') return new Refusal('INVALID_ARGUMENT', err.en);
  if (err.code === 'instance.not_running' || err.code === 'instance.conflict') return new Refusal('FAILED_PRECONDITION', err.en);
  return null;
}

/**
 * The broker side of the Zeebe gateway test double: Zeebe's commands carried out by an EmbeddedEngine on a
 * temporary SQLite database (real BPMN semantics: gateways, timers, messages, boundary events, called
 * processes, multi-instance), with Zeebe's keys, jobs, user task lifecycle and listener jobs around it.
 */
export class DoubleBroker {
  readonly keys = new Int64Keys();
  private readonly listenerJobs = new ListenerJobs();
  private readonly userTasks = new UserTasks(this.keys, this.listenerJobs);
  private readonly deployments = new Map<string, Deployment>();
  private readonly incidentRounds = new Map<string, number>();
  private readonly engine: EmbeddedEngine;
  private readonly serviceJobs: ServiceJobs;

  private constructor(private readonly sequelize: Sequelize) {
    const sink: InboxSink = {
      tasksWaiting: async (update, transaction) => {
        const instance = await this.engine.store.Instance.findByPk(update.instanceKey, { raw: true, transaction });
        if (!instance) return;
        const apply = () => this.userTasks.afterStep(this.view(instance), update.tasks, update.variables);
        if (transaction) transaction.afterCommit(apply);
        else apply();
      },
      taskEnded: async () => undefined,
    };
    this.engine = new EmbeddedEngine({ sequelize, inTransaction: createTransactionRunner(sequelize), sink, logger: pino({ level: 'silent' }), pollMs: 20 });
    this.serviceJobs = new ServiceJobs(this.engine.store, this.keys);
  }

  static async start(): Promise<DoubleBroker> {
    const sequelize = createSequelize(tempSqliteUrl());
    await migrate(sequelize);
    const broker = new DoubleBroker(sequelize);
    // drives timers, buffered messages and called processes; no worker is registered, jobs go to ActivateJobs
    await broker.engine.startWorkers();
    return broker;
  }

  async close() {
    await this.engine.stop();
    await this.sequelize.close();
  }

  /** Runs an embedded engine call, turning its refusals into Zeebe's. */
  private async engineCall<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      throw refusalOf(err) ?? err;
    }
  }

  private view(instance: InstanceRow): InstanceView {
    return {
      local: instance.instanceKey,
      identity: {
        processInstanceKey: this.keys.zeebe('instance', instance.instanceKey),
        bpmnProcessId: instance.processId,
        processDefinitionVersion: instance.version,
        processDefinitionKey: this.keys.zeebe('definition', instance.definitionKey),
      },
      listeners: this.deployments.get(instance.definitionKey)!.listeners,
      finished: instance.status === 'ended' || instance.status === 'completed',
    };
  }

  // ---- deployments and instances ---------------------------------------------------------------------

  /** DeployResource: like Zeebe, an unchanged file is not deployed again (its version is returned). */
  async deploy(resources: Array<{ name: string; content: Buffer }>) {
    const deployments = [];
    for (const { name, content } of resources) {
      const xml = content.toString('utf8');
      const listeners = await readListeners(xml).catch((err: Error) => {
        throw new Refusal('INVALID_ARGUMENT', `'${name}': ${err.message}`);
      });
      const latest = [...this.deployments.values()].filter((d) => d.processId === listeners.processId).at(-1);
      let deployment = latest?.xml === xml ? latest : undefined;
      if (!deployment) {
        const deployed = await this.engineCall(() => this.engine.deploy(xml));
        deployment = { processId: deployed.processId, version: deployed.version, key: this.keys.zeebe('definition', deployed.definitionKey), xml, listeners };
        this.deployments.set(deployed.definitionKey, deployment);
      }
      const { processId: bpmnProcessId, version, key: processDefinitionKey } = deployment;
      deployments.push({ process: { bpmnProcessId, version, processDefinitionKey, resourceName: name, tenantId: '<default>' } });
    }
    return { key: this.keys.fresh('deployment'), deployments, tenantId: '<default>' };
  }

  /** The XML Zeebe received for the latest version of a process (what the adapter prepared). */
  deployedXml(processId: string): string | undefined {
    return [...this.deployments.values()].filter((d) => d.processId === processId).at(-1)?.xml;
  }

  async createInstance(request: { bpmnProcessId: string; version: number; variables: string }) {
    const latest = [...this.deployments.values()].filter((d) => d.processId === request.bpmnProcessId).at(-1);
    if (request.version > 0 && request.version !== latest?.version) throw new Refusal('INVALID_ARGUMENT', 'the test double starts the latest version only');
    const started = await this.engineCall(() => this.engine.start(request.bpmnProcessId, parse(request.variables)));
    const instance = (await this.engine.store.Instance.findByPk(started.instanceKey, { raw: true }))!;
    return { ...this.view(instance).identity, version: instance.version, bpmnProcessId: instance.processId, tenantId: '<default>' };
  }

  async cancel(processInstanceKey: string) {
    const local = this.keys.local('instance', processInstanceKey);
    const instance = local ? await this.engine.store.Instance.findByPk(local, { raw: true }) : null;
    if (!instance || (instance.status !== 'running' && instance.status !== 'incident')) {
      throw new Refusal('NOT_FOUND', `Expected to cancel a process instance with key '${processInstanceKey}', but no such process was found`);
    }
    await this.engineCall(() => this.engine.cancel(instance.instanceKey));
  }

  /**
   * ModifyProcessInstance, as far as a move of one token goes: terminate one element instance and activate one
   * element in its flow scope (ancestor -1), with variables for the process scope. Other shapes are refused.
   */
  async modifyInstance(request: {
    processInstanceKey: string;
    terminateInstructions: Array<{ elementInstanceKey: string }>;
    activateInstructions: Array<{ elementId: string; ancestorElementInstanceKey: string; variableInstructions: Array<{ variables: string; scopeId: string }> }>;
  }) {
    const [terminate] = request.terminateInstructions;
    const [activate] = request.activateInstructions;
    if (request.terminateInstructions.length !== 1 || request.activateInstructions.length !== 1 || String(activate.ancestorElementInstanceKey) !== '-1' || activate.variableInstructions.some((v) => v.scopeId)) {
      throw new Refusal('INVALID_ARGUMENT', 'the test double modifies one token: one terminate and one activate instruction in the flow scope, variables for the process scope');
    }
    const instance = this.keys.local('instance', request.processInstanceKey);
    const execution = this.keys.local('element', terminate.elementInstanceKey);
    if (!instance || !execution) throw new Refusal('NOT_FOUND', `Expected to modify process instance '${request.processInstanceKey}' but no such element instance was found`);
    const variables = Object.assign({}, ...activate.variableInstructions.map((v) => parse(v.variables)));
    await this.engineCall(() => this.engine.moveToken(instance, execution, activate.elementId, variables));
    return { key: this.keys.fresh('message') };
  }

  async publishMessage(request: { name: string; correlationKey: string; timeToLive: string; variables: string }) {
    await this.engineCall(() => this.engine.publishMessage(request.name, request.correlationKey, parse(request.variables), { timeToLiveMs: Number(request.timeToLive) }));
    return { key: this.keys.fresh('message'), tenantId: '<default>' };
  }

  // ---- jobs ------------------------------------------------------------------------------------------

  async activate(request: { type: string; worker: string; timeout: string; maxJobsToActivate: number; fetchVariable: string[] }) {
    const timeoutMs = Number(request.timeout);
    const activation = { worker: request.worker, deadline: Date.now() + timeoutMs, fetchVariable: request.fetchVariable };
    const listeners = this.listenerJobs.activate(request.type, request.maxJobsToActivate, timeoutMs);
    const services = await this.serviceJobs.activate(request.type, request.maxJobsToActivate - listeners.length, timeoutMs);
    return [
      ...listeners.map((job) => activatedJob(job, activation)),
      ...services.map(({ job, instance }) =>
        activatedJob({ ...this.serviceJobs.identity(job, instance), retries: job.retries, customHeaders: JSON.parse(job.customHeaders), variables: parse(job.variables) }, activation),
      ),
    ];
  }

  /**
   * Completing a job or throwing an error on it is accepted once the job is active; if the process cannot go
   * on (no gateway condition holds, no boundary event catches the error), Zeebe raises an incident instead.
   */
  private async moveOn(key: string, step: (local: string) => Promise<void>) {
    const job = await this.serviceJobs.find(key, ['activatable', 'activated']);
    try {
      await step(job.jobKey);
    } catch (err) {
      const refusal = refusalOf(err);
      if (refusal) throw refusal;
      await this.engine.failJob(job.jobKey, { retries: 0, message: err instanceof EngineError ? err.en : String(err) });
    }
  }

  async completeJob(key: string, variables: string) {
    const listenerJob = this.listenerJobs.get(key);
    if (listenerJob) return this.listenerJobs.complete(key, parse(variables));
    await this.moveOn(key, (local) => this.engine.completeJob(local, parse(variables)));
  }

  async throwError(request: { jobKey: string; errorCode: string; errorMessage: string; variables: string }) {
    await this.moveOn(request.jobKey, (local) =>
      this.engine.throwJobError(local, { code: request.errorCode, message: request.errorMessage, variables: parse(request.variables) }),
    );
  }

  async failJob(request: { jobKey: string; retries: number; errorMessage: string; retryBackOff: string }) {
    if (this.listenerJobs.get(request.jobKey)) return this.listenerJobs.fail(request.jobKey, request.retries, request.errorMessage, Number(request.retryBackOff));
    const job = await this.serviceJobs.find(request.jobKey, ['activatable', 'activated']);
    await this.engine.failJob(job.jobKey, { retries: request.retries, message: request.errorMessage, backoffMs: Number(request.retryBackOff) });
  }

  async updateJobRetries(key: string, retries: number) {
    if (this.listenerJobs.get(key)) return this.listenerJobs.updateRetries(key, retries);
    const job = await this.serviceJobs.find(key, ['activatable', 'activated', 'incident']);
    await this.engine.store.Job.update({ retries }, { where: { jobKey: job.jobKey } });
  }

  // ---- incidents -------------------------------------------------------------------------------------

  /** Each incident of a job (by Zeebe job key) has its own key: a job that fails again after a retry gets a new one. */
  private incidentKey(jobKey: string) {
    return this.keys.zeebe('incident', `${jobKey}#${this.incidentRounds.get(jobKey) ?? 0}`);
  }

  /** The active incident of a job (by its Zeebe job key), as the search API returns it. */
  async incidentOfJob(jobKey: string) {
    const listenerJob = this.listenerJobs.get(jobKey);
    if (listenerJob) {
      const errorType = listenerJob.listener === 'task' ? 'TASK_LISTENER_NO_RETRIES' : 'EXECUTION_LISTENER_NO_RETRIES';
      return listenerJob.status === 'incident' ? this.incidentItem(jobKey, listenerJob, errorType, listenerJob.errorMessage) : null;
    }
    const job = await this.serviceJobs.find(jobKey, ['incident']).catch(() => null);
    const instance = job && (await this.engine.store.Instance.findByPk(job.instanceKey, { raw: true }));
    return job && instance ? this.incidentItem(jobKey, this.serviceJobs.identity(job, instance), 'JOB_NO_RETRIES', job.error ?? '') : null;
  }

  private incidentItem(jobKey: string, job: JobIdentity, errorType: string, errorMessage: string) {
    return {
      incidentKey: this.incidentKey(jobKey),
      jobKey,
      processInstanceKey: job.processInstanceKey,
      processDefinitionKey: job.processDefinitionKey,
      processDefinitionId: job.bpmnProcessId,
      elementId: job.elementId,
      elementInstanceKey: job.elementInstanceKey,
      errorType,
      errorMessage,
      state: 'ACTIVE',
      tenantId: '<default>',
    };
  }

  async resolveIncident(incidentKey: string) {
    const [jobKey] = (this.keys.local('incident', incidentKey) ?? '').split('#');
    const incident = jobKey ? await this.incidentOfJob(jobKey) : null;
    if (incident?.incidentKey !== incidentKey) throw new Refusal('NOT_FOUND', `Expected to resolve incident with key '${incidentKey}', but no such incident was found`);
    this.incidentRounds.set(jobKey, (this.incidentRounds.get(jobKey) ?? 0) + 1);
    if (this.listenerJobs.get(jobKey)) return this.listenerJobs.resolveIncident(jobKey);
    const job = await this.serviceJobs.find(jobKey, ['incident']);
    await this.engine.retryIncident(job.jobKey, job.retries);
  }

  // ---- user tasks ------------------------------------------------------------------------------------

  async completeUserTask(key: string, variables: Variables) {
    const task = this.userTasks.startCompletion(key);
    try {
      await this.engineCall(() => this.engine.completeUserTask(task.instance, task.spec.executionId, variables));
    } catch (err) {
      this.userTasks.abortCompletion(task);
      throw err;
    }
    this.userTasks.finishCompletion(task);
  }
}

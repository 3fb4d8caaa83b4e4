import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { BpmnModdle } from 'bpmn-moddle';
import pino from 'pino';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Sequelize } from 'sequelize';
import type { InboxSink, UserTaskSpec } from '../../engine/port.ts';
import { BpmnError } from '../../engine/bpmn-error.ts';
import { createSequelize, createTransactionRunner } from '../../server/db.ts';
import { up as createZeebeTables, recordElementInstances } from '../../engine/zeebe/migration.ts';
import { ZeebeEngine } from '../../engine/zeebe/zeebe-engine.ts';
import type { CamundaConfig } from '../../engine/zeebe/zeebe-clients.ts';
import { zeebeGatewayConfigured } from '../../engine/zeebe/config.ts';
import { LISTENER_TYPES } from '../../engine/zeebe/listener-types.ts';
import { readProcessModel } from '../../engine/zeebe/process-model.ts';
import { prepareForZeebe } from '../../engine/zeebe/prepare-for-zeebe.ts';
import { zeebeModdle } from '../../engine/embedded/process-source.ts';
import { engineContract, type ContractHarness } from './contract.ts';
import { RecordingInbox } from './recording-inbox.ts';
import { tempSqliteUrl } from '../support/server.ts';
import { createMysqlDatabase } from '../support/mysql.ts';
import { waitFor } from '../support/wait-for.ts';
import { startZeebeDouble, type ZeebeDouble } from '../zeebe-double/zeebe-double.ts';

const bpmn = (file: string) => fs.readFileSync(path.join(import.meta.dirname, 'bpmn', file), 'utf8');

const require = createRequire(import.meta.url);
const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');
const camunda88 = new Linter({ config: { extends: 'plugin:camunda-compat/camunda-cloud-8-8' }, resolver: new NodeResolver({ require }) });

/** The errors Camunda's own modeling rules for 8.8 (bpmnlint camunda-compat) find in a BPMN file. */
async function camunda88Errors(xml: string): Promise<string[]> {
  const { rootElement } = await new BpmnModdle({ zeebe: zeebeModdle }).fromXML(xml);
  const reports: Record<string, Array<{ category: string; id?: string; message: string }>> = await camunda88.lint(rootElement);
  return Object.entries(reports).flatMap(([rule, list]) => list.filter((r) => r.category === 'error').map((r) => `${rule} ${r.id}: ${r.message}`));
}

/** The Zeebe adapter on a local record in `databaseUrl`, talking to the gateway `camunda` names (or the environment's). */
function openAdapter(databaseUrl: string, camunda: CamundaConfig | undefined, sink: InboxSink) {
  const sequelize = createSequelize(databaseUrl);
  const engine = new ZeebeEngine({ sequelize, inTransaction: createTransactionRunner(sequelize), sink, logger: pino({ level: 'silent' }), camunda, retryBackoffMs: 10 });
  return { sequelize, engine };
}

async function zeebeHarness(databaseUrl: string, camunda: CamundaConfig | undefined, closeOthers: () => Promise<void>): Promise<ContractHarness> {
  const inbox = new RecordingInbox();
  let current = openAdapter(databaseUrl, camunda, inbox);
  await createZeebeTables({ context: current.sequelize.getQueryInterface() });
  await recordElementInstances({ context: current.sequelize.getQueryInterface() });
  return {
    engine: current.engine,
    inbox,
    hasHistory: false,
    async restart() {
      await current.engine.stop();
      await current.sequelize.close();
      current = openAdapter(databaseUrl, camunda, inbox);
      return current.engine;
    },
    async close() {
      await current.engine.stop();
      await current.sequelize.close();
      await closeOthers();
    },
  };
}

engineContract('zeebe adapter (record on SQLite) against the gateway test double', async () => {
  const double = await startZeebeDouble();
  return zeebeHarness(tempSqliteUrl(), double.camundaConfig, () => double.close());
});

engineContract('zeebe adapter (record on MySQL / MariaDB) against the gateway test double', async () => {
  const [double, db] = await Promise.all([startZeebeDouble(), createMysqlDatabase()]);
  return zeebeHarness(db.url, double.camundaConfig, async () => {
    await double.close();
    await db.drop();
  });
});

describe.runIf(zeebeGatewayConfigured())('against the Zeebe cluster named by ZEEBE_GRPC_ADDRESS / ZEEBE_ADDRESS', () => {
  engineContract('zeebe adapter against a real cluster', () => zeebeHarness(tempSqliteUrl(), undefined, async () => undefined));
});

/** An inbox that lets a test act the moment a task arrives (before the adapter completed its listener job). */
class WatchedInbox extends RecordingInbox {
  onTask: (task: UserTaskSpec) => void = () => undefined;

  async tasksWaiting(update: Parameters<RecordingInbox['tasksWaiting']>[0]) {
    await super.tasksWaiting(update);
    update.tasks.forEach((task) => this.onTask(task));
  }
}

describe('Zeebe adapter: the BPMN it deploys', () => {
  it.each(fs.readdirSync(path.join(import.meta.dirname, 'bpmn')))("prepares %s so that it passes Camunda 8.8's modeling rules", async (file) => {
    const prepared = await prepareForZeebe(await readProcessModel(bpmn(file)));
    expect(await camunda88Errors(prepared)).toEqual([]);
  });
});

describe('Zeebe adapter: what it sends to the gateway test double', () => {
  let double: ZeebeDouble;
  let sequelize: Sequelize;
  let engine: ZeebeEngine;
  const inbox = new WatchedInbox();
  let scoreFailures = 0;

  beforeAll(async () => {
    double = await startZeebeDouble();
    ({ sequelize, engine } = openAdapter(tempSqliteUrl(), double.camundaConfig, inbox));
    await createZeebeTables({ context: sequelize.getQueryInterface() });
    await recordElementInstances({ context: sequelize.getQueryInterface() });
    await sequelize.query('CREATE TABLE submissions (text VARCHAR(64))');
    engine.registerWorker('contract-score', async ({ variables }) => {
      if (variables.applicant === 'flaky' && scoreFailures-- > 0) throw new Error('暂时无法连接数据源');
      if (variables.applicant === 'broken') throw new Error('数据源配置错误');
      return { result: Number(variables.base) * 2 };
    });
    engine.registerWorker('contract-check', async ({ variables }) => {
      if (variables.vetoEvent) throw new BpmnError('VETO', '存在一票否决事项', { vetoReason: variables.vetoEvent });
      return { checked: true };
    });
    await engine.startWorkers();
  });
  afterAll(async () => {
    await engine?.stop();
    await sequelize?.close();
    await double?.close();
  });

  const openTask = (instanceKey: string, elementId: string) => waitFor(async () => inbox.open(instanceKey).find((t) => t.elementId === elementId), `user task ${elementId}`);
  const status = (instanceKey: string, wanted: string) =>
    waitFor(async () => ((await engine.getInstance(instanceKey)).status === wanted ? true : undefined), `instance ${instanceKey} to be ${wanted}`, 30_000);
  const submissions = async () => (await sequelize.query('SELECT text FROM submissions', { type: 'SELECT' })).map((r) => (r as { text: string }).text);

  it("deploys the designer's file with the platform's listeners and forms as external references, and keeps it unchanged", async () => {
    const xml = bpmn('approval.bpmn');
    const deployed = await engine.deploy(xml, { unitId: 7, deployedBy: 'admin' });
    expect(deployed).toMatchObject({ processId: 'contract-approval', name: '审批', version: 1 });
    expect(deployed.definitionKey).toMatch(/^\d{16,19}$/);
    const sent = double.broker.deployedXml('contract-approval')!;
    expect(sent).toContain(`<zeebe:taskListener eventType="creating" type="${LISTENER_TYPES.userTaskCreating}" />`);
    expect(sent).toContain(`<zeebe:taskListener eventType="canceling" type="${LISTENER_TYPES.userTaskCanceling}" />`);
    expect(sent).toContain(`<zeebe:executionListener eventType="end" type="${LISTENER_TYPES.processEnd}" />`);
    expect(sent).toContain('<zeebe:formDefinition externalReference="contract-form" />');
    expect(sent).not.toContain('formId=');
    expect(await engine.getDeployment('contract-approval')).toMatchObject({ xml, version: 1, unitId: 7, deployedBy: 'admin' });

    expect((await engine.deploy(xml)).version).toBe(1);
    expect((await engine.listDeployments()).filter((d) => d.processId === 'contract-approval')).toHaveLength(1);
    await engine.deploy(bpmn('error-boundary.bpmn'));
    await engine.deploy(bpmn('messages.bpmn'));
  });

  it('starts an instance with its business key and unit as variables, sent as one JSON document', async () => {
    const { instanceKey } = await engine.start('contract-approval', { applicant: 'zhangsan', base: 10 }, { businessKey: 'contract-approval:zhangsan:2026-Q4', unitId: 3 });
    expect(instanceKey).toMatch(/^\d{16,19}$/);
    const sent = double.log.of('CreateProcessInstance').at(-1)!;
    expect(sent).toMatchObject({ bpmnProcessId: 'contract-approval', version: -1, tenantId: '<default>' });
    expect(JSON.parse(sent.variables)).toEqual({ applicant: 'zhangsan', base: 10, businessKey: 'contract-approval:zhangsan:2026-Q4', unitId: 3 });
    expect(await engine.getInstance(instanceKey)).toMatchObject({ processId: 'contract-approval', version: 1, status: 'running', businessKey: 'contract-approval:zhangsan:2026-Q4', unitId: 3 });
    await expect(engine.start('no-such-process', {})).rejects.toMatchObject({ code: 'process.not_found' });
  });

  it('completes a user task over REST inside the inbox transaction: a failure of either side leaves nothing done', async () => {
    const { instanceKey } = await engine.start('contract-approval', { applicant: 'lisi', base: 10 });
    const task = await openTask(instanceKey, 'fill');
    const submit = (text: string) => async (transaction: import('sequelize').Transaction) => {
      await sequelize.query('INSERT INTO submissions (text) VALUES (?)', { replacements: [text], transaction });
    };
    const route = 'POST /v2/user-tasks/{key}/completion';

    await expect(engine.completeUserTask(instanceKey, task.executionId, { base: 1 }, async (t) => {
      await submit('rejected by the inbox')(t);
      throw new Error('form invalid');
    })).rejects.toThrow('form invalid');
    expect(double.log.of(route)).toHaveLength(0);
    expect(await submissions()).toEqual([]);

    await engine.completeUserTask(instanceKey, task.executionId, { base: 46 }, submit('accepted'));
    expect(double.log.of(route)).toEqual([{ variables: { base: 46 } }]);
    expect(await submissions()).toEqual(['accepted']);
    await status(instanceKey, 'completed');
    expect(await engine.getVariables(instanceKey)).toMatchObject({ base: 46, result: 92 });

    await expect(engine.completeUserTask(instanceKey, task.executionId, { base: 999 }, submit('too late'))).rejects.toMatchObject({ code: 'execution.not_waiting' });
    expect(await submissions()).toEqual(['accepted']);
    expect((await engine.getVariables(instanceKey)).base).toBe(46);
  });

  it('completes a task the inbox shows while Zeebe still creates it (its creating listener job not yet completed)', async () => {
    let completing: { done: Promise<void> } | undefined;
    inbox.onTask = (task) => {
      inbox.onTask = () => undefined;
      double.stopGateway();
      completing = { done: engine.completeUserTask(task.instanceKey, task.executionId, { base: 50 }) };
      setTimeout(() => void double.startGateway(), 300);
    };
    const { instanceKey } = await engine.start('contract-approval', { applicant: 'wangwu', base: 10 });
    await (await waitFor(async () => completing, 'the inbox to get the task')).done;
    const attempts = double.log.of('POST /v2/user-tasks/{key}/completion').filter((r) => r.variables.base === 50);
    expect(attempts.length).toBeGreaterThan(1);
    await status(instanceKey, 'completed');
  });

  it('fails jobs with their retries counting down and a growing backoff, then records the incident; a retry resolves Zeebe\'s incident', async () => {
    scoreFailures = 2;
    const flaky = await engine.start('contract-approval', { applicant: 'flaky', base: 1 });
    await engine.completeUserTask(flaky.instanceKey, (await openTask(flaky.instanceKey, 'fill')).executionId, {});
    await status(flaky.instanceKey, 'completed');
    const flakyFailures = double.log.of('FailJob').map(({ retries, retryBackOff, errorMessage }) => ({ retries, retryBackOff, errorMessage }));
    expect(flakyFailures).toEqual([
      { retries: 2, retryBackOff: '10', errorMessage: '暂时无法连接数据源' },
      { retries: 1, retryBackOff: '20', errorMessage: '暂时无法连接数据源' },
    ]);

    const broken = await engine.start('contract-approval', { applicant: 'broken', base: 1 });
    await engine.completeUserTask(broken.instanceKey, (await openTask(broken.instanceKey, 'fill')).executionId, {});
    await status(broken.instanceKey, 'incident');
    const [incident] = (await engine.listIncidents()).filter((i) => i.instanceKey === broken.instanceKey);
    expect(double.log.of('FailJob').at(-1)).toMatchObject({ jobKey: incident.key, retries: 0, errorMessage: '数据源配置错误' });

    const before = double.log.calls.length;
    await engine.retryIncident(incident.key, 2);
    const retry = double.log.calls.slice(before).filter((c) => c.rpc !== 'ActivateJobs');
    expect(retry.map((c) => c.rpc)).toEqual(['UpdateJobRetries', 'POST /v2/incidents/search', 'ResolveIncident']);
    expect(retry[0].request).toMatchObject({ jobKey: incident.key, retries: 2 });
    expect(retry[1].request).toEqual({ filter: { jobKey: incident.key, state: 'ACTIVE' } });
    expect(retry[2].request.incidentKey).toMatch(/^\d{16,19}$/);
    expect((await engine.getInstance(broken.instanceKey)).status).toBe('running');
    await status(broken.instanceKey, 'incident');
    expect(double.log.of('FailJob').slice(-2).map((f) => f.retries)).toEqual([1, 0]);
  });

  it('throws BPMN errors with their code, message and variables', async () => {
    const { instanceKey } = await engine.start('contract-error', { vetoEvent: '弄虚作假' });
    await openTask(instanceKey, 'handleVeto');
    const [thrown] = double.log.of('ThrowError');
    expect(thrown).toMatchObject({ errorCode: 'VETO', errorMessage: '存在一票否决事项' });
    expect(JSON.parse(thrown.variables)).toEqual({ vetoReason: '弄虚作假' });
  });

  it('publishes messages with their correlation key, variables and time to live', async () => {
    await engine.publishMessage('appeal-filed', 'zs', { appealText: '申诉' }, { timeToLiveMs: 60_000 });
    await engine.publishMessage('appeal-filed', 'ls');
    const [buffered, immediate] = double.log.of('PublishMessage').slice(-2);
    expect(buffered).toMatchObject({ name: 'appeal-filed', correlationKey: 'zs', timeToLive: '60000' });
    expect(JSON.parse(buffered.variables)).toEqual({ appealText: '申诉' });
    expect(immediate).toMatchObject({ correlationKey: 'ls', timeToLive: '0' });
  });

  it('cancels an instance: Zeebe cancels it, its tasks leave the inbox', async () => {
    const { instanceKey } = await engine.start('contract-approval', { applicant: 'zhaoliu', base: 1 });
    await openTask(instanceKey, 'fill');
    await engine.cancel(instanceKey);
    expect(double.log.of('CancelProcessInstance').at(-1)).toMatchObject({ processInstanceKey: instanceKey });
    expect(inbox.open(instanceKey)).toEqual([]);
    expect((await engine.getInstance(instanceKey)).status).toBe('cancelled');
    await expect(engine.cancel(instanceKey)).rejects.toMatchObject({ code: 'instance.not_found' });
  });

  it('keeps receiving jobs after the gateway went down and came back', async () => {
    double.stopGateway();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await double.startGateway();
    const before = double.log.calls.length;
    const { instanceKey } = await engine.start('contract-error', {});
    await status(instanceKey, 'completed');
    expect(await engine.getVariables(instanceKey)).toMatchObject({ checked: true });
    const completed = double.log.calls.slice(before).filter((c) => c.rpc === 'CompleteJob');
    expect(completed.length).toBeGreaterThanOrEqual(2);
  });
});

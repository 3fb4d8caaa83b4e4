import pino from 'pino';
import { describe, it, expect } from 'vitest';
import { createSequelize, createTransactionRunner } from '../../server/db.ts';
import { migrate } from '../../server/migrate.ts';
import { EmbeddedEngine } from '../../engine/embedded/embedded-engine.ts';
import { engineContract, type ContractHarness } from './contract.ts';
import { RecordingInbox } from './recording-inbox.ts';
import { tempSqliteUrl } from '../support/server.ts';
import { createMysqlDatabase } from '../support/mysql.ts';

async function embeddedHarness(databaseUrl: string, drop: () => Promise<void>): Promise<ContractHarness> {
  const inbox = new RecordingInbox();
  const logger = pino({ level: 'silent' });
  const open = async () => {
    const sequelize = createSequelize(databaseUrl);
    await migrate(sequelize);
    const engine = new EmbeddedEngine({ sequelize, inTransaction: createTransactionRunner(sequelize), sink: inbox, logger, pollMs: 20, retryBackoffMs: 10 });
    return { sequelize, engine };
  };
  let current = await open();
  return {
    engine: current.engine,
    inbox,
    hasHistory: true,
    async restart() {
      await current.engine.stop();
      await current.sequelize.close();
      current = await open();
      return current.engine;
    },
    async close() {
      await current.engine.stop();
      await current.sequelize.close();
      await drop();
    },
  };
}

engineContract('embedded on SQLite', () => embeddedHarness(tempSqliteUrl(), async () => {}));
engineContract('embedded on MySQL / MariaDB', async () => {
  const db = await createMysqlDatabase();
  return embeddedHarness(db.url, db.drop);
});

describe('one engine host per database', () => {
  it('refuses a second host on the same database while the first runs, and lets one in after it stops', async () => {
    const url = tempSqliteUrl();
    const host = async () => {
      const sequelize = createSequelize(url);
      await migrate(sequelize);
      const engine = new EmbeddedEngine({ sequelize, inTransaction: createTransactionRunner(sequelize), sink: new RecordingInbox(), logger: pino({ level: 'silent' }) });
      return { sequelize, engine };
    };
    const first = await host();
    await first.engine.startWorkers();
    const second = await host();
    await expect(second.engine.startWorkers()).rejects.toMatchObject({ code: 'engine.busy', zh: expect.stringContaining('另一个引擎进程正在使用此数据库') });
    await first.engine.stop();
    await second.engine.startWorkers();
    await second.engine.stop();
    await Promise.all([first.sequelize.close(), second.sequelize.close()]);
  });
});

describe('jobs pushed to the workers of the engine host', () => {
  const serviceProcess = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="push" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="push-score" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="score" name="计算得分">
      <bpmn:extensionElements><zeebe:taskDefinition type="push-score" /></bpmn:extensionElements>
      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
    </bpmn:serviceTask>
    <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="score" />
    <bpmn:sequenceFlow id="f2" sourceRef="score" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

  async function host(url: string, options: { jobTimeoutMs?: number } = {}) {
    const sequelize = createSequelize(url);
    await migrate(sequelize);
    // polling is as good as off: whatever gets delivered here was pushed, or released when the host started
    const engine = new EmbeddedEngine({ sequelize, inTransaction: createTransactionRunner(sequelize), sink: new RecordingInbox(), logger: pino({ level: 'silent' }), pollMs: 600_000, ...options });
    return { sequelize, engine };
  }

  it('delivers the job of every concurrent start without waiting for a poll, each exactly once', async () => {
    const { sequelize, engine } = await host(tempSqliteUrl());
    const delivered = new Map<number, number>();
    engine.registerWorker('push-score', async (job) => {
      const n = job.variables.n as number;
      delivered.set(n, (delivered.get(n) ?? 0) + 1);
      return { score: n * 2 };
    });
    await engine.deploy(serviceProcess);
    await engine.startWorkers();
    const started = await Promise.all(Array.from({ length: 40 }, (_, n) => engine.start('push-score', { n })));
    await engine.idle();
    expect([...delivered.values()].every((times) => times === 1)).toBe(true);
    expect(delivered.size).toBe(40);
    for (const [n, { instanceKey }] of started.entries()) {
      const instance = await engine.getInstance(instanceKey);
      expect(instance.status).toBe('completed');
      expect(instance.variables.score).toBe(n * 2);
    }
    await engine.stop();
    await sequelize.close();
  });

  it('delivers a job again at once when the host that had taken it is gone and a new host starts', async () => {
    const url = tempSqliteUrl();
    const gone = await host(url);
    await gone.engine.deploy(serviceProcess);
    const { instanceKey } = await gone.engine.start('push-score', { n: 7 });
    // the job as a host leaves it that took it and died before its worker finished: locked for a long time
    await gone.engine.store.Job.update({ status: 'activated', lockedUntil: new Date(Date.now() + 3_600_000) }, { where: { instanceKey } });
    await gone.sequelize.close();

    const next = await host(url, { jobTimeoutMs: 3_600_000 });
    next.engine.registerWorker('push-score', async (job) => ({ score: (job.variables.n as number) * 2 }));
    await next.engine.startWorkers();
    await next.engine.idle();
    expect(await next.engine.getInstance(instanceKey)).toMatchObject({ status: 'completed', variables: { score: 14 } });
    await next.engine.stop();
    await next.sequelize.close();
  });
});

import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { createMysqlDatabase, type TestDatabase } from '../support/mysql.ts';
import { ApiClient } from '../support/api-client.ts';
import { waitFor } from '../support/wait-for.ts';
import { createSequelize, createTransactionRunner } from '../../server/db.ts';
import { defineModels } from '../../server/models/index.ts';
import { createScope } from '../../server/auth/scope.ts';
import { createAudit } from '../../server/services/audit.ts';
import { createPerformanceRecords } from '../../server/services/performance-records/performance-records-service.ts';
import { chinaDate } from '../../server/calendar/index.ts';

/** The execute stage's tables and queries on MariaDB: a ledger item to done, records with decimals and dates. */
describe('execute stage on MySQL / MariaDB', () => {
  let database: TestDatabase;
  let server: TestServer;
  const today = chinaDate(new Date());

  beforeAll(async () => {
    database = await createMysqlDatabase();
    server = await startTestServer({ databaseUrl: database.url });
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it('runs a ledger item to done and keeps records with their points', async () => {
    const kz = await ApiClient.login(server.url, 'kz_office');
    const zhangsan = await ApiClient.login(server.url, 'zhangsan');
    const created = await kz.post('/api/ledger', { title: '编制月度信息简报', owner: 'zhangsan', deadline: '2099-06-30', urgency: 'normal' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ deadlineDate: '2099-06-30', light: { light: 'green', code: 'on_track' }, period: '2099-Q2' });
    const taskNamed = (client: ApiClient, name: string) =>
      waitFor(async () => ((await client.get('/api/tasks')).body as Array<{ id: string; name: string; instanceId: string }>).find((t) => t.instanceId === created.body.instanceId && t.name === name), name);
    const report = await taskNamed(zhangsan, '更新进度');
    expect((await zhangsan.post(`/api/tasks/${report.id}/complete`, { data: { progress: 100, progressNote: '已编制' } })).status).toBe(200);
    const confirm = await taskNamed(kz, '确认完成');
    expect((await kz.post(`/api/tasks/${confirm.id}/complete`, { data: { decision: 'confirm' } })).status).toBe(200);
    await waitFor(async () => ((await kz.get(`/api/ledger/${created.body.id}`)).body.status === 'done' ? true : undefined), 'the item done');

    const jxb = await ApiClient.login(server.url, 'jxb');
    const record = await jxb.post('/api/performance-records', { kind: 'errorNotice', username: 'zhangsan', date: today, reason: '工作拖沓', code: 'politicalConduct', points: 1.25 });
    expect([record.status, record.body.points]).toEqual([201, -1.25]);
    expect(((await zhangsan.get(`/api/performance-records?period=${today.slice(0, 7)}`)).body as unknown[]).length).toBe(1);
    expect((await jxb.post(`/api/performance-records/${record.body.id}/revoke`, { reason: '核实有误' })).body.revoked.by).toBe('jxb');

    const sequelize = createSequelize(database.url);
    try {
      const models = defineModels(sequelize);
      const records = createPerformanceRecords({ models, scope: createScope(models), audit: createAudit(models), inTransaction: createTransactionRunner(sequelize) });
      const userId = (await models.User.findOne({ where: { username: 'zhangsan' }, raw: true }))!.id;
      expect(await records.inputsFor(userId, today.slice(0, 4))).toEqual({});
    } finally {
      await sequelize.close();
    }
  });
});

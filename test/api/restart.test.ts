import { describe, it, expect, afterAll } from 'vitest';
import { startTestServer, tempSqliteUrl, type TestServer } from '../support/server.ts';
import { ApiClient } from '../support/api-client.ts';
import { createMysqlDatabase, type TestDatabase } from '../support/mysql.ts';
import { item, openTask, scoreOf } from './declaration-scenario.ts';
import { EXPECTED_DEMO_SCORE } from './expected-scores.ts';

/** A new server process on the same database continues every instance where the old one left it. */
describe.each([
  ['SQLite', async () => ({ url: tempSqliteUrl(), drop: async () => {} })],
  ['MySQL / MariaDB', createMysqlDatabase],
] as Array<[string, () => Promise<TestDatabase>]>)('restart in the middle of the flow (%s)', (_name, database) => {
  let server: TestServer | undefined;
  let db: TestDatabase;
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('continues after a crash (SIGKILL) and after a graceful stop, without duplicating tasks', async () => {
    db = await database();
    server = await startTestServer({ databaseUrl: db.url });
    const staff = await ApiClient.login(server.url, 'zhangsan');
    const declare = await openTask(staff, '季度实绩申报');
    expect((await staff.post(`/api/tasks/${declare.id}/complete`, { data: { items: [item(1), item(2, '较好')] } })).status).toBe(200);
    await server.kill();

    server = await startTestServer({ databaseUrl: db.url });
    const boss = await ApiClient.login(server.url, 'kz_office');
    const reviews = (await boss.get('/api/tasks')).body.filter((t: { name: string }) => t.name === '科室负责人审核');
    expect(reviews.map((t: { subject: { username: string } }) => t.subject.username).sort()).toEqual(['zhangsan']);
    const review = reviews[0];
    expect((await boss.get(`/api/tasks/${review.id}`)).body.data.items).toHaveLength(2);
    expect((await boss.post(`/api/tasks/${review.id}/complete`, { data: { supervisorRating: '好', decision: 'approve' } })).status).toBe(200);
    await server.stop();

    server = await startTestServer({ databaseUrl: db.url });
    const again = await ApiClient.login(server.url, 'zhangsan');
    expect((await scoreOf(again, 'zhangsan')).score).toBe(EXPECTED_DEMO_SCORE);
    // the demo seed ran once: lisi still has exactly one declaration task
    const lisi = await ApiClient.login(server.url, 'lisi');
    expect((await lisi.get('/api/tasks')).body.filter((t: { name: string }) => t.name === '季度实绩申报')).toHaveLength(1);
  });
});

import { describe, it, expect, afterAll } from 'vitest';
import { QueryTypes } from 'sequelize';
import { startTestServer, tempSqliteUrl, type TestServer } from '../support/server.ts';
import { ApiClient } from '../support/api-client.ts';
import { waitFor } from '../support/wait-for.ts';
import { createSequelize } from '../../server/db.ts';

const PEOPLE = 300;

describe('assessment cycles: launch for a unit subtree, once per person and period, resumable', () => {
  const databaseUrl = tempSqliteUrl();
  let server: TestServer;
  afterAll(async () => server?.stop());

  it('shows the launched demo cycle and refuses to launch it again', async () => {
    server = await startTestServer({ databaseUrl });
    const office = await ApiClient.login(server.url, 'jxb');
    const [demo] = (await office.get('/api/cycles')).body;
    expect(demo).toMatchObject({ name: '2026年第四季度平时考核', status: 'launched', progress: { total: 3, started: 3, failed: 0 } });
    const again = await office.post(`/api/cycles/${demo.id}/launch`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('cycle.already_launched');
    const overview = (await office.get(`/api/cycles/${demo.id}/overview`)).body;
    expect(overview.steps).toEqual([{ name: '季度实绩申报', people: 3, open: 3, overdue: 0, lights: { red: 0, yellow: 0, green: 3 } }]);
    expect(overview).toMatchObject({ scored: 0, graded: 0, applied: 0 });
    expect((await (await ApiClient.login(server.url, 'zhangsan')).post('/api/cycles', {})).status).toBe(403);
  });

  it('does not assess anybody twice for the same process and period, whatever the cycle', async () => {
    const office = await ApiClient.login(server.url, 'jxb');
    const me = (await office.get('/api/me')).body;
    const twin = await office.post('/api/cycles', { name: '重复的周期', kind: 'quarterly', period: '2026-Q4', processId: 'quarterly-declaration', ruleSet: 'chengdu-2024', unitId: me.unit.id });
    expect(twin.status).toBe(201);
    const launched = await office.post(`/api/cycles/${twin.body.id}/launch`);
    expect(launched.status).toBe(202);
    const done = await waitFor(async () => {
      const c = (await office.get(`/api/cycles/${twin.body.id}`)).body;
      return c.status === 'launched' ? c : undefined;
    }, 'the launch');
    expect(done.progress.total).toBe(0);
    const bad = await office.post('/api/cycles', { name: 'x', kind: 'quarterly', period: 'Q4', processId: 'nope', ruleSet: 'chengdu-2024', unitId: me.unit.id });
    expect(bad.status).toBe(400);
    const missing = await office.post('/api/cycles', { name: 'x', kind: 'quarterly', period: '2027-Q1', processId: 'no-such-process', ruleSet: 'chengdu-2024', unitId: me.unit.id });
    expect(missing.status).toBe(404);
  });

  it(`launches ${PEOPLE} people with progress, survives a crash mid-launch and starts everyone exactly once`, async () => {
    await server.stop();
    const db = createSequelize(databaseUrl);
    const [office] = (await db.query("SELECT id FROM units WHERE code = 'city-office'", { type: QueryTypes.SELECT })) as Array<{ id: number }>;
    const [boss] = (await db.query("SELECT id, passwordHash FROM users WHERE username = 'kz_office'", { type: QueryTypes.SELECT })) as Array<{ id: number; passwordHash: string }>;
    for (let i = 0; i < PEOPLE; i++) {
      const [userId] = await db.query('INSERT INTO users (username, displayName, passwordHash, unitId, supervisorId, active, createdAt) VALUES (?, ?, ?, ?, ?, 1, ?)', {
        replacements: [`staff${i}`, `职员${i}`, boss.passwordHash, office.id, boss.id, new Date().toISOString()],
        type: QueryTypes.INSERT,
      });
      await db.query('INSERT INTO user_roles (userId, role, unitId) VALUES (?, ?, ?)', { replacements: [userId, 'staff', office.id], type: QueryTypes.INSERT });
    }
    await db.close();

    server = await startTestServer({ databaseUrl });
    const client = await ApiClient.login(server.url, 'jxb');
    const me = (await client.get('/api/me')).body;
    const cycle = (await client.post('/api/cycles', { name: '2027年第一季度平时考核', kind: 'quarterly', period: '2027-Q1', processId: 'quarterly-declaration', ruleSet: 'chengdu-2024', unitId: me.unit.id })).body;
    expect((await client.post(`/api/cycles/${cycle.id}/launch`)).status).toBe(202);
    await waitFor(async () => {
      const { started, total } = (await client.get(`/api/cycles/${cycle.id}`)).body.progress;
      return started > 10 && started < total ? true : undefined;
    }, 'the launch to be under way', 60_000);
    await server.kill();

    server = await startTestServer({ databaseUrl });
    const again = await ApiClient.login(server.url, 'jxb');
    const finished = await waitFor(async () => {
      const c = (await again.get(`/api/cycles/${cycle.id}`)).body;
      return c.status === 'launched' ? c : undefined;
    }, 'the resumed launch', 120_000);
    expect(finished.progress).toMatchObject({ total: PEOPLE + 3, started: PEOPLE + 3, failed: 0, pending: 0 });
    const check = createSequelize(databaseUrl);
    const [{ n }] = (await check.query("SELECT COUNT(*) AS n FROM engine_instances WHERE businessKey LIKE '%:2027-Q1'", { type: QueryTypes.SELECT })) as Array<{ n: number }>;
    await check.close();
    expect(Number(n)).toBe(PEOPLE + 3);
  }, 300_000);
});

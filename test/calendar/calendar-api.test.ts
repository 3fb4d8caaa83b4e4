import fs from 'node:fs';
import { QueryTypes } from 'sequelize';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { ApiClient } from '../support/api-client.ts';
import { createMysqlDatabase, type TestDatabase } from '../support/mysql.ts';
import { waitFor } from '../support/wait-for.ts';
import { createSequelize } from '../../server/db.ts';

const databases: Array<[string, () => Promise<TestDatabase | null>]> = [
  ['SQLite', async () => null],
  ['MariaDB', createMysqlDatabase],
];

/** The working calendar over HTTP: overrides kept by the office, deadlines anyone may ask for, and the compute-deadline worker. */
describe.each(databases)('working calendar over HTTP on %s', (_name, createDatabase) => {
  let database: TestDatabase | null;
  let server: TestServer;
  let office: ApiClient;
  let staff: ApiClient;
  beforeAll(async () => {
    database = await createDatabase();
    server = await startTestServer({ databaseUrl: database?.url });
    office = await ApiClient.login(server.url, 'jxb');
    staff = await ApiClient.login(server.url, 'zhangsan');
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  const put = (client: ApiClient, date: string, body: unknown) => client.request('PUT', `/api/calendar/overrides/${date}`, body);
  const remove = (client: ApiClient, date: string) => client.request('DELETE', `/api/calendar/overrides/${date}`);
  const workingDays = async (client: ApiClient, query: string) => client.get(`/api/calendar/working-days?${query}`);

  /** [actor, action, target] of the audit log entries whose action is like the pattern, oldest first. */
  async function audited(actionLike: string): Promise<string[][]> {
    const sequelize = createSequelize(server.databaseUrl);
    try {
      const rows = await sequelize.query<{ actor: string; action: string; target: string }>('SELECT actor, action, target FROM audit_log WHERE action LIKE ? ORDER BY id', {
        replacements: [actionLike],
        type: QueryTypes.SELECT,
      });
      return rows.map((row) => [row.actor, row.action, row.target]);
    } finally {
      await sequelize.close();
    }
  }

  it('lets the office set, list, replace and remove overrides, and audits every write', async () => {
    const set = await put(office, '2025-10-09', { working: false, note: '局机关搬迁停止办公' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ date: '2025-10-09', working: false, note: '局机关搬迁停止办公', createdBy: 'jxb' });
    expect((await put(office, '2025-10-12', { working: true, note: '集中办理申诉' })).status).toBe(200);
    expect((await put(office, '2025-10-09', { working: false, note: '搬迁推迟一天完成' })).body.note).toBe('搬迁推迟一天完成');

    const list = await office.get('/api/calendar/overrides');
    expect(list.body.map((o: { date: string; working: boolean; note: string }) => [o.date, o.working, o.note])).toEqual([
      ['2025-10-09', false, '搬迁推迟一天完成'],
      ['2025-10-12', true, '集中办理申诉'],
    ]);

    expect((await remove(office, '2025-10-12')).status).toBe(204);
    expect((await remove(office, '2025-10-12')).body.error.code).toBe('calendar.override_not_found');
    expect((await office.get('/api/calendar/overrides')).body.map((o: { date: string }) => o.date)).toEqual(['2025-10-09']);

    expect(await audited('calendar.%')).toEqual([
      ['jxb', 'calendar.override.set', 'calendar:2025-10-09'],
      ['jxb', 'calendar.override.set', 'calendar:2025-10-12'],
      ['jxb', 'calendar.override.set', 'calendar:2025-10-09'],
      ['jxb', 'calendar.override.delete', 'calendar:2025-10-12'],
    ]);
  });

  it('keeps overrides from staff (403) and from anyone not logged in (401)', async () => {
    expect((await put(staff, '2025-10-10', { working: false, note: '想休息' })).status).toBe(403);
    expect((await remove(staff, '2025-10-09')).status).toBe(403);
    expect((await staff.get('/api/calendar/overrides')).status).toBe(403);
    expect((await new ApiClient(server.url).get('/api/calendar/working-days?days=1')).status).toBe(401);
    expect((await workingDays(staff, 'from=2025-09-26&days=1')).status).toBe(200);
  });

  it('answers bad input with 400 and messages in Chinese and English', async () => {
    const bad = [
      await put(office, '2025-02-30', { working: false, note: '不存在的日期' }),
      await put(office, '2025-10-10', { working: 'no', note: '类型不对' }),
      await put(office, '2025-10-10', { working: false, note: '   ' }),
      await remove(office, '10-10-2025'),
      await workingDays(office, 'from=2025-09-26&days=0'),
      await workingDays(office, 'from=2025-09-26&days=abc'),
      await workingDays(office, 'from=2025/09/26&days=5'),
    ];
    for (const answer of bad) {
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({ code: 'request.invalid', zh: expect.any(String), en: expect.any(String) });
      const [detail] = answer.body.error.details;
      expect(detail.zh).toMatch(/[\u4e00-\u9fa5]/);
      expect(detail.zh).not.toContain(' / ');
      expect(detail.en).toMatch(/^[ -~]+$/);
    }
  });

  it('counts the deadline with the overrides in force and says why each day was skipped', async () => {
    // the office has 9 Oct 2025 off (first test): the 10-day appeal from 26 Sep moves from the 16th to the 17th
    const withDayOff = await workingDays(staff, 'from=2025-09-26&days=10');
    expect(withDayOff.body).toMatchObject({ from: '2025-09-26', days: 10, lastDay: '2025-10-17', deadline: '2025-10-17T23:59:59+08:00', warnings: [] });
    const why = Object.fromEntries(withDayOff.body.skipped.map((d: { date: string; why: string }) => [d.date, d.why]));
    expect(why).toMatchObject({ '2025-09-27': '周末', '2025-10-01': '节假日', '2025-10-09': '管理员设置', '2025-10-12': '周末' });
    expect(withDayOff.body.counted.find((d: { date: string }) => d.date === '2025-09-28')).toMatchObject({ why: '调休上班', holiday: '国庆节' });

    await put(office, '2025-10-12', { working: true, note: '集中办理申诉' });
    expect((await workingDays(staff, 'from=2025-09-26&days=10')).body.lastDay).toBe('2025-10-16');
    await remove(office, '2025-10-12');
  });

  it('warns when the official calendar of a year is missing, and takes an override for it', async () => {
    const fallback = await workingDays(staff, 'from=2026-12-25&days=5');
    expect(fallback.body.lastDay).toBe('2027-01-01');
    expect(fallback.body.warnings).toEqual([expect.objectContaining({ code: 'calendar.official_missing', year: 2027 })]);
    await put(office, '2027-01-01', { working: false, note: '元旦（2027年安排尚未公布）' });
    const overridden = await workingDays(staff, 'from=2026-12-25&days=5');
    expect(overridden.body.lastDay).toBe('2027-01-04');
    expect(overridden.body.warnings).toHaveLength(1);
  });

  it('describes the calendar routes in the OpenAPI document', async () => {
    const paths = (await new ApiClient(server.url).get('/api/openapi.json')).body.paths;
    expect(Object.keys(paths['/api/calendar/overrides/{date}']).sort()).toEqual(['delete', 'put']);
    expect(paths['/api/calendar/working-days'].get['x-roles']).toBeUndefined();
  });

  it('runs compute-deadline in a process: a due date from a variable, and a deadline from now', async () => {
    const admin = await ApiClient.login(server.url, 'admin');
    expect((await admin.post('/api/processes/deploy', { xml: fs.readFileSync('test/calendar/calendar-deadlines.bpmn', 'utf8') })).status).toBe(201);
    const started = await admin.post('/api/processes/calendar-deadlines/instances', { subjectUsername: 'zhangsan' });
    expect(started.status).toBe(201);

    const task = await waitFor(async () => {
      const tasks = (await staff.get('/api/tasks')).body as Array<{ processId: string; dueDate: string | null }>;
      return tasks.find((t) => t.processId === 'calendar-deadlines');
    }, 'the confirmation task');
    // 5 working days of publicity from 12 Feb 2026 across 春节: 13, 14 (调休), 24, 25, 26 February
    expect(task.dueDate).toBe('2026-02-26T15:59:59.000Z');

    const { variables } = (await admin.get(`/api/instances/${started.body.instanceId}`)).body.instance;
    expect(variables.publicityEnds).toBe('2026-02-26T23:59:59+08:00');
    expect(variables.deadline).toBe((await workingDays(staff, 'days=10')).body.deadline);
    const instance = `instance:${started.body.instanceId}`;
    expect(await audited('deadline.%')).toEqual([['system', 'deadline.compute', instance], ['system', 'deadline.compute', instance]]);
  });
});

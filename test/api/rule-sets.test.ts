import fs from 'node:fs';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { ApiClient } from '../support/api-client.ts';
import { waitFor } from '../support/wait-for.ts';
import { declareAndApprove, scoreOf } from './declaration-scenario.ts';

/** Rule sets as stored data: presets, a unit's overrides, validation on save, dry run, and the workers using them. */
describe('rule sets over HTTP: inheritance, validation, dry run, compute-score and grade-cohort', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.stop());

  it('ships every preset as a global rule set', async () => {
    const office = await ApiClient.login(server.url, 'jxb');
    const list = (await office.get('/api/rule-sets')).body as Array<{ code: string; unitId: number | null }>;
    expect(list.filter((r) => r.unitId === null).map((r) => r.code).sort()).toEqual(['chengdu-2024', 'civil-servant-model', 'guangyuan-2017', 'quanzhou-2019', 'yiyuan-2022']);
    expect((await (await ApiClient.login(server.url, 'zhangsan')).get('/api/rule-sets')).status).toBe(403);
  });

  it('refuses an override a performance office would get wrong, with a message it understands', async () => {
    const office = await ApiClient.login(server.url, 'jxb');
    const me = (await office.get('/api/me')).body;
    const bad = await office.post('/api/rule-sets', { code: 'chengdu-2024', unitId: me.unit.id, overrides: { total: '=declaration + 奖励分' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('ruleSet.invalid');
    expect(JSON.stringify(bad.body.error.details)).toContain('奖励分');
    const county = await office.post('/api/rule-sets', { code: 'chengdu-2024', unitId: 999, overrides: {} });
    expect(county.status).toBe(403);
  });

  it("applies the city bureau's override to everyone below it: inspectable differences, and the score follows", async () => {
    const office = await ApiClient.login(server.url, 'jxb');
    const me = (await office.get('/api/me')).body;
    const overrides = { indicators: [{ key: 'declaration', method: { groups: [{ code: 'self', weight: 30 }, { code: 'supervisor', weight: 70 }] } }] };
    const saved = await office.post('/api/rule-sets', { code: 'chengdu-2024', unitId: me.unit.id, name: '市局平时考核规则', overrides });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ code: 'chengdu-2024', version: 1, inherits: true });
    const detail = (await office.get(`/api/rule-sets/${saved.body.id}`)).body;
    expect(detail.parent).toMatchObject({ code: 'chengdu-2024', unitId: null });
    expect(detail.differences.map((d: { path: string; before: unknown; after: unknown }) => [d.before, d.after])).toEqual(expect.arrayContaining([[20, 30], [80, 70]]));

    const { staffClient } = await declareAndApprove(server.url, 'zhangsan', 'kz_office');
    // 30 % × 92.50 (好 100, 较好 85) + 70 % × 100 = 27.75 + 70 = 97.75
    expect((await scoreOf(staffClient, 'zhangsan')).score).toBe('97.75');
  });

  it('dry-runs a sample cohort without storing anything', async () => {
    const office = await ApiClient.login(server.url, 'jxb');
    const preset = ((await office.get('/api/rule-sets')).body as Array<{ id: number; code: string; unitId: number | null }>).find((r) => r.code === 'chengdu-2024' && r.unitId === null)!;
    const cohort = JSON.parse(fs.readFileSync('examples/scoring/chengdu-2024.input.json', 'utf8'));
    const run = await office.post(`/api/rule-sets/${preset.id}/dry-run`, { cohort });
    expect(run.status).toBe(200);
    expect(run.body.subjects).toHaveLength(cohort.subjects.length);
    expect(run.body.subjects[0].grade.level).toBeTruthy();
    expect((await office.post(`/api/rule-sets/${preset.id}/dry-run`, { cohort: { subjects: 'none' } })).status).toBe(400);
  });

  it('grades the quarter for the department once everyone is scored', async () => {
    await declareAndApprove(server.url, 'lisi', 'kz_office', '较好');
    const admin = await ApiClient.login(server.url, 'admin');
    expect((await admin.post('/api/processes/deploy', { xml: fs.readFileSync('test/fixtures/grade-quarter.bpmn', 'utf8') })).status).toBe(201);
    expect((await admin.post('/api/processes/grade-quarter/instances', { subjectUsername: 'kz_office', period: '2026-Q4' })).status).toBe(201);
    const boss = await ApiClient.login(server.url, 'kz_office');
    const graded = await waitFor(async () => {
      const results = (await boss.get('/api/results')).body as Array<{ subject: { username: string }; grade: string | null; gradeTrace: unknown[] }>;
      return results.length === 2 && results.every((r) => r.grade) ? results : undefined;
    }, 'both grades');
    const grade = Object.fromEntries(graded.map((r) => [r.subject.username, r.grade]));
    expect(grade).toEqual({ zhangsan: '好', lisi: '较好' });
    expect(graded[0].gradeTrace.length).toBeGreaterThan(0);
  });
});

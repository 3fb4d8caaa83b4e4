/**
 * An organisational cycle (组织绩效) of the city bureau's units over HTTP on MariaDB, with the shipped processes and
 * forms: each unit's annual targets proposed and published, then the cycle launched for every unit below the bureau;
 * each unit reports, the office verifies (sends one report back, corrects another), every leader rates, and the
 * units are scored with guangyuan-2017 and graded per category (002 §12: top 4 先进, below 150 不合格).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { QueryTypes } from 'sequelize';
import { startTestServer, type TestServer } from '../support/server.ts';
import { createMysqlDatabase, type TestDatabase } from '../support/mysql.ts';
import { inboxUsers } from '../support/inbox-users.ts';
import { waitFor } from '../support/wait-for.ts';
import { createSequelize } from '../../server/db.ts';

const PERIOD = '2026';
const AFFILIATED = '局直属单位';
const COUNTY = '县区交通运输局';
const OTHER_LEADERS = ['fgld', 'ld3', 'ld4', 'ld5'];

interface TestUnit {
  code: string;
  name: string;
  category: string;
  targets: Array<{ name: string; points: number; target: number; actual: number }>;
  /** the other leaders' ratings, in the order of OTHER_LEADERS; the director rates 合格 unless said */
  ratings?: string[];
  director?: string;
  commendations?: Array<{ code: string; work: string }>;
  criticisms?: string[];
  provincialRank?: number;
  total: string;
  grade: string;
}

const single = (actual: number) => [{ name: '年度重点工作', points: 200, target: 100, actual }];
/** Six affiliated units, so that only four of them can be 先进, and two county bureaus graded apart from them. */
const UNITS: TestUnit[] = [
  {
    code: 'unit-a', name: '单位A', category: AFFILIATED, total: '203.60', grade: '先进',
    targets: [{ name: '指标一', points: 80, target: 100, actual: 120 }, { name: '指标二', points: 70, target: 50, actual: 40 }, { name: '指标三', points: 50, target: 10, actual: 10 }],
    director: '良', ratings: ['优', '优', '良', '合格'],
    commendations: [{ code: 'provincial', work: '农村公路' }, { code: 'municipal', work: '安全生产' }, { code: 'municipal', work: '营商环境' }],
    criticisms: ['criticismMunicipal', 'mediaProvincial'], provincialRank: 8,
  },
  { code: 'unit-b', name: '市公路局', category: AFFILIATED, targets: single(100), total: '200.00', grade: '先进' },
  { code: 'unit-c', name: '市运管局', category: AFFILIATED, targets: single(95), total: '190.00', grade: '先进' },
  { code: 'unit-d', name: '市航务局', category: AFFILIATED, targets: single(90), total: '180.00', grade: '先进' },
  { code: 'unit-e', name: '市质监站', category: AFFILIATED, targets: single(85), total: '170.00', grade: '合格' },
  { code: 'unit-f', name: '市造价站', category: AFFILIATED, targets: single(70), total: '140.00', grade: '不合格' },
  { code: 'county-x', name: '丙县交通运输局', category: COUNTY, targets: single(98), total: '196.00', grade: '先进' },
  { code: 'county-y', name: '丁县交通运输局', category: COUNTY, targets: single(60), total: '120.00', grade: '不合格' },
];
const adminOf = (u: TestUnit) => `${u.code.replace('-', '_')}_admin`;

interface Task {
  id: string;
  elementId: string;
}

describe('an organisational cycle of the city bureau’s units (MySQL)', () => {
  let db: TestDatabase;
  let server: TestServer;
  const unitIds = new Map<string, number>();
  let cityId: number;
  const users = inboxUsers(() => server.url);
  const as = users.as;
  const openTasks = (username: string, elementId: string) => users.openTasks<Task>(username, elementId);

  /** Waits for `count` open tasks at `elementId` for `username`. */
  async function allTasks(username: string, elementId: string, count: number): Promise<Task[]> {
    const tasks = await waitFor(async () => {
      const open = await openTasks(username, elementId);
      return open.length >= count ? open : undefined;
    }, `${count} × ${elementId} for ${username}`, 90_000);
    expect(tasks).toHaveLength(count);
    return tasks;
  }

  /** The same, keyed by the unit each task is about (the form's subjectName). */
  async function tasksByUnit(username: string, elementId: string, count: number): Promise<Map<string, Task>> {
    const tasks = await allTasks(username, elementId, count);
    const byUnit = new Map<string, Task>();
    for (const task of tasks) byUnit.set((await (await as(username)).get(`/api/tasks/${task.id}`)).body.data.subjectName, task);
    expect(byUnit.size).toBe(count);
    return byUnit;
  }

  async function complete(username: string, task: Task, data: Record<string, unknown>) {
    const { status, body } = await (await as(username)).post(`/api/tasks/${task.id}/complete`, { data });
    expect(status, JSON.stringify(body)).toBe(200);
  }

  beforeAll(async () => {
    db = await createMysqlDatabase();
    server = await startTestServer({ databaseUrl: db.url });
    await server.stop();
    const sql = createSequelize(db.url);
    const one = async <T,>(query: string) => ((await sql.query(query, { type: QueryTypes.SELECT })) as T[])[0];
    const insert = async (query: string, replacements: unknown[]) => (await sql.query(query, { replacements, type: QueryTypes.INSERT }))[0] as number;
    cityId = (await one<{ id: number }>("SELECT id FROM units WHERE code = 'city'")).id;
    const fgld = await one<{ passwordHash: string }>("SELECT passwordHash FROM users WHERE username = 'fgld'");
    const now = new Date();
    const user = async (username: string, unitId: number, role: string) => {
      const id = await insert('INSERT INTO users (username, displayName, passwordHash, unitId, active, createdAt) VALUES (?, ?, ?, ?, 1, ?)', [username, username, fgld.passwordHash, unitId, now]);
      await insert('INSERT INTO user_roles (userId, role, unitId) VALUES (?, ?, ?)', [id, role, unitId]);
    };
    for (const leader of ['ld3', 'ld4', 'ld5']) await user(leader, cityId, 'leader');
    for (const unit of UNITS) {
      const id = await insert('INSERT INTO units (code, name, parentId, category, createdAt) VALUES (?, ?, ?, ?, ?)', [unit.code, unit.name, cityId, unit.category, now]);
      unitIds.set(unit.code, id);
      await user(adminOf(unit), id, 'unit_admin');
    }
    await sql.close();
    server = await startTestServer({ databaseUrl: db.url });
  }, 240_000);

  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('publishes each unit’s annual targets through the unit target plan', async () => {
    const office = await as('jxb');
    for (const unit of UNITS) {
      const proposed = await office.post('/api/plans/unit-proposals', { unitId: unitIds.get(unit.code), period: PERIOD, departmentReviewer: 'kz_office', leaderInCharge: 'fgld' });
      expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
      const [fill] = await waitFor(async () => ((await openTasks(adminOf(unit), 'propose_targets')).length ? openTasks(adminOf(unit), 'propose_targets') : undefined), `${unit.code} targets`);
      await complete(adminOf(unit), fill, { targets: unit.targets.map(({ name, points, target }) => ({ name, points, target, measure: '%', deadline: '2026-12-31' })) });
    }
    const approve = { decision: 'approve', approvalComment: '同意' };
    for (const [username, step] of [['kz_office', 'department_review'], ['fgld', 'leader_review'], ['jxb', 'office_consolidate'], ['director', 'director_approve']]) {
      for (const task of await allTasks(username, step, UNITS.length)) await complete(username, task, approve);
    }
    const plans = await waitFor(async () => {
      const list = (await office.get(`/api/plans?period=${PERIOD}`)).body as Array<{ subjectKind: string; unit: { id: number } }>;
      const units = list.filter((p) => p.subjectKind === 'unit');
      return units.length === UNITS.length ? units : undefined;
    }, 'published unit plans', 60_000);
    expect(plans.map((p) => p.unit.id).sort()).toEqual([...unitIds.values()].sort());
  }, 300_000);

  let cycleId: number;

  it('launches an organisational cycle for every unit below the bureau; units without published targets are listed as failed', async () => {
    const office = await as('jxb');
    const bad = await office.post('/api/cycles', { name: '错误', kind: 'annual', subjectKind: 'team', period: PERIOD, processId: 'unit-assessment', ruleSet: 'guangyuan-2017', unitId: cityId });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: expect.any(String), zh: expect.any(String), en: expect.any(String) });
    expect((await (await as(adminOf(UNITS[0]))).post('/api/cycles', { name: '越权', kind: 'annual', subjectKind: 'unit', period: PERIOD, processId: 'unit-assessment', ruleSet: 'guangyuan-2017', unitId: cityId })).status).toBe(403);

    const created = await office.post('/api/cycles', { name: '2026年度单位目标绩效考核', kind: 'annual', subjectKind: 'unit', period: PERIOD, processId: 'unit-assessment', ruleSet: 'guangyuan-2017', unitId: cityId });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.subjectKind).toBe('unit');
    cycleId = created.body.id;
    expect((await office.post(`/api/cycles/${cycleId}/launch`)).status).toBe(202);
    const launched = await waitFor(async () => {
      const cycle = (await office.get(`/api/cycles/${cycleId}`)).body;
      return cycle.status === 'launched' ? cycle : undefined;
    }, 'the launch', 120_000);
    // the demo org's three departments and two county bureaus have published no targets for 2026
    expect(launched.progress).toMatchObject({ total: UNITS.length + 5, started: UNITS.length, failed: 5 });
    expect(launched.progress.failures[0].error).toMatch(/尚未发布 2026 年度目标/);
    expect((await office.post(`/api/cycles/${cycleId}/launch`)).status).toBe(409);
  }, 180_000);

  it('each unit reports; the office sends one report back, corrects another, enters ranks; every leader rates', async () => {
    for (const unit of UNITS) {
      const [task] = await waitFor(async () => ((await openTasks(adminOf(unit), 'unit_self_report')).length ? openTasks(adminOf(unit), 'unit_self_report') : undefined), `${unit.code} report`);
      const shown = (await (await as(adminOf(unit))).get(`/api/tasks/${task.id}`)).body.data;
      expect(shown.targets.map((t: { name: string }) => t.name)).toEqual(unit.targets.map((t) => t.name));
      const incomplete = await (await as(adminOf(unit))).post(`/api/tasks/${task.id}/complete`, { data: { targetResults: [], reportSummary: '完成' } });
      expect(incomplete.status).toBe(400);
      expect(incomplete.body.error).toMatchObject({ zh: expect.any(String), en: expect.any(String) });
      // unit A first reports 指标三 as 12 and leaves the media exposure out; the office corrects both
      const actuals = unit.targets.map((t, i) => (unit.code === 'unit-a' && i === 2 ? 12 : t.actual));
      await complete(adminOf(unit), task, {
        targetResults: actuals.map((actual) => ({ actual })),
        commendations: (unit.commendations ?? []).map((c) => ({ ...c, evidence: '表彰文件' })),
        criticisms: (unit.criticisms ?? []).filter((c) => c !== 'mediaProvincial').map((code) => ({ code, bureauPenalised: false, evidence: '通报文件' })),
        reportSummary: `${unit.name}年度目标完成情况`,
      });
    }
    const verifications = await tasksByUnit('jxb', 'office_verification', UNITS.length);
    const unitB = UNITS[1];
    await complete('jxb', verifications.get(unitB.name)!, { verificationDecision: 'return', verificationComment: '请补充证明材料' });
    const returned = await waitFor(async () => (await openTasks(adminOf(unitB), 'unit_self_report'))[0], 'the returned report');
    expect((await (await as(adminOf(unitB))).get(`/api/tasks/${returned.id}`)).body.data.verificationComment).toBe('请补充证明材料');
    await complete(adminOf(unitB), returned, { targetResults: [{ actual: 100, note: '附验收报告' }], reportSummary: '已补充' });
    const again = await tasksByUnit('jxb', 'office_verification', UNITS.length);
    for (const unit of UNITS) {
      const a = unit.code === 'unit-a';
      await complete('jxb', again.get(unit.name)!, {
        verificationDecision: 'confirm',
        correctReport: a,
        correctedTargetResults: a ? [{}, {}, { actual: 10 }] : [],
        correctedCommendations: a ? unit.commendations!.map((c) => ({ ...c, evidence: '表彰文件' })) : [],
        correctedCriticisms: a ? unit.criticisms!.map((code) => ({ code, bureauPenalised: false, evidence: '通报或报道' })) : [],
        ...(unit.provincialRank ? { provincialRank: unit.provincialRank } : {}),
        vetoes: [],
      });
    }
    for (const [i, leader] of ['director', ...OTHER_LEADERS].entries()) {
      const tasks = await tasksByUnit(leader, 'leader_rating', UNITS.length);
      for (const unit of UNITS) {
        const rating = i === 0 ? (unit.director ?? '合格') : (unit.ratings?.[i - 1] ?? '合格');
        await complete(leader, tasks.get(unit.name)!, { leaderRating: rating });
      }
    }
  }, 300_000);

  it('scores every unit (unit A reproduces the worked example) and grades per category', async () => {
    const office = await as('jxb');
    const scores = await waitFor(async () => {
      const rows = ((await office.get('/api/results')).body as Array<{ cycleId: number; grade: string | null }>).filter((r) => r.cycleId === cycleId);
      return rows.length === UNITS.length && rows.every((r) => r.grade) ? rows : undefined;
    }, 'graded unit scores', 120_000);
    const byUnit = new Map((scores as unknown as Array<{ subject: { kind: string; unitId: number }; score: string; grade: string; category: string }>).map((s) => [s.subject.unitId, s]));
    for (const unit of UNITS) {
      expect(byUnit.get(unitIds.get(unit.code)!), unit.code).toMatchObject({ subject: { kind: 'unit' }, category: unit.category, score: unit.total, grade: unit.grade });
    }
    const overview = (await office.get(`/api/cycles/${cycleId}/overview`)).body;
    expect(overview).toMatchObject({ scored: UNITS.length, graded: UNITS.length });
  }, 180_000);

  it('shows a unit its own score only', async () => {
    const [a, b] = UNITS;
    const seenBy = async (unit: TestUnit) => ((await (await as(adminOf(unit))).get('/api/results')).body as Array<{ cycleId: number; subject: { unitId?: number } }>).filter((r) => r.cycleId === cycleId).map((r) => r.subject.unitId);
    expect(await seenBy(a)).toEqual([unitIds.get(a.code)]);
    expect(await seenBy(b)).toEqual([unitIds.get(b.code)]);
    const leader = ((await (await as('ld3')).get('/api/results')).body as Array<{ cycleId: number }>).filter((r) => r.cycleId === cycleId);
    expect(leader).toHaveLength(UNITS.length);
  });
});

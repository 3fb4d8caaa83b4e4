/**
 * One annual cycle of a unit of 20 people through every stage, over HTTP on MariaDB, with the shipped processes and
 * forms: plan → execute → evaluate → publicity → feedback → appeal upheld → regrade → apply results.
 *
 * The unit adapts two flows the way a unit admin does in the designer: its publicity period and appeal window are
 * seconds instead of working days, so the test does not wait for days (the working-day deadlines themselves are
 * tested in test/calendar and test/processes).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import { QueryTypes } from 'sequelize';
import { startTestServer, type TestServer } from '../support/server.ts';
import { createMysqlDatabase, type TestDatabase } from '../support/mysql.ts';
import { inboxUsers } from '../support/inbox-users.ts';
import { waitFor } from '../support/wait-for.ts';
import { createSequelize } from '../../server/db.ts';

const PEOPLE = 20;
const PERIOD = '2026';
const people = Array.from({ length: PEOPLE }, (_, i) => `p${String(i + 1).padStart(2, '0')}`);
/** Everyone rates person i with the same mark, falling with i; the last one is below 70 (基本称职). */
const mark = (i: number) => (i === PEOPLE ? 65 : 95 - i);
/** Actual value of the single core task (target 100): the 绩 ranking follows i. */
const actual = (i: number) => (i === PEOPLE ? 60 : 100 - 2 * i);
const indexOf = (username: string) => people.indexOf(username) + 1;

interface Task {
  id: string;
  elementId: string;
  name: string;
  subject: { username: string } | null;
}

describe('the five stages for a unit of 20 people (MySQL)', () => {
  let db: TestDatabase;
  let server: TestServer;
  const { as, openTasks } = inboxUsers(() => server.url);
  const tasksOf = (username: string, elementId: string) => openTasks<Task>(username, elementId);

  /** Waits for `username`'s open task at `elementId` (about `subject`, when given). */
  async function taskOf(username: string, elementId: string, subject?: string): Promise<Task> {
    return waitFor(async () => (await tasksOf(username, elementId)).find((t) => !subject || t.subject?.username === subject), `${username}'s task ${elementId}${subject ? ` about ${subject}` : ''}`, 60_000);
  }

  async function complete(username: string, task: Task, data: Record<string, unknown>) {
    const { status, body } = await (await as(username)).post(`/api/tasks/${task.id}/complete`, { data });
    expect(status, JSON.stringify(body)).toBe(200);
  }

  async function completeAll(username: string, elementId: string, expected: number, data: (subject: string) => Record<string, unknown>) {
    const tasks = await waitFor(async () => {
      const open = await tasksOf(username, elementId);
      return open.length >= expected ? open : undefined;
    }, `${expected} × ${elementId} for ${username}`, 90_000);
    expect(tasks).toHaveLength(expected);
    for (const task of tasks) await complete(username, task, data(task.subject!.username));
  }

  beforeAll(async () => {
    db = await createMysqlDatabase();
    server = await startTestServer({ databaseUrl: db.url });
    await server.stop();
    const sql = createSequelize(db.url);
    const one = async <T,>(query: string, replacements: unknown[] = []) => ((await sql.query(query, { replacements, type: QueryTypes.SELECT })) as T[])[0];
    const insert = async (query: string, replacements: unknown[]) => (await sql.query(query, { replacements, type: QueryTypes.INSERT }))[0] as number;
    const city = await one<{ id: number }>("SELECT id FROM units WHERE code = 'city'");
    const fgld = await one<{ id: number; passwordHash: string }>("SELECT id, passwordHash FROM users WHERE username = 'fgld'");
    const now = new Date();
    const unit = await insert('INSERT INTO units (code, name, parentId, category, createdAt) VALUES (?, ?, ?, ?, ?)', ['pilot', '试点科', city.id, '局机关科室', now]);
    const user = async (username: string, displayName: string, role: string, supervisorId: number | null) => {
      const id = await insert('INSERT INTO users (username, displayName, passwordHash, unitId, supervisorId, leaderInChargeId, postCategory, active, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)', [
        username, displayName, fgld.passwordHash, unit, supervisorId, fgld.id, '综合管理', now,
      ]);
      await insert('INSERT INTO user_roles (userId, role, unitId) VALUES (?, ?, ?)', [id, role, unit]);
      return id;
    };
    await user('pilot_admin', '试点管理员', 'unit_admin', null);
    const head = await user('pilot_head', '试点科长', 'supervisor', null);
    for (const [i, username] of people.entries()) await user(username, `人员${i + 1}`, 'staff', head);
    await sql.close();
    server = await startTestServer({ databaseUrl: db.url });
  }, 240_000);

  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  let cycleId: number;

  it('the unit adapts the publicity and appeal flows, and the office launches an annual cycle for its 20 people', async () => {
    const admin = await as('pilot_admin');
    const shorten = (xml: string, from: RegExp, to: string) => {
      expect(xml).toMatch(from);
      return xml.replace(from, to);
    };
    const publicity = shorten(fs.readFileSync('processes/publicity-feedback.bpmn', 'utf8'), /<bpmn:timeDate xsi:type="bpmn:tFormalExpression">=date and time\(publicityEndsAt\)<\/bpmn:timeDate>/, '<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1S</bpmn:timeDuration>');
    const appeal = shorten(fs.readFileSync('processes/performance-appeal.bpmn', 'utf8'), /<bpmn:timeDate xsi:type="bpmn:tFormalExpression">=date and time\(appealEndsAt\)<\/bpmn:timeDate>/, '<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT30S</bpmn:timeDuration>');
    for (const xml of [publicity, appeal]) expect((await admin.post('/api/processes/deploy', { xml })).status).toBe(201);

    const office = await as('jxb');
    const sql = createSequelize(db.url);
    const [{ id: pilot }] = (await sql.query("SELECT id FROM units WHERE code = 'pilot'", { type: QueryTypes.SELECT })) as Array<{ id: number }>;
    await sql.close();
    const created = await office.post('/api/cycles', { name: '2026年度个人绩效考核（试点科）', kind: 'annual', period: PERIOD, processId: 'performance-cycle', ruleSet: 'civil-servant-model', unitId: pilot });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    cycleId = created.body.id;
    expect((await office.post(`/api/cycles/${cycleId}/launch`)).status).toBe(202);
    const launched = await waitFor(async () => {
      const cycle = (await office.get(`/api/cycles/${cycleId}`)).body;
      return cycle.status === 'launched' ? cycle : undefined;
    }, 'the launch', 120_000);
    expect(launched.progress).toMatchObject({ total: PEOPLE, started: PEOPLE, failed: 0 });
  }, 240_000);

  it('plan: everyone’s commitment letter goes up the chain (one is sent back) and is published', async () => {
    const letter = { targets: [{ name: '年度重点工作完成率', target: 100, measure: '%', points: 100, deadline: '2026-12-31' }] };
    for (const username of people) await complete(username, await taskOf(username, 'fill_commitment'), letter);
    const back = await taskOf('pilot_head', 'supervisor_review', 'p01');
    await complete('pilot_head', back, { decision: 'return', approvalComment: '请细化完成时限' });
    const returned = await taskOf('p01', 'fill_commitment');
    expect((await (await as('p01')).get(`/api/tasks/${returned.id}`)).body.data.approvalComment).toBe('请细化完成时限');
    await complete('p01', returned, letter);
    const approve = { decision: 'approve', approvalComment: '同意' };
    await completeAll('pilot_head', 'supervisor_review', PEOPLE, () => approve);
    await completeAll('fgld', 'leader_review', PEOPLE, () => approve);
    await completeAll('jxb', 'office_review', PEOPLE, () => approve);
    const plans = await waitFor(async () => {
      const list = (await (await as('jxb')).get(`/api/plans?period=${PERIOD}`)).body;
      return Array.isArray(list) && list.length >= PEOPLE ? list : undefined;
    }, 'published plans', 60_000);
    expect(plans).toHaveLength(PEOPLE);
  }, 300_000);

  it('execute: a ledger item and a monthly check-in run during the year; then the office opens the evaluation once', async () => {
    const overview = (await (await as('jxb')).get(`/api/cycles/${cycleId}/overview`)).body;
    expect(overview.steps).toEqual([]);

    const head = await as('pilot_head');
    const item = await head.post('/api/ledger', { title: '完成年度统计报表', description: '按季度汇总', owner: 'p02', deadline: new Date(Date.now() + 30 * 86_400_000).toISOString(), urgency: 'important' });
    expect(item.status, JSON.stringify(item.body)).toBe(201);
    expect(item.body.light.light).toBe('green');
    await complete('p02', await taskOf('p02', 'report'), { progress: 100, progressNote: '已全部完成' });
    await complete('pilot_head', await taskOf('pilot_head', 'confirm', 'p02'), { decision: 'confirm' });
    await waitFor(async () => ((await head.get(`/api/ledger/${item.body.id}`)).body.status === 'done' ? true : undefined), 'the ledger item to be done', 60_000);

    expect((await head.post('/api/checkins', { username: 'p01', month: '2026-11' })).status).toBe(201);
    await complete('pilot_head', await taskOf('pilot_head', 'record', 'p01'), { progressReview: '重点工作按计划推进', problems: '无', nextSteps: '做好年终总结' });
    await complete('p01', await taskOf('p01', 'acknowledge'), { acknowledged: true });
    await waitFor(async () => ((await tasksOf('p01', 'acknowledge')).length === 0 ? true : undefined), 'the check-in to be acknowledged');
    const office = await as('jxb');
    const opened = await office.post(`/api/cycles/${cycleId}/evaluation`);
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    expect(opened.body.opened).toBe(PEOPLE);
    const twice = await office.post(`/api/cycles/${cycleId}/evaluation`);
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('cycle.evaluation_open');
    expect((await (await as('p01')).post(`/api/cycles/${cycleId}/evaluation`)).status).toBe(403);
  }, 120_000);

  it('evaluate: self, 4 peers, 2 leaders, the public and the supervisor rate everyone; the cohort is graded once all are scored', async () => {
    const ratings = (prefix: string, subject: string) => Object.fromEntries(['De', 'Neng', 'Qin', 'Lian'].map((d) => [`${prefix}${d}`, mark(indexOf(subject))]));
    const overview = await waitFor(async () => {
      const seen = (await (await as('jxb')).get(`/api/cycles/${cycleId}/overview`)).body;
      return seen.steps.reduce((n: number, s: { open: number }) => n + s.open, 0) === PEOPLE * 8 ? seen : undefined;
    }, 'every evaluation task to be open', 90_000);
    const step = (name: string) => overview.steps.find((s: { name: string }) => s.name === name);
    expect(step('个人自评')).toEqual({ name: '个人自评', people: PEOPLE, open: PEOPLE, overdue: 0, lights: { red: 0, yellow: 0, green: PEOPLE } });
    expect(step('同事互评')).toMatchObject({ people: PEOPLE, open: PEOPLE * 4 });
    expect(step('领导评价')).toMatchObject({ people: PEOPLE, open: PEOPLE * 2 });
    expect(step('服务对象评价')).toMatchObject({ people: PEOPLE, open: PEOPLE });
    for (const username of people) {
      const task = await taskOf(username, 'self_evaluation');
      const shown = (await (await as(username)).get(`/api/tasks/${task.id}`)).body;
      expect(shown.data.targets).toEqual([expect.objectContaining({ name: '年度重点工作完成率', target: 100, points: 100 })]);
      const missing = await (await as(username)).post(`/api/tasks/${task.id}/complete`, { data: { coreTaskResults: [], selfSummary: '' } });
      expect(missing.status).toBe(400);
      await complete(username, task, { coreTaskResults: [{ actual: actual(indexOf(username)), note: '按期完成' }], selfSummary: '全年工作总结' });
    }
    for (const username of people) await completeAll(username, 'peer_review', 4, (subject) => ratings('peer', subject));
    for (const leader of ['director', 'fgld']) await completeAll(leader, 'leader_vote', PEOPLE, (subject) => ratings('leader', subject));
    const outOfRange = await (await as('gongzhong')).post(`/api/tasks/${(await taskOf('gongzhong', 'public_evaluation')).id}/complete`, { data: { publicSatisfaction: 120, publicService: 90 } });
    expect(outOfRange.status).toBe(400);
    await completeAll('gongzhong', 'public_evaluation', PEOPLE, (subject) => ({ publicSatisfaction: mark(indexOf(subject)), publicService: mark(indexOf(subject)) }));
    await completeAll('pilot_head', 'supervisor_rating', PEOPLE, (subject) => ({ ...ratings('supervisor', subject), contribution: mark(indexOf(subject)), supervisorComment: '认真负责' }));

    const grades = await waitFor(async () => {
      const results = (await (await as('jxb')).get('/api/results')).body as Array<{ subject: { username: string }; grade: string | null; score: string; period: string }>;
      const ours = results.filter((r) => r.period === PERIOD && people.includes(r.subject.username));
      return ours.length === PEOPLE && ours.every((r) => r.grade) ? new Map(ours.map((r) => [r.subject.username, r])) : undefined;
    }, 'the cohort to be graded', 120_000);
    expect(['p01', 'p02', 'p03'].map((u) => grades.get(u)!.grade)).toEqual(['优秀', '优秀', '优秀']);
    expect(grades.get('p04')!.grade).toBe('称职');
    expect(grades.get('p20')!.grade).toBe('基本称职');
    expect(grades.get('p01')!.score).toBe('94.80');
    expect([...grades.values()].filter((r) => r.grade === '优秀')).toHaveLength(3);

    // 公示: everyone of the unit sees the grades (not the scores); nobody outside it does
    const publicity = (await (await as('p05')).get(`/api/cycles/${cycleId}/publicity`)).body;
    expect(publicity.entries).toHaveLength(PEOPLE);
    expect(publicity.entries).toContainEqual({ name: '人员1', unit: '试点科', grade: '优秀' });
    expect(JSON.stringify(publicity)).not.toContain('94.80');
    expect((await (await as('zhangsan')).get(`/api/cycles/${cycleId}/publicity`)).status).toBe(404);
  }, 600_000);

  it('publicity and feedback: after the publicity period each supervisor talks to each person, who signs; below standard means an improvement plan', async () => {
    const talk = { strengths: '工作扎实', weaknesses: '创新不足', improvementSuggestions: '加强学习' };
    for (const username of people) {
      await complete('pilot_head', await taskOf('pilot_head', 'feedback_talk', username), talk);
      const sign = await taskOf(username, 'acknowledge');
      const unsigned = await (await as(username)).post(`/api/tasks/${sign.id}/complete`, { data: { acknowledged: false } });
      expect(unsigned.status).toBe(400);
      await complete(username, sign, { acknowledged: true });
    }
    await complete('p20', await taskOf('p20', 'improvement_plan'), { improvementPlan: '每月向科长汇报一次工作进展', improvementDeadline: '3个月' });
    await complete('pilot_head', await taskOf('pilot_head', 'improvement_confirm', 'p20'), { improvementComment: '同意' });
    expect(await tasksOf('p19', 'improvement_plan')).toEqual([]);
  }, 600_000);

  it('appeal: p03 confirms, p04 appeals and is upheld — the cohort is regraded, p03 is told and re-applied; p20 lets the window lapse', async () => {
    for (const username of people.filter((u) => u !== 'p04' && u !== 'p20')) {
      await complete(username, await taskOf(username, 'confirm_or_appeal'), { appealDecision: 'accept' });
    }
    const office = await as('jxb');
    const p03Applied = await waitFor(async () => (await office.get(`/api/cycles/${cycleId}/results`)).body.results.find((r: { subject: { username: string } }) => r.subject.username === 'p03'), 'p03 results applied', 60_000);
    expect(p03Applied).toMatchObject({ grade: '优秀', bonusCoefficient: '1.20', lists: expect.arrayContaining(['commendation', 'promotion']) });

    const decision = await taskOf('p04', 'confirm_or_appeal');
    const noReason = await (await as('p04')).post(`/api/tasks/${decision.id}/complete`, { data: { appealDecision: 'appeal' } });
    expect(noReason.status).toBe(400);
    await complete('p04', decision, { appealDecision: 'appeal', appealReason: '核心任务实际完成 100%，统计为 92% 有误' });
    const review = await taskOf('jxb', 'review_appeal', 'p04');
    await complete('jxb', review, { reviewDecision: 'upheld', reviewAnswer: '经核实，更正为 100%', correctedCoreTaskResults: [{ actual: 100 }] });
    await complete('p04', await taskOf('p04', 'appeal_answer'), { answerAcknowledged: true });

    const lapsed = await waitFor(async () => {
      const applied = (await office.get(`/api/cycles/${cycleId}/results`)).body.results;
      return applied.length === PEOPLE ? applied : undefined;
    }, 'every result applied (p20 after the window closed)', 120_000);
    const byName = new Map<string, { grade: string; bonusCoefficient: string; lists: string[] }>(lapsed.map((r: { subject: { username: string } }) => [r.subject.username, r]));
    expect(byName.get('p04')).toMatchObject({ grade: '优秀', bonusCoefficient: '1.20' });
    expect(byName.get('p03')).toMatchObject({ grade: '称职', bonusCoefficient: '1.00' });
    expect(byName.get('p20')).toMatchObject({ grade: '基本称职', bonusCoefficient: '0.80', lists: ['talk', 'training'] });

    const notices = (await (await as('p03')).get('/api/notifications')).body;
    expect(notices).toEqual([expect.objectContaining({ kind: 'grade.changed', zh: expect.stringContaining('由「优秀」调整为「称职」') })]);
    expect((await (await as('p05')).get('/api/notifications')).body).toEqual([]);
    expect((await (await as('p05')).post(`/api/notifications/${notices[0].id}/read`)).status).toBe(404);
  }, 600_000);

  it('apply results: the office reads the lists; staff may not', async () => {
    const { results, lists } = (await (await as('jxb')).get(`/api/cycles/${cycleId}/results`)).body;
    expect(results).toHaveLength(PEOPLE);
    const names = (code: string) => lists.find((l: { code: string }) => l.code === code).people.map((p: { username: string }) => p.username).sort();
    expect(names('commendation')).toEqual(['p01', 'p02', 'p04']);
    expect(names('talk')).toEqual(['p20']);
    expect((await (await as('p01')).get(`/api/cycles/${cycleId}/results`)).status).toBe(403);
    const overview = (await (await as('jxb')).get(`/api/cycles/${cycleId}/overview`)).body;
    expect(overview).toMatchObject({ steps: [], scored: PEOPLE, graded: PEOPLE, applied: PEOPLE });
  }, 120_000);
});

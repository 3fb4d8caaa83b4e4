import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import type { TestDatabase } from '../support/mysql.ts';
import { ApiClient } from '../support/api-client.ts';
import { waitFor } from '../support/wait-for.ts';
import { openTask } from './declaration-scenario.ts';

const PERIOD = '2027';
const task = (name: string, points: number, target = 50) => ({ name, target, measure: '件', points, deadline: `${PERIOD}-12-31` });
const letter = [task('公文运转', 60), task('信息报送', 40, 30)];

type Plan = { id: number; subjectKind: string; subject: { username: string } | null; unit: { id: number; name: string }; period: string; version: number; targets: Array<{ name: string; target: number; points: number }> };
type Version = { version: number; kind: string; targets: Plan['targets']; reason: string | null; requestedBy: string; approvals: Array<{ step: string; by: string; comment: string | null }> };

/** The plan stage over HTTP with the demo users: commitment letter, unit targets, adjustments and their cut-off. */
export function planStageSuite(store: string, createDatabase: () => Promise<TestDatabase | null>) {
  describe(`plan stage (绩效计划) on ${store}`, () => {
    let server: TestServer;
    let database: TestDatabase | null;
    const login = (username: string) => ApiClient.login(server.url, username);
    const complete = (client: ApiClient, id: string, data: unknown) => client.post(`/api/tasks/${id}/complete`, { data });
    const planOf = (client: ApiClient, match: (plan: Plan) => boolean, version: number) =>
      waitFor(async () => {
        const { status, body } = await client.get(`/api/plans?period=${PERIOD}`);
        expect(status).toBe(200);
        return (body as Plan[]).find((plan) => match(plan) && plan.version === version);
      }, `plan version ${version}`);
    const adjustment = (reason: string, targets: unknown[]) => ({ adjustmentReason: reason, targets });
    let planId = 0;

    beforeAll(async () => {
      database = await createDatabase();
      server = await startTestServer(database ? { databaseUrl: database.url } : {});
    });
    afterAll(async () => {
      await server?.stop();
      await database?.drop();
    });

    it('commitment letter: refused when empty or not adding up to 100, returned by the leader in charge, corrected, approved by all, published', async () => {
      const office = await login('jxb');
      const started = await office.post('/api/processes/performance-plan/instances', { subjectUsername: 'zhangsan', period: PERIOD });
      expect(started.status).toBe(201);

      const zhangsan = await login('zhangsan');
      let fill = await openTask(zhangsan, '填写个人绩效承诺书');
      const empty = await complete(zhangsan, fill.id, { targets: [] });
      expect(empty.status).toBe(400);
      expect(empty.body.error.code).toBe('form.invalid');
      expect(empty.body.error.details).toContainEqual(expect.objectContaining({ path: 'targets', zh: '「年度核心任务（分值合计 100 分）」至少需要 1 项' }));
      const ninety = await complete(zhangsan, fill.id, { targets: [task('公文运转', 60), task('信息报送', 30)] });
      expect(ninety.status).toBe(400);
      expect(ninety.body.error.details).toContainEqual(expect.objectContaining({ path: 'targets', zh: '各项分值合计须为 100 分，当前合计 90 分' }));
      expect((await complete(zhangsan, fill.id, { targets: letter })).status).toBe(200);

      const kzOffice = await login('kz_office');
      let review = await openTask(kzOffice, '科室负责人审核承诺书');
      expect((await kzOffice.get(`/api/tasks/${review.id}`)).body.data.targets).toEqual(letter);
      expect((await complete(kzOffice, review.id, { decision: 'approve' })).status).toBe(200);

      const fgld = await login('fgld');
      let leader = await openTask(fgld, '分管领导审核承诺书');
      const silent = await complete(fgld, leader.id, { decision: 'return' });
      expect(silent.status).toBe(400);
      expect(silent.body.error.details).toContainEqual(expect.objectContaining({ path: 'approvalComment', zh: '退回时必须填写意见' }));
      expect((await complete(fgld, leader.id, { decision: 'return', approvalComment: '信息报送目标偏低，请提高到 40 篇' })).status).toBe(200);

      fill = await openTask(zhangsan, '填写个人绩效承诺书');
      const returned = (await zhangsan.get(`/api/tasks/${fill.id}`)).body;
      expect(returned.data.approvalComment).toBe('信息报送目标偏低，请提高到 40 篇');
      expect(returned.data.targets).toEqual(letter);
      const corrected = [letter[0], { ...letter[1], target: 40, measure: '篇' }];
      expect((await complete(zhangsan, fill.id, { targets: corrected })).status).toBe(200);

      review = await openTask(kzOffice, '科室负责人审核承诺书');
      expect((await complete(kzOffice, review.id, { decision: 'approve' })).status).toBe(200);
      leader = await openTask(fgld, '分管领导审核承诺书');
      expect((await complete(fgld, leader.id, { decision: 'approve', approvalComment: '同意' })).status).toBe(200);
      const desk = await openTask(office, '绩效办审核承诺书');
      expect((await complete(office, desk.id, { decision: 'approve' })).status).toBe(200);

      const plan = await planOf(zhangsan, (p) => p.subject?.username === 'zhangsan', 1);
      expect(plan).toMatchObject({ subjectKind: 'person', period: PERIOD, targets: corrected });
      planId = plan.id;
      const detail = await zhangsan.get(`/api/plans/${planId}`);
      expect(detail.status).toBe(200);
      expect(detail.body.versions).toHaveLength(1);
      expect(detail.body.versions[0]).toMatchObject({ version: 1, kind: 'publish', requestedBy: 'zhangsan', reason: null });
      expect((detail.body.versions[0] as Version).approvals.map((a) => [a.step, a.by, a.comment])).toEqual([
        ['科室负责人审核承诺书', 'kz_office', null],
        ['分管领导审核承诺书', 'fgld', '同意'],
        ['绩效办审核承诺书', 'jxb', null],
      ]);
    });

    it('a plan is seen by the person, their supervisor, leader and office, not by a colleague or another department', async () => {
      const zhangsanId = (await (await login('zhangsan')).get('/api/me')).body.id;
      for (const reader of ['zhangsan', 'kz_office', 'fgld', 'jxb']) {
        expect((await (await login(reader)).get(`/api/plans/${planId}`)).status, reader).toBe(200);
      }
      const lisi = await login('lisi');
      expect((await lisi.get(`/api/plans/${planId}`)).status).toBe(404);
      expect((await lisi.get(`/api/plans?period=${PERIOD}`)).body).toEqual([]);
      expect((await lisi.get(`/api/plans?userId=${zhangsanId}`)).status).toBe(403);
      expect((await (await login('kz_plan')).get(`/api/plans/${planId}`)).status).toBe(404);
      const foreign = await lisi.post(`/api/plans/${planId}/adjustments`, adjustment('我想替张三调整目标，理由很充分', letter));
      expect(foreign.status).toBe(404);
      expect((await lisi.get('/api/plans/abc')).status).toBe(400);
    });

    it('an adjustment before the cut-off is approved by the leader in charge and the director and becomes version 2', async () => {
      const zhangsan = await login('zhangsan');
      expect((await zhangsan.get(`/api/plans/cutoff?period=${PERIOD}`)).body).toMatchObject({ lastDay: `${PERIOD}-09-15`, setForUnitId: null });
      const badPoints = await zhangsan.post(`/api/plans/${planId}/adjustments`, adjustment('上级部署调整，信息报送任务减半', [task('公文运转', 60), task('信息报送', 30)]));
      expect(badPoints.status).toBe(400);
      expect(badPoints.body.error.details).toContainEqual(expect.objectContaining({ path: 'targets', zh: '各项分值合计须为 100 分，当前合计 90 分' }));
      const noReason = await zhangsan.post(`/api/plans/${planId}/adjustments`, adjustment('', letter));
      expect(noReason.status).toBe(400);
      expect(noReason.body.error.details).toContainEqual(expect.objectContaining({ path: 'adjustmentReason', zh: '「调整理由（书面说明）」为必填项' }));

      const adjusted = [task('公文运转', 70, 60), task('信息报送', 30, 20)];
      const reason = '上级部署调整，信息报送任务减半，公文运转任务增加';
      const requested = await zhangsan.post(`/api/plans/${planId}/adjustments`, adjustment(reason, adjusted));
      expect(requested.status).toBe(201);

      const fgld = await login('fgld');
      const leader = await openTask(fgld, '分管领导审核目标调整');
      const shown = (await fgld.get(`/api/tasks/${leader.id}`)).body.data;
      expect(shown).toMatchObject({ adjustmentReason: reason, targets: adjusted });
      expect(shown.previousTargets[1]).toMatchObject({ name: '信息报送', target: 40 });
      expect((await complete(fgld, leader.id, { decision: 'approve' })).status).toBe(200);
      const director = await login('director');
      const final = await openTask(director, '局长审定目标调整');
      expect((await complete(director, final.id, { decision: 'approve', approvalComment: '同意调整' })).status).toBe(200);

      await planOf(zhangsan, (p) => p.id === planId, 2);
      const versions = (await zhangsan.get(`/api/plans/${planId}`)).body.versions as Version[];
      expect(versions.map((v) => [v.version, v.kind, v.targets[1].target])).toEqual([[1, 'publish', 40], [2, 'adjust', 20]]);
      expect(versions[1]).toMatchObject({ reason, requestedBy: 'zhangsan' });
      expect(versions[1].approvals.map((a) => [a.step, a.by])).toEqual([['分管领导审核目标调整', 'fgld'], ['局长审定目标调整', 'director']]);
    });

    it('the cut-off: only the office sets it; a request made after it is refused, and an approved request made after a moved cut-off is not applied', async () => {
      const zhangsan = await login('zhangsan');
      const office = await login('jxb');
      expect((await zhangsan.request('PUT', '/api/plans/cutoff', { period: PERIOD, lastDay: `${PERIOD}-12-31` })).status).toBe(403);
      const bad = await office.request('PUT', '/api/plans/cutoff', { period: PERIOD, lastDay: `${PERIOD}-02-30` });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('plan.cutoff_invalid');

      const late = [task('公文运转', 50), task('信息报送', 50)];
      const pending = await zhangsan.post(`/api/plans/${planId}/adjustments`, adjustment('年中任务变化，需要平衡两项任务分值', late));
      expect(pending.status).toBe(201);
      const moved = await office.request('PUT', '/api/plans/cutoff', { period: PERIOD, lastDay: '2026-01-31' });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ lastDay: '2026-01-31' });
      expect((await zhangsan.get(`/api/plans/cutoff?period=${PERIOD}`)).body.lastDay).toBe('2026-01-31');

      const refused = await zhangsan.post(`/api/plans/${planId}/adjustments`, adjustment('年中任务变化，需要平衡两项任务分值', late));
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({ code: 'plan.adjustment_closed', zh: `${PERIOD} 年度目标调整已于 2026-01-31 截止，不能再申请调整` });

      const fgld = await login('fgld');
      expect((await complete(fgld, (await openTask(fgld, '分管领导审核目标调整')).id, { decision: 'approve' })).status).toBe(200);
      const director = await login('director');
      expect((await complete(director, (await openTask(director, '局长审定目标调整')).id, { decision: 'approve' })).status).toBe(200);
      const ended = await waitFor(async () => {
        const { body } = await office.get(`/api/instances/${pending.body.instanceId}`);
        return body.instance?.status === 'completed' ? body : undefined;
      }, 'the refused adjustment to end');
      expect(ended.history.map((h: { elementId: string | null }) => h.elementId)).toContain('end_refused');
      expect(ended.instance.variables.refusal).toMatchObject({ code: 'cutoff_passed' });
      const plan = (await zhangsan.get(`/api/plans/${planId}`)).body;
      expect(plan.version).toBe(2);
      expect(plan.versions).toHaveLength(2);
    });

    it('unit targets: proposed by the unit admin, reviewed up the chain to the director, published for the unit', async () => {
      const countyAdmin = await login('county_a_admin');
      const county = (await countyAdmin.get('/api/me')).body.unit as { id: number; name: string };
      const office = await login('jxb');
      expect((await countyAdmin.post('/api/plans/unit-proposals', { unitId: county.id, period: PERIOD, departmentReviewer: 'kz_plan', leaderInCharge: 'fgld' })).status).toBe(403);
      const notLeader = await office.post('/api/plans/unit-proposals', { unitId: county.id, period: PERIOD, departmentReviewer: 'kz_plan', leaderInCharge: 'lisi' });
      expect(notLeader.status).toBe(400);
      expect(notLeader.body.error.code).toBe('plan.approver_invalid');
      expect((await office.post('/api/plans/unit-proposals', { unitId: county.id, period: PERIOD, departmentReviewer: 'kz_plan', leaderInCharge: 'fgld' })).status).toBe(201);

      const indicators = [
        { name: '农村公路建设里程', points: 80, target: 100, measure: '公里' },
        { name: '固定资产投资', points: 120, target: 50, measure: '亿元' },
      ];
      const propose = await openTask(countyAdmin, '提出年度目标建议方案');
      expect((await complete(countyAdmin, propose.id, { targets: indicators })).status).toBe(200);
      const steps: Array<[string, string]> = [['kz_plan', '相关科室审核目标'], ['fgld', '分管领导审核目标'], ['jxb', '绩效办汇总目标'], ['director', '局务会议审定目标']];
      for (const [username, step] of steps) {
        const client = await login(username);
        expect((await complete(client, (await openTask(client, step)).id, { decision: 'approve' })).status, step).toBe(200);
      }
      const plan = await planOf(countyAdmin, (p) => p.subjectKind === 'unit', 1);
      expect(plan).toMatchObject({ subject: null, unit: county, targets: indicators });
      const published = (await countyAdmin.get(`/api/plans/${plan.id}`)).body.versions[0] as Version;
      expect(published.requestedBy).toBe('county_a_admin');
      expect(published.approvals.map((a) => a.by)).toEqual(['kz_plan', 'fgld', 'jxb', 'director']);
      expect((await (await login('zhangsan')).get(`/api/plans/${plan.id}`)).status).toBe(404);
    });
  });
}

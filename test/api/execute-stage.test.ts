import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Sequelize } from 'sequelize';
import { startTestServer, type TestServer } from '../support/server.ts';
import { ApiClient } from '../support/api-client.ts';
import { waitFor } from '../support/wait-for.ts';
import { createSequelize, createTransactionRunner } from '../../server/db.ts';
import { defineModels } from '../../server/models/index.ts';
import { createScope } from '../../server/auth/scope.ts';
import { createAudit } from '../../server/services/audit.ts';
import { createPerformanceRecords } from '../../server/services/performance-records/performance-records-service.ts';
import { chinaDate } from '../../server/calendar/index.ts';
import { computeScore, getPreset } from '../../server/scoring/index.ts';

type Task = { id: string; name: string; instanceId: string; urgeCount: number; dueDate: string | null; subject: { username: string } | null };
type Item = {
  id: number;
  status: string;
  progress: number;
  light: { light: string; code: string; zh: string };
  reminders: Array<{ kind: string; recipient: string }>;
  instanceId: string;
  completedAt: string | null;
};

/** The execute stage (绩效执行) over HTTP with the demo users: work ledger, monthly check-in, performance records. */
describe('execute stage', () => {
  let server: TestServer;
  const login = (username: string) => ApiClient.login(server.url, username);
  const today = chinaDate(new Date());
  const year = Number(today.slice(0, 4));

  const taskOf = (client: ApiClient, instanceId: string, name: string) =>
    waitFor(async () => ((await client.get('/api/tasks')).body as Task[]).find((t) => t.instanceId === instanceId && t.name === name), `「${name}」 in the inbox`, 15_000);
  const itemOf = async (client: ApiClient, id: number) => {
    const { status, body } = await client.get(`/api/ledger/${id}`);
    expect(status).toBe(200);
    return body as Item;
  };
  const itemWhen = (client: ApiClient, id: number, what: string, ok: (item: Item) => boolean, timeoutMs = 15_000) =>
    waitFor(async () => {
      const item = await itemOf(client, id);
      return ok(item) ? item : undefined;
    }, what, timeoutMs);
  const count = (item: Item, kind: string) => item.reminders.filter((r) => r.kind === kind).length;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.stop());

  describe('work ledger (工作台账)', () => {
    it('refuses items from staff, for people outside the assigner\'s units, and with bad input', async () => {
      const kz = await login('kz_office');
      const valid = { title: '整理年度公文归档', owner: 'zhangsan', deadline: '2099-12-31', urgency: 'important' };
      expect((await (await login('zhangsan')).post('/api/ledger', valid)).status).toBe(403);
      const outside = await kz.post('/api/ledger', { ...valid, owner: 'wangwu' });
      expect(outside.status).toBe(403);
      expect(outside.body.error).toMatchObject({ code: 'ledger.out_of_scope', zh: '只能为本人管理范围内的人员交办台账任务' });
      const nobody = await kz.post('/api/ledger', { ...valid, owner: 'nobody' });
      expect([nobody.status, nobody.body.error.code]).toEqual([400, 'user.not_found']);
      const past = await kz.post('/api/ledger', { ...valid, deadline: '2020-01-01' });
      expect([past.status, past.body.error.code]).toEqual([400, 'ledger.deadline_passed']);
      for (const bad of [{ urgency: 'asap' }, { deadline: '2099-02-30' }, { title: '' }, { reminders: { every: '1 day' } }]) {
        const refused = await kz.post('/api/ledger', { ...valid, ...bad });
        expect(refused.status).toBe(400);
        expect(refused.body.error).toMatchObject({ code: 'request.invalid', zh: '请求内容不正确' });
      }
      expect(((await kz.get('/api/ledger')).body as Item[]).length).toBe(0);
    });

    it('runs an item: 提醒 before the deadline, 催办 after it, progress, return and confirmation', async () => {
      const kz = await login('kz_office');
      const zhangsan = await login('zhangsan');
      const deadline = new Date(Date.now() + 9_000).toISOString();
      const created = await kz.post('/api/ledger', {
        title: '完成党建工作台账整理',
        description: '按季度整理党建工作台账',
        owner: 'zhangsan',
        deadline,
        urgency: 'urgent',
        reminders: { before: 'PT6S', every: 'PT2S' },
      });
      expect(created.status).toBe(201);
      const id = created.body.id as number;
      expect(created.body).toMatchObject({ status: 'in_progress', progress: 0, urgencyLabel: '紧急', owner: { username: 'zhangsan' }, deadline, light: { light: 'yellow', code: 'deadline_near' } });

      // others of the same department, another department's supervisor: not found; the leader of the city bureau sees it
      expect((await (await login('lisi')).get(`/api/ledger/${id}`)).status).toBe(404);
      expect((await (await login('kz_plan')).get(`/api/ledger/${id}`)).status).toBe(404);
      expect(((await (await login('kz_plan')).get('/api/ledger')).body as Item[]).map((i) => i.id)).not.toContain(id);
      expect((await (await login('director')).get(`/api/ledger/${id}`)).status).toBe(200);

      const first = await taskOf(zhangsan, created.body.instanceId, '更新进度');
      expect(first.dueDate).toBe(deadline);
      const detail = (await zhangsan.get(`/api/tasks/${first.id}`)).body;
      expect(detail.data).toMatchObject({ title: '完成党建工作台账整理', deadlineDate: chinaDate(new Date(deadline)) });

      // the reminder 6 s before the deadline reaches the item and the open task
      const reminded = await itemWhen(zhangsan, id, 'the reminder before the deadline', (i) => count(i, 'remind') === 1);
      expect(reminded.reminders[0]).toMatchObject({ kind: 'remind', recipient: 'zhangsan' });
      expect(count(reminded, 'urge')).toBe(0);
      expect(((await zhangsan.get('/api/tasks')).body as Task[]).find((t) => t.id === first.id)?.urgeCount).toBe(1);
      const history = (await zhangsan.get(`/api/tasks/${first.id}/history`)).body as Array<{ action: string; actor: string; comment: string }>;
      expect(history.find((e) => e.action === 'urge')).toMatchObject({ actor: 'system', comment: expect.stringContaining('将于') });

      const bad = await zhangsan.post(`/api/tasks/${first.id}/complete`, { data: { progress: 120, progressNote: '过半' } });
      expect([bad.status, bad.body.error.code]).toEqual([400, 'form.invalid']);
      expect((await zhangsan.post(`/api/tasks/${first.id}/complete`, { data: { progress: 40, progressNote: '已整理前三季度' } })).status).toBe(200);
      await itemWhen(zhangsan, id, 'progress 40 %', (i) => i.progress === 40);

      // after the deadline: red, and 催办 every 2 s on the owner's task; still one reminder before the deadline
      const overdue = await itemWhen(zhangsan, id, 'two 催办 after the deadline', (i) => count(i, 'urge') >= 2, 20_000);
      expect(overdue.light).toMatchObject({ light: 'red', code: 'overdue', zh: '已逾期未完成' });
      expect(count(overdue, 'remind')).toBe(1);
      const second = await taskOf(zhangsan, created.body.instanceId, '更新进度');
      expect(second.id).not.toBe(first.id);
      expect(second.urgeCount).toBeGreaterThanOrEqual(1);
      const urges = ((await zhangsan.get(`/api/tasks/${second.id}/history`)).body as Array<{ action: string; comment: string }>).filter((e) => e.action === 'urge');
      expect(urges.at(-1)!.comment).toContain('已于');

      // 100 % waits for the assigner, who sends it back once, then confirms
      expect((await zhangsan.post(`/api/tasks/${second.id}/complete`, { data: { progress: 100, progressNote: '已全部完成' } })).status).toBe(200);
      const waiting = await itemWhen(kz, id, 'awaiting confirmation', (i) => i.status === 'awaiting_confirmation');
      expect(waiting.light).toMatchObject({ light: 'green', code: 'completed' });
      const confirm = await taskOf(kz, created.body.instanceId, '确认完成');
      expect((await zhangsan.post(`/api/tasks/${confirm.id}/complete`, { data: { decision: 'confirm' } })).status).toBe(404);
      expect((await kz.post(`/api/tasks/${confirm.id}/complete`, { data: { decision: 'return', confirmComment: '缺第四季度' } })).status).toBe(200);
      await itemWhen(kz, id, 'back in progress', (i) => i.status === 'in_progress');
      const third = await taskOf(zhangsan, created.body.instanceId, '更新进度');
      expect((await zhangsan.post(`/api/tasks/${third.id}/complete`, { data: { progress: 100, progressNote: '已补第四季度' } })).status).toBe(200);
      const again = await taskOf(kz, created.body.instanceId, '确认完成');
      expect((await kz.post(`/api/tasks/${again.id}/complete`, { data: { decision: 'confirm' } })).status).toBe(200);
      const done = await itemWhen(kz, id, 'done', (i) => i.status === 'done');
      expect(done.completedAt).not.toBeNull();
      expect(done.light.code).toBe('completed');

      // no reminder once done
      const urgesWhenDone = count(done, 'urge');
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect(count(await itemOf(kz, id), 'urge')).toBe(urgesWhenDone);
      const listed = ((await zhangsan.get(`/api/ledger?status=done`)).body as Item[]).map((i) => i.id);
      expect(listed).toEqual([id]);
    }, 90_000);
  });

  describe('monthly check-in (月度沟通)', () => {
    it('the supervisor records the talk and the person acknowledges it', async () => {
      const kz = await login('kz_office');
      expect((await (await login('zhangsan')).post('/api/checkins', { username: 'lisi', month: '2026-11' })).status).toBe(403);
      expect((await kz.post('/api/checkins', { username: 'wangwu', month: '2026-11' })).status).toBe(403);
      expect((await kz.post('/api/checkins', { username: 'zhangsan', month: '2026-13' })).status).toBe(400);
      const started = await kz.post('/api/checkins', { username: 'zhangsan', month: '2026-11' });
      expect(started.status).toBe(201);

      const record = await taskOf(kz, started.body.instanceId, '月度沟通记录');
      expect((await kz.get(`/api/tasks/${record.id}`)).body.data).toMatchObject({ subjectName: '张三', period: '2026-11' });
      const empty = await kz.post(`/api/tasks/${record.id}/complete`, { data: { problems: '进度偏慢' } });
      expect([empty.status, empty.body.error.code]).toEqual([400, 'form.invalid']);
      const talk = { progressReview: '党建台账已完成，公文归档过半', problems: '归档进度偏慢', nextSteps: '月底前完成归档' };
      expect((await kz.post(`/api/tasks/${record.id}/complete`, { data: talk })).status).toBe(200);

      const zhangsan = await login('zhangsan');
      const ack = await taskOf(zhangsan, started.body.instanceId, '确认沟通记录');
      expect((await zhangsan.get(`/api/tasks/${ack.id}`)).body.data).toMatchObject(talk);
      const unread = await zhangsan.post(`/api/tasks/${ack.id}/complete`, { data: { acknowledged: false } });
      expect([unread.status, unread.body.error.code]).toEqual([400, 'form.invalid']);
      expect((await zhangsan.post(`/api/tasks/${ack.id}/complete`, { data: { acknowledged: true, staffComment: '同意' } })).status).toBe(200);
      const jxb = await login('jxb');
      const instance = await waitFor(async () => {
        const { body } = await jxb.get(`/api/instances/${started.body.instanceId}`);
        return body.instance.status === 'completed' ? body.instance : undefined;
      }, 'the check-in to complete');
      expect(instance).toMatchObject({ processId: 'monthly-checkin', variables: { ...talk, acknowledged: true, staffComment: '同意' } });
    });
  });

  describe('performance records (点赞 / 错情 / 察访核验)', () => {
    let sequelize: Sequelize;
    afterAll(async () => sequelize?.close());

    const entry = (kind: string, username: string, extra: Record<string, unknown> = {}) => ({ kind, username, date: today, reason: '专项巡察报告获市委肯定', ...extra });

    it('are entered by the roles that keep them, for their units only, and checked against the catalogue', async () => {
      const zhangsan = await login('zhangsan');
      const kz = await login('kz_office');
      const director = await login('director');
      const jxb = await login('jxb');
      const jijian = await login('jijian');

      const staff = await zhangsan.post('/api/performance-records', entry('commendation', 'lisi'));
      expect([staff.status, staff.body.error.code]).toEqual([403, 'auth.forbidden']);
      const outside = await kz.post('/api/performance-records', entry('commendation', 'wangwu'));
      expect([outside.status, outside.body.error.code]).toEqual([403, 'record.out_of_scope']);
      const wrongKind = await kz.post('/api/performance-records', entry('inspection', 'zhangsan', { code: 'inspectionFinding', rank: 'staff' }));
      expect([wrongKind.status, wrongKind.body.error.code]).toEqual([403, 'record.kind_forbidden']);
      expect((await jijian.post('/api/performance-records', entry('commendation', 'zhangsan'))).status).toBe(403);

      const bad: Array<[Record<string, unknown>, string]> = [
        [entry('commendation', 'zhangsan', { date: '2026-02-30' }), 'request.invalid'],
        [entry('commendation', 'zhangsan', { reason: ' ' }), 'request.invalid'],
        [entry('commendation', 'zhangsan', { kind: 'praise' }), 'request.invalid'],
        [entry('commendation', 'nobody'), 'user.not_found'],
        [entry('commendation', 'zhangsan', { date: `${year + 1}-01-01` }), 'record.future_date'],
        [entry('commendation', 'zhangsan', { points: 3 }), 'record.fixed_points'],
        [entry('commendation', 'zhangsan', { code: 'gift' }), 'record.unknown_item'],
      ];
      for (const [body, code] of bad) {
        const refused = await kz.post('/api/performance-records', body);
        expect([refused.status, refused.body.error.code], JSON.stringify(body)).toEqual([400, code]);
      }
      const tooMuch = await jxb.post('/api/performance-records', entry('errorNotice', 'zhangsan', { code: 'politicalConduct', points: 6 }));
      expect([tooMuch.status, tooMuch.body.error.code]).toEqual([400, 'record.points_range']);
      const noRank = await jijian.post('/api/performance-records', entry('inspection', 'zhangsan', { code: 'inspectionFinding', rank: 'staff' }));
      expect([noRank.status, noRank.body.error.code]).toEqual([400, 'record.no_points']);

      const praise = await kz.post('/api/performance-records', entry('commendation', 'zhangsan', { work: '专项巡察报告' }));
      expect(praise.status).toBe(201);
      expect(praise.body).toMatchObject({ kind: 'commendation', kindLabel: '点赞', points: 1, person: { username: 'zhangsan' }, recordedBy: 'kz_office', revoked: null, mayRevoke: true });
      expect((await director.post('/api/performance-records', entry('commendation', 'zhangsan', { work: '专项巡察报告' }))).status).toBe(201);
      expect((await director.post('/api/performance-records', entry('commendation', 'wangwu'))).status).toBe(201);
      const error = await jxb.post('/api/performance-records', entry('errorNotice', 'zhangsan', { reason: '公文格式错误' }));
      expect(error.body).toMatchObject({ kindLabel: '错情', code: 'errorNotice', points: -1 });
      expect((await kz.post('/api/performance-records', entry('errorNotice', 'zhangsan', { code: 'politicalConduct', points: 2.5, reason: '工作拖沓' }))).body.points).toBe(-2.5);
      const finding = await jijian.post('/api/performance-records', entry('inspection', 'zhangsan', { code: 'inspectionFinding', rank: 'sectionMember', multiplier: 'provincialInspection', reason: '上班时间办私事' }));
      expect(finding.status).toBe(201);
      expect(finding.body).toMatchObject({ kindLabel: '察访核验', points: -0.6, rankLabel: '科室非主要负责人', bonusCancelled: ['本人', '所在科室主要负责人', '单位分管领导'] });
      expect((await jxb.post('/api/performance-records', entry('commendation', 'zhangsan'))).status).toBe(403);
      const lastYear = await kz.post('/api/performance-records', entry('errorNotice', 'zhangsan', { date: `${year - 1}-12-31`, reason: '报表迟报' }));
      expect(lastYear.status).toBe(201);

      // who sees what: the person their own, the supervisor their department, nobody else's colleague
      const own = (await zhangsan.get('/api/performance-records')).body as Array<{ person: { username: string }; mayRevoke: boolean }>;
      expect(own).toHaveLength(6);
      expect(own.every((r) => r.person.username === 'zhangsan' && !r.mayRevoke)).toBe(true);
      expect((await (await login('lisi')).get('/api/performance-records')).body).toEqual([]);
      expect(((await (await login('kz_plan')).get('/api/performance-records')).body as Array<{ person: { username: string } }>).map((r) => r.person.username)).toEqual(['wangwu']);
      expect((await (await login('lisi')).get(`/api/performance-records/${praise.body.id}`)).status).toBe(404);
      expect(((await kz.get(`/api/performance-records?username=zhangsan&period=${year}&kind=errorNotice`)).body as unknown[]).length).toBe(2);
      expect((await kz.get('/api/performance-records?period=2026-Q5')).body.error.code).toBe('period.invalid');

      // revoking: only who may enter the kind for that person, with a reason, once; the record stays
      expect((await (await login('kz_plan')).post(`/api/performance-records/${praise.body.id}/revoke`, { reason: '重复登记' })).status).toBe(404);
      expect((await zhangsan.post(`/api/performance-records/${praise.body.id}/revoke`, { reason: '重复登记' })).status).toBe(403);
      expect((await jijian.post(`/api/performance-records/${praise.body.id}/revoke`, { reason: '重复登记' })).status).toBe(403);
      expect((await kz.post(`/api/performance-records/${praise.body.id}/revoke`, {})).status).toBe(400);
      const revoked = await kz.post(`/api/performance-records/${praise.body.id}/revoke`, { reason: '与局长点赞重复' });
      expect(revoked.status).toBe(200);
      expect(revoked.body.revoked).toMatchObject({ by: 'kz_office', reason: '与局长点赞重复' });
      const twice = await kz.post(`/api/performance-records/${praise.body.id}/revoke`, { reason: '再次' });
      expect([twice.status, twice.body.error.code]).toEqual([409, 'record.revoked']);
      expect(((await zhangsan.get(`/api/performance-records/${praise.body.id}`)).body as { revoked: unknown }).revoked).not.toBeNull();
    });

    it('become scoring inputs by leaf key for a year, quarter or month, which the presets score', async () => {
      sequelize = createSequelize(server.databaseUrl);
      const models = defineModels(sequelize);
      const records = createPerformanceRecords({ models, scope: createScope(models), audit: createAudit(models), inTransaction: createTransactionRunner(sequelize) });
      const zhangsan = (await models.User.findOne({ where: { username: 'zhangsan' }, raw: true }))!;

      const inputs = await records.inputsFor(zhangsan.id, String(year));
      expect(inputs).toEqual({
        commendation: [{ code: 'commendation', work: '专项巡察报告', note: `${today} 专项巡察报告获市委肯定` }],
        errorNotice: [
          { code: 'errorNotice', note: `${today} 公文格式错误` },
          { code: 'politicalConduct', points: 2.5, note: `${today} 工作拖沓` },
        ],
        violations: [{ kind: 'inspectionFinding', rank: 'sectionMember', person: '张三', caseId: expect.stringMatching(/^record-\d+$/), multiplier: 'provincialInspection' }],
      });
      const month = today.slice(0, 7);
      expect(await records.inputsFor(zhangsan.id, month)).toEqual(inputs);
      expect(await records.inputsFor(zhangsan.id, `${year - 1}-Q4`)).toEqual({ errorNotice: [{ code: 'errorNotice', note: `${year - 1}-12-31 报表迟报` }] });
      expect(await records.inputsFor(zhangsan.id, `${year - 1}-11`)).toEqual({});
      await expect(records.inputsFor(zhangsan.id, 'this year')).rejects.toMatchObject({ status: 400, code: 'period.invalid' });

      const declaration = { self: ['好', '好'], supervisor: '好' };
      const chengdu = computeScore(getPreset('chengdu-2024')!, { subjectId: 'zhangsan', inputs: { declaration, commendation: inputs.commendation, errorNotice: inputs.errorNotice } });
      const plain = computeScore(getPreset('chengdu-2024')!, { subjectId: 'zhangsan', inputs: { declaration } });
      expect(chengdu.intermediates).toMatchObject({ commendation: '1.00', errorNotice: '3.50' });
      expect(Number(chengdu.total)).toBeCloseTo(Number(plain.total) + 1 - 3.5, 2);
      const quanzhou = computeScore(getPreset('quanzhou-2019')!, { subjectId: 'office', inputs: { targetScore: [{ name: '公文处理', points: 100, target: 10, actual: 10 }], publicScore: [90], violations: inputs.violations } });
      expect(quanzhou.intermediates.violations).toBe('0.60');
      expect(quanzhou.bonusCancellations).toEqual([{ person: '张三', roles: ['本人', '所在科室主要负责人', '单位分管领导'], reason: '察访核验查实存在违规问题' }]);
    });
  });
});

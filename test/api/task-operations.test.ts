import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { ApiClient } from '../support/api-client.ts';
import { item, openTask } from './declaration-scenario.ts';

type Task = { id: string; name: string; instanceId: string; assignee: string | null; owner: string | null; urgeCount: number; lastUrgedAt: string | null; state: string };
type Event = { action: string; actor: string; targetUser: string | null; comment: string | null; taskName: string | null };

const REVIEW = '科室负责人审核';
const DECLARE = '季度实绩申报';

/** 转办, 委派, 抄送, 催办, 撤回 over HTTP with the demo users, and the approval record (审批记录) they leave. */
describe('approval operations on inbox tasks', () => {
  let server: TestServer;
  const login = (username: string) => ApiClient.login(server.url, username);
  const inboxOf = async (client: ApiClient, view = 'todo') => (await client.get(`/api/tasks?view=${view}`)).body as Task[];
  const historyOf = async (client: ApiClient, taskId: string) => {
    const { status, body } = await client.get(`/api/tasks/${taskId}/history`);
    expect(status).toBe(200);
    return (body as Event[]).map((e) => [e.action, e.actor, e.targetUser]);
  };
  const declare = async (client: ApiClient) => {
    const task = await openTask(client, DECLARE);
    expect((await client.post(`/api/tasks/${task.id}/complete`, { data: { items: [item(1)] } })).status).toBe(200);
    return task;
  };
  const reviewOf = async (client: ApiClient, instanceId: string) => {
    const found = (await inboxOf(client)).find((t) => t.instanceId === instanceId && t.name === REVIEW);
    expect(found).toBeDefined();
    return found!;
  };

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.stop());

  it('转办 and 委派: hands a task over, lends it and gets it back, and records each step', async () => {
    const zhangsan = await login('zhangsan');
    const declared = await declare(zhangsan);
    const kzOffice = await login('kz_office');
    const review = await reviewOf(kzOffice, declared.instanceId);

    const self = await kzOffice.post(`/api/tasks/${review.id}/transfer`, { to: 'kz_office' });
    expect(self.status).toBe(400);
    expect(self.body.error).toMatchObject({ code: 'task.to_self', zh: '不能转交给自己' });
    const ghost = await kzOffice.post(`/api/tasks/${review.id}/transfer`, { to: 'nobody' });
    expect(ghost.status).toBe(400);
    expect(ghost.body.error).toMatchObject({ code: 'user.not_found', zh: '用户「nobody」不存在或已停用' });
    const office = await login('jxb');
    const notMine = await office.post(`/api/tasks/${review.id}/transfer`, { to: 'kz_plan' });
    expect(notMine.status).toBe(403);
    expect(notMine.body.error.code).toBe('task.not_assignee');
    expect((await zhangsan.post(`/api/tasks/${review.id}/transfer`, { to: 'kz_plan' })).status).toBe(404);

    const moved = await kzOffice.post(`/api/tasks/${review.id}/transfer`, { to: 'kz_plan', comment: '请吴科长代为审核' });
    expect(moved.status).toBe(200);
    expect(moved.body.task.assignee).toBe('kz_plan');
    expect((await inboxOf(kzOffice)).map((t) => t.id)).not.toContain(review.id);
    const kzPlan = await login('kz_plan');
    expect((await reviewOf(kzPlan, declared.instanceId)).id).toBe(review.id);

    const fgld = await login('fgld');
    expect((await kzPlan.post(`/api/tasks/${review.id}/delegate`, { to: 'fgld', comment: '请先把关' })).body.task).toMatchObject({ assignee: 'fgld', owner: 'kz_plan' });
    const early = await fgld.post(`/api/tasks/${review.id}/complete`, { data: { supervisorRating: '好', decision: 'approve' } });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('task.delegated');
    expect((await fgld.post(`/api/tasks/${review.id}/transfer`, { to: 'director' })).body.error.code).toBe('task.delegated');
    const ownerResolves = await kzPlan.post(`/api/tasks/${review.id}/resolve`, {});
    expect(ownerResolves.status).toBe(403);
    expect(ownerResolves.body.error.code).toBe('task.not_delegate');
    expect((await kzPlan.get(`/api/tasks/${review.id}`)).status).toBe(200);
    const back = await fgld.post(`/api/tasks/${review.id}/resolve`, { comment: '已核对' });
    expect(back.body.task).toMatchObject({ assignee: 'kz_plan', owner: null });
    expect((await fgld.post(`/api/tasks/${review.id}/resolve`, {})).status).toBe(404);
    expect((await kzPlan.post(`/api/tasks/${review.id}/complete`, { data: { supervisorRating: '好', decision: 'approve' } })).status).toBe(200);

    const events = (await zhangsan.get(`/api/tasks/${declared.id}/history`)).body as Event[];
    expect(events.map((e) => [e.action, e.actor, e.targetUser, e.taskName])).toEqual([
      ['complete', 'zhangsan', null, DECLARE],
      ['transfer', 'kz_office', 'kz_plan', REVIEW],
      ['delegate', 'kz_plan', 'fgld', REVIEW],
      ['resolve', 'fgld', 'kz_plan', REVIEW],
      ['complete', 'kz_plan', null, REVIEW],
    ]);
    expect(events[1].comment).toBe('请吴科长代为审核');
  });

  it('抄送: copied readers can read the task and find it under 抄送我的, but not complete or copy it on', async () => {
    const lisi = await login('lisi');
    const task = await openTask(lisi, DECLARE);
    const wangwu = await login('wangwu');
    expect((await wangwu.get(`/api/tasks/${task.id}`)).status).toBe(404);
    expect((await lisi.post(`/api/tasks/${task.id}/cc`, { users: ['lisi'] })).body.error.code).toBe('task.cc_empty');
    expect((await lisi.post(`/api/tasks/${task.id}/cc`, { users: ['wangwu', 'ghost'] })).body.error.code).toBe('user.not_found');
    const copied = await lisi.post(`/api/tasks/${task.id}/cc`, { users: ['wangwu', 'wangwu'], comment: '供参考' });
    expect(copied.status).toBe(200);
    expect(copied.body.copiedTo).toEqual(['wangwu']);
    expect((await lisi.post(`/api/tasks/${task.id}/cc`, { users: ['wangwu'] })).body.copiedTo).toEqual([]);

    expect((await wangwu.get(`/api/tasks/${task.id}`)).status).toBe(200);
    expect((await inboxOf(wangwu, 'cc')).map((t) => t.id)).toEqual([task.id]);
    expect((await inboxOf(wangwu)).map((t) => t.id)).not.toContain(task.id);
    const attempt = await wangwu.post(`/api/tasks/${task.id}/complete`, { data: { items: [item(1)] } });
    expect(attempt.status).toBe(403);
    expect(attempt.body.error.code).toBe('task.not_assignee');
    expect((await wangwu.post(`/api/tasks/${task.id}/cc`, { users: ['zhangsan'] })).body.error.code).toBe('task.cc_reader');
    expect(await historyOf(wangwu, task.id)).toEqual([['cc', 'lisi', 'wangwu']]);
    expect((await lisi.get('/api/tasks?view=other')).status).toBe(400);
  });

  it('催办: the person assessed and managers urge the assignee, at most once per 10 minutes each', async () => {
    const lisi = await login('lisi');
    const declared = await declare(lisi);
    const kzOffice = await login('kz_office');
    const review = await reviewOf(kzOffice, declared.instanceId);

    const urged = await lisi.post(`/api/tasks/${declared.id}/urge`, {});
    expect(urged.status).toBe(409);
    expect(urged.body.error.code).toBe('task.already_completed');
    expect((await lisi.get(`/api/tasks/${review.id}`)).status).toBe(404);
    expect((await kzOffice.post(`/api/tasks/${review.id}/urge`, {})).body.error.code).toBe('task.urge_forbidden');

    const office = await login('jxb');
    const first = await office.post(`/api/tasks/${review.id}/urge`, { comment: '请于本周内审核' });
    expect(first.status).toBe(200);
    expect(first.body.task.urgeCount).toBe(1);
    const again = await office.post(`/api/tasks/${review.id}/urge`, {});
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'task.urge_too_soon', zh: '您刚催办过，请 10 分钟后再催办' });
    const shown = await reviewOf(kzOffice, declared.instanceId);
    expect(shown.urgeCount).toBe(1);
    expect(shown.lastUrgedAt).toBeTruthy();
    expect((await historyOf(kzOffice, review.id)).at(-1)).toEqual(['urge', 'jxb', 'kz_office']);
  });

  it('撤回: the declarant takes the declaration back while the review is untouched, and not after', async () => {
    const admin = await login('admin');
    expect((await admin.post('/api/processes/quarterly-declaration/instances', { subjectUsername: 'wangwu', period: '2026-Q3' })).status).toBe(201);
    const wangwu = await login('wangwu');
    const mine = await declare(wangwu);
    const kzPlan = await login('kz_plan');
    const firstReview = await reviewOf(kzPlan, mine.instanceId);
    expect((await wangwu.post(`/api/tasks/${firstReview.id}/urge`, {})).status).toBe(404);

    const office = await login('jxb');
    expect((await office.post(`/api/tasks/${mine.id}/withdraw`, {})).body.error.code).toBe('task.withdraw_not_completer');
    const withdrawn = await wangwu.post(`/api/tasks/${mine.id}/withdraw`, { comment: '补充材料' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.task).toMatchObject({ name: DECLARE, assignee: 'wangwu', state: 'open' });
    expect((await inboxOf(kzPlan)).map((t) => t.id)).not.toContain(firstReview.id);
    expect((await kzPlan.get(`/api/tasks/${firstReview.id}`)).body.task.state).toBe('cancelled');
    const again = await wangwu.get(`/api/tasks/${withdrawn.body.task.id}`);
    expect(again.body.data.items).toHaveLength(1);
    expect((await historyOf(wangwu, withdrawn.body.task.id)).at(-1)).toEqual(['withdraw', 'wangwu', 'kz_plan']);

    expect((await wangwu.post(`/api/tasks/${withdrawn.body.task.id}/complete`, { data: { items: [item(1), item(2)] } })).status).toBe(200);
    const review = await reviewOf(kzPlan, withdrawn.body.task.instanceId);
    expect((await wangwu.post(`/api/tasks/${mine.id}/withdraw`, {})).body.error.code).toBe('task.withdraw_too_late');
    expect((await kzPlan.post(`/api/tasks/${review.id}/transfer`, { to: 'kz_office' })).status).toBe(200);
    const late = await wangwu.post(`/api/tasks/${withdrawn.body.task.id}/withdraw`, {});
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'task.withdraw_too_late', zh: '下一步已经办理，不能撤回' });
  });
});

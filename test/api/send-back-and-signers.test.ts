import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestServer, tempSqliteUrl, type TestServer } from '../support/server.ts';
import { createMysqlDatabase } from '../support/mysql.ts';
import { ApiClient } from '../support/api-client.ts';
import { waitFor } from '../support/wait-for.ts';
import { item } from './declaration-scenario.ts';

type Task = { id: string; name: string; elementId: string; instanceId: string; assignee: string | null; owner: string | null; state: string };
type Event = { action: string; actor: string; targetUser: string | null; comment: string | null; taskName: string | null };

const bpmn = (file: string) => fs.readFileSync(path.join(import.meta.dirname, 'bpmn', file), 'utf8');

const databases: Array<[string, () => Promise<{ url: string; drop(): Promise<void> }>]> = [
  ['SQLite', async () => ({ url: tempSqliteUrl(), drop: async () => undefined })],
  ['MySQL / MariaDB', createMysqlDatabase],
];

/** 退回 to any earlier step, 撤回 without a modelled return branch, and 加签 before and after, over HTTP on real processes. */
describe.each(databases)('退回 and 加签 on inbox tasks (%s)', (_name, createDatabase) => {
  let database: { url: string; drop(): Promise<void> };
  let server: TestServer;
  let admin: ApiClient;
  const login = (username: string) => ApiClient.login(server.url, username);
  /** Starts a process for a person and returns the instance key. */
  const startFor = async (processId: string, subjectUsername: string, period: string) => {
    const { status, body } = await admin.post(`/api/processes/${processId}/instances`, { subjectUsername, period });
    expect(status).toBe(201);
    return body.instanceId as string;
  };
  const taskAt = (client: ApiClient, instanceId: string, elementId: string) =>
    waitFor(async () => ((await client.get('/api/tasks')).body as Task[]).find((t) => t.instanceId === instanceId && t.elementId === elementId), `${elementId} in the inbox`, 10_000);
  const complete = async (client: ApiClient, task: Task, data: Record<string, unknown> = {}) => expect((await client.post(`/api/tasks/${task.id}/complete`, { data })).status).toBe(200);
  const historyOf = async (client: ApiClient, taskId: string) => ((await client.get(`/api/tasks/${taskId}/history`)).body as Event[]).map((e) => [e.action, e.actor, e.targetUser, e.comment]);

  beforeAll(async () => {
    database = await createDatabase();
    server = await startTestServer({ databaseUrl: database.url });
    admin = await login('admin');
    for (const file of ['three-step-approval.bpmn', 'any-and-all-sign.bpmn']) expect((await admin.post('/api/processes/deploy', { xml: bpmn(file) })).status).toBe(201);
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it('退回: the leader sends the instance back to any completed step; that person sees the comment and the flow goes on from there', async () => {
    const instance = await startFor('three-step-approval', 'zhangsan', '2026-Q1');
    const zhangsan = await login('zhangsan');
    await complete(zhangsan, await taskAt(zhangsan, instance, 'submit'));
    const kzOffice = await login('kz_office');
    await complete(kzOffice, await taskAt(kzOffice, instance, 'check'));
    const fgld = await login('fgld');
    const signOff = await taskAt(fgld, instance, 'signOff');

    const targets = await fgld.get(`/api/tasks/${signOff.id}/return-targets`);
    expect(targets.body.map((t: { elementId: string; name: string; completedBy: string }) => [t.elementId, t.name, t.completedBy])).toEqual([
      ['submit', '提交材料', 'zhangsan'],
      ['check', '科室审核', 'kz_office'],
    ]);
    expect((await kzOffice.post(`/api/tasks/${signOff.id}/send-back`, { to: 'check', comment: '请重审' })).status).toBe(404);
    const toSelf = await fgld.post(`/api/tasks/${signOff.id}/send-back`, { to: 'signOff', comment: '请重审' });
    expect(toSelf.status).toBe(400);
    expect(toSelf.body.error).toMatchObject({ code: 'task.return_target_invalid', zh: '只能退回到本流程中已经办理过的步骤' });
    expect((await fgld.post(`/api/tasks/${signOff.id}/send-back`, { to: 'check', comment: '  ' })).status).toBe(400);

    const back = await fgld.post(`/api/tasks/${signOff.id}/send-back`, { to: 'check', comment: '考核依据不足，请科室重新审核' });
    expect(back.status).toBe(200);
    expect(back.body.task).toMatchObject({ elementId: 'check', assignee: 'kz_office', state: 'open' });
    expect((await fgld.get(`/api/tasks/${signOff.id}`)).body.task.state).toBe('cancelled');
    expect(((await fgld.get('/api/tasks')).body as Task[]).filter((t) => t.instanceId === instance)).toEqual([]);
    const recheck = await taskAt(kzOffice, instance, 'check');
    expect((await kzOffice.get(`/api/tasks/${recheck.id}/return-note`)).body.note).toMatchObject({ by: 'fgld', fromStep: '分管领导审批', comment: '考核依据不足，请科室重新审核' });
    expect((await fgld.post(`/api/tasks/${signOff.id}/send-back`, { to: 'check', comment: '再次' })).body.error.code).toBe('task.already_completed');

    const again = await kzOffice.post(`/api/tasks/${recheck.id}/send-back`, { to: 'submit', comment: '请补充附件' });
    expect(again.body.task).toMatchObject({ elementId: 'submit', assignee: 'zhangsan' });
    const resubmit = await taskAt(zhangsan, instance, 'submit');
    expect((await zhangsan.get(`/api/tasks/${resubmit.id}/return-note`)).body.note).toMatchObject({ by: 'kz_office', comment: '请补充附件' });
    await complete(zhangsan, resubmit);
    const thirdCheck = await taskAt(kzOffice, instance, 'check');
    expect((await kzOffice.get(`/api/tasks/${thirdCheck.id}/return-note`)).body.note).toBeNull();
    await complete(kzOffice, thirdCheck);
    await complete(fgld, await taskAt(fgld, instance, 'signOff'));
    const finished = await waitFor(async () => {
      const { body } = await admin.get(`/api/instances/${instance}`);
      return body.instance?.status === 'completed' ? body.instance : undefined;
    }, 'the instance to complete');
    expect(finished.status).toBe('completed');
    expect(await historyOf(zhangsan, resubmit.id)).toEqual([
      ['complete', 'zhangsan', null, null],
      ['complete', 'kz_office', null, null],
      ['return', 'fgld', 'kz_office', '考核依据不足，请科室重新审核'],
      ['return', 'kz_office', 'zhangsan', '请补充附件'],
      ['complete', 'zhangsan', null, null],
      ['complete', 'kz_office', null, null],
      ['complete', 'fgld', null, null],
    ]);
  });

  it('撤回 without a modelled return branch: the engine moves the token back to the withdrawn step', async () => {
    const instance = await startFor('three-step-approval', 'lisi', '2026-Q1');
    const lisi = await login('lisi');
    const submitted = await taskAt(lisi, instance, 'submit');
    await complete(lisi, submitted);
    const kzOffice = await login('kz_office');
    const check = await taskAt(kzOffice, instance, 'check');
    const withdrawn = await lisi.post(`/api/tasks/${submitted.id}/withdraw`, { comment: '材料有误' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.task).toMatchObject({ elementId: 'submit', assignee: 'lisi', state: 'open' });
    expect((await kzOffice.get(`/api/tasks/${check.id}`)).body.task.state).toBe('cancelled');
    expect((await historyOf(lisi, submitted.id)).at(-1)).toEqual(['withdraw', 'lisi', 'kz_office', '材料有误']);
    await complete(lisi, await taskAt(lisi, instance, 'submit'));
    expect((await taskAt(kzOffice, instance, 'check')).id).not.toBe(check.id);
  });

  it('或签 and 会签 as multi-instance settings: one confirmation closes the other person\'s task; every one is needed after that', async () => {
    const instance = await startFor('any-and-all-sign', 'zhangsan', '2026-Q3');
    const kzOffice = await login('kz_office');
    const fgld = await login('fgld');
    const confirm = { decision: 'confirm' };
    const leaderAny = await taskAt(fgld, instance, 'anyOne');
    const supervisorAny = await taskAt(kzOffice, instance, 'anyOne');
    expect((await fgld.post(`/api/tasks/${leaderAny.id}/complete`, { data: {} })).body.error.code).toBe('form.invalid');
    await complete(fgld, leaderAny, confirm);
    expect((await kzOffice.get(`/api/tasks/${supervisorAny.id}`)).body.task.state).toBe('cancelled');

    const supervisorAll = await taskAt(kzOffice, instance, 'everyone');
    await complete(kzOffice, supervisorAll, confirm);
    expect((await admin.get(`/api/instances/${instance}`)).body.instance.status).toBe('running');
    await complete(fgld, await taskAt(fgld, instance, 'everyone'), confirm);
    const finished = await waitFor(async () => {
      const { body } = await admin.get(`/api/instances/${instance}`);
      return body.instance?.status === 'completed' ? body.instance : undefined;
    }, 'both to confirm');
    expect(finished.variables).toMatchObject({ anyDecisions: [null, 'confirm'], allDecisions: ['confirm', 'confirm'] });
  });

  it('前加签: the added signer signs first, the task comes back to the assignee, who completes it', async () => {
    const instance = await startFor('three-step-approval', 'wangwu', '2026-Q1');
    const wangwu = await login('wangwu');
    await complete(wangwu, await taskAt(wangwu, instance, 'submit'));
    const kzPlan = await login('kz_plan');
    const check = await taskAt(kzPlan, instance, 'check');
    expect((await kzPlan.post(`/api/tasks/${check.id}/add-signer`, { to: 'kz_plan', position: 'before' })).body.error.code).toBe('task.to_self');
    expect((await kzPlan.post(`/api/tasks/${check.id}/add-signer`, { to: 'kz_office', position: 'sideways' })).status).toBe(400);

    const added = await kzPlan.post(`/api/tasks/${check.id}/add-signer`, { to: 'kz_office', position: 'before', comment: '请周科长先签署意见' });
    expect(added.status).toBe(200);
    expect(added.body.task).toMatchObject({ assignee: 'kz_office', owner: 'kz_plan' });
    const kzOffice = await login('kz_office');
    expect((await kzOffice.post(`/api/tasks/${check.id}/complete`, { data: {} })).body.error.code).toBe('task.delegated');
    const resolve = await kzOffice.post(`/api/tasks/${check.id}/resolve`, {});
    expect(resolve.status).toBe(409);
    expect(resolve.body.error).toMatchObject({ code: 'task.signing', zh: '这是加签任务，请签署意见（同意或不同意）' });
    expect((await kzPlan.post(`/api/tasks/${check.id}/sign`, { decision: 'approve' })).body.error.code).toBe('task.not_signer');

    const signed = await kzOffice.post(`/api/tasks/${check.id}/sign`, { decision: 'approve', comment: '同意，材料齐全' });
    expect(signed.status).toBe(200);
    expect(signed.body.task).toMatchObject({ assignee: 'kz_plan', owner: null, state: 'open' });
    expect((await kzPlan.get(`/api/tasks/${check.id}/signers`)).body).toMatchObject([{ signer: 'kz_office', owner: 'kz_plan', position: 'before', state: 'approved' }]);
    await complete(kzPlan, check);
    expect((await kzPlan.get(`/api/tasks/${check.id}/history`)).body.slice(-3).map((e: Event) => [e.action, e.actor, e.targetUser, e.comment])).toEqual([
      ['add_signer_before', 'kz_plan', 'kz_office', '请周科长先签署意见'],
      ['sign_approve', 'kz_office', 'kz_plan', '同意，材料齐全'],
      ['complete', 'kz_plan', null, null],
    ]);
  });

  it('后加签: the reviewer completes, the process waits for the added signer; a rejection gives the task back, an approval moves on', async () => {
    const instance = await startFor('quarterly-declaration', 'zhangsan', '2026-Q2');
    const zhangsan = await login('zhangsan');
    await complete(zhangsan, await taskAt(zhangsan, instance, 'declare'), { items: [item(1)] });
    const kzOffice = await login('kz_office');
    const review = await taskAt(kzOffice, instance, 'review');

    const incomplete = await kzOffice.post(`/api/tasks/${review.id}/add-signer`, { to: 'fgld', position: 'after', data: { supervisorRating: '好' } });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.error.code).toBe('form.invalid');
    expect((await kzOffice.get(`/api/tasks/${review.id}/signers`)).body).toEqual([]);

    const approval = { supervisorRating: '好', decision: 'approve' };
    expect((await kzOffice.post(`/api/tasks/${review.id}/add-signer`, { to: 'fgld', position: 'after', data: approval, comment: '同意，请钱分管复核' })).body.task).toMatchObject({ assignee: 'fgld', owner: 'kz_office' });
    const fgld = await login('fgld');
    const rejected = await fgld.post(`/api/tasks/${review.id}/sign`, { decision: 'reject', comment: '评分偏高' });
    expect(rejected.body.task).toMatchObject({ assignee: 'kz_office', owner: null, state: 'open' });

    await kzOffice.post(`/api/tasks/${review.id}/add-signer`, { to: 'fgld', position: 'after', data: { ...approval, supervisorRating: '较好' } });
    const approved = await fgld.post(`/api/tasks/${review.id}/sign`, { decision: 'approve', comment: '同意' });
    expect(approved.status).toBe(200);
    expect(approved.body.task).toMatchObject({ state: 'completed', completedBy: 'kz_office' });
    const finished = await waitFor(async () => {
      const { body } = await admin.get(`/api/instances/${instance}`);
      return body.instance?.status === 'completed' ? body.instance : undefined;
    }, 'the declaration to be scored', 15_000);
    expect(finished.variables).toMatchObject({ decision: 'approve', supervisorRating: '较好' });
    expect((await kzOffice.get(`/api/tasks/${review.id}`)).body.data).toMatchObject({ supervisorRating: '较好' });
    expect((await historyOf(kzOffice, review.id)).slice(-4).map((e) => e.slice(0, 3))).toEqual([
      ['add_signer_after', 'kz_office', 'fgld'],
      ['sign_reject', 'fgld', 'kz_office'],
      ['add_signer_after', 'kz_office', 'fgld'],
      ['sign_approve', 'fgld', 'kz_office'],
    ]);
  });
});

import fs from 'node:fs';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { ApiClient } from '../support/api-client.ts';
import { declareAndApprove, item, openTask, scoreOf } from './declaration-scenario.ts';
import { EXPECTED_DEMO_SCORE } from './expected-scores.ts';

/** The whole quarterly declaration flow through the HTTP API, on the database the caller provides. */
export function declarationFlowSuite(name: string, database: () => Promise<{ url: string; drop(): Promise<void> } | null>) {
  describe(`季度实绩申报 end to end over HTTP (${name})`, () => {
    let server: TestServer;
    let drop: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      const db = await database();
      drop = db?.drop;
      server = await startTestServer({ databaseUrl: db?.url });
    });
    afterAll(async () => {
      await server?.stop();
      await drop?.();
    });

    it('refuses requests without a session and wrong passwords', async () => {
      const anonymous = new ApiClient(server.url);
      const tasks = await anonymous.get('/api/tasks');
      expect(tasks.status).toBe(401);
      expect(tasks.body.error).toMatchObject({ code: 'auth.required', zh: '请先登录' });
      const login = await anonymous.post('/api/auth/login', { username: 'zhangsan', password: 'wrong' });
      expect(login.status).toBe(401);
      expect(login.body.error.code).toBe('auth.invalid_credentials');
      expect((await anonymous.post('/api/auth/login', { username: '' })).status).toBe(400);
    });

    it('rejects a 6th item and missing fields on the server, and keeps the task open', async () => {
      const zhangsan = await ApiClient.login(server.url, 'zhangsan');
      const task = await openTask(zhangsan, '季度实绩申报');
      const six = await zhangsan.post(`/api/tasks/${task.id}/complete`, { data: { items: [1, 2, 3, 4, 5, 6].map((n) => item(n)) } });
      expect(six.status).toBe(400);
      expect(six.body.error.code).toBe('form.invalid');
      expect(six.body.error.details).toContainEqual(expect.objectContaining({ path: 'items', zh: expect.stringContaining('最多 5 项') }));
      const missing = await zhangsan.post(`/api/tasks/${task.id}/complete`, { data: { items: [{ source: '岗位职责', selfRating: '好' }] } });
      expect(missing.status).toBe(400);
      expect(missing.body.error.details).toContainEqual(expect.objectContaining({ path: 'items[0].description', zh: '「工作实绩」为必填项' }));
      const badChoice = await zhangsan.post(`/api/tasks/${task.id}/complete`, { data: { items: [{ ...item(1), selfRating: '特别好' }] } });
      expect(badChoice.status).toBe(400);
      expect((await openTask(zhangsan, '季度实绩申报')).id).toBe(task.id);
    });

    it('does not let anyone else complete a person\'s task', async () => {
      const zhangsanTask = await openTask(await ApiClient.login(server.url, 'zhangsan'), '季度实绩申报');
      const lisi = await ApiClient.login(server.url, 'lisi');
      expect((await lisi.post(`/api/tasks/${zhangsanTask.id}/complete`, { data: { items: [item(1)] } })).status).toBe(404);
      const office = await ApiClient.login(server.url, 'jxb');
      const seen = await office.get(`/api/tasks/${zhangsanTask.id}`);
      expect(seen.status).toBe(200);
      const attempt = await office.post(`/api/tasks/${zhangsanTask.id}/complete`, { data: { items: [item(1)] } });
      expect(attempt.status).toBe(403);
      expect(attempt.body.error).toMatchObject({ code: 'task.not_assignee', zh: '这不是您的待办任务' });
    });

    it('runs declare → send back → correct → approve → compute-score, and shows the score with its trace', async () => {
      const { staffClient, boss } = await declareAndApprove(server.url, 'zhangsan', 'kz_office');
      const mine = await scoreOf(staffClient, 'zhangsan');
      expect(mine.score).toBe(EXPECTED_DEMO_SCORE);
      expect(mine.trace.length).toBeGreaterThan(0);
      expect((await scoreOf(boss, 'zhangsan')).score).toBe(EXPECTED_DEMO_SCORE);
      // another staff member of another department does not see it
      const wangwu = await ApiClient.login(server.url, 'wangwu');
      expect((await wangwu.get('/api/results')).body).toEqual([]);
    });

    it('answers 409 when a completed task is completed again', async () => {
      const lisi = await ApiClient.login(server.url, 'lisi');
      const task = await openTask(lisi, '季度实绩申报');
      expect((await lisi.post(`/api/tasks/${task.id}/complete`, { data: { items: [item(1)] } })).status).toBe(200);
      const twice = await lisi.post(`/api/tasks/${task.id}/complete`, { data: { items: [item(1)] } });
      expect(twice.status).toBe(409);
      expect(twice.body.error.code).toBe('task.already_completed');
    });

    it('rejects an invalid BPMN upload with the element and rule, deploying nothing', async () => {
      const admin = await ApiClient.login(server.url, 'admin');
      const before = (await admin.get('/api/processes/quarterly-declaration')).body.version;
      const xml = fs.readFileSync('processes/quarterly-declaration.bpmn', 'utf8').replace('<zeebe:taskDefinition type="compute-score" retries="3" />', '');
      const bad = await admin.post('/api/processes/deploy', { xml });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('bpmn.invalid');
      expect(bad.body.error.details).toContainEqual(expect.objectContaining({ elementId: 'compute_score' }));
      expect((await admin.post('/api/processes/deploy', { xml: '<not-bpmn/>' })).status).toBe(400);
      expect((await admin.get('/api/processes/quarterly-declaration')).body.version).toBe(before);
      const staff = await ApiClient.login(server.url, 'zhangsan');
      expect((await staff.post('/api/processes/deploy', { xml })).status).toBe(403);
    });

    it('runs a new version for new instances while running instances keep theirs', async () => {
      const admin = await ApiClient.login(server.url, 'admin');
      const old = await admin.post('/api/processes/quarterly-declaration/instances', { subjectUsername: 'wangwu', period: '2026-Q3' });
      expect(old.status).toBe(201);
      const xml = fs.readFileSync('test/fixtures/quarterly-declaration-with-leader.bpmn', 'utf8');
      const deployed = await admin.post('/api/processes/deploy', { xml });
      expect(deployed.status).toBe(201);
      const fresh = await admin.post('/api/processes/quarterly-declaration/instances', { subjectUsername: 'wangwu', period: '2026-Q2' });
      expect(fresh.body.version).toBe(deployed.body.version);
      expect(old.body.version).toBeLessThan(deployed.body.version);

      const wangwu = await ApiClient.login(server.url, 'wangwu');
      const kz = await ApiClient.login(server.url, 'kz_plan');
      const fgld = await ApiClient.login(server.url, 'fgld');
      for (const instanceId of [old.body.instanceId, fresh.body.instanceId]) {
        const tasks = (await wangwu.get('/api/tasks')).body.filter((t: { instanceId: string }) => t.instanceId === instanceId);
        expect((await wangwu.post(`/api/tasks/${tasks[0].id}/complete`, { data: { items: [item(1)] } })).status).toBe(200);
        const review = (await kz.get('/api/tasks')).body.find((t: { instanceId: string }) => t.instanceId === instanceId);
        expect((await kz.post(`/api/tasks/${review.id}/complete`, { data: { supervisorRating: '较好', decision: 'approve' } })).status).toBe(200);
      }
      const leaderTasks = (await fgld.get('/api/tasks')).body;
      expect(leaderTasks.map((t: { instanceId: string; name: string }) => [t.instanceId, t.name])).toEqual([[fresh.body.instanceId, '分管领导审批']]);
      const instance = await admin.get(`/api/instances/${old.body.instanceId}`);
      expect(instance.status).toBe(200);
      expect(instance.body.history.map((h: { elementId: string }) => h.elementId)).not.toContain('leader_approval');
    });

    it('publishes an OpenAPI document that lists every route', async () => {
      const { status, body } = await new ApiClient(server.url).get('/api/openapi.json');
      expect(status).toBe(200);
      expect(Object.keys(body.paths)).toEqual(
        expect.arrayContaining(['/api/auth/login', '/api/me', '/api/tasks', '/api/tasks/{id}/complete', '/api/processes/deploy', '/api/results']),
      );
      expect(body.paths['/api/tasks/{id}/complete'].post.requestBody).toBeTruthy();
      const names = (route: { parameters?: Array<{ name: string; in: string }> }) => (route.parameters ?? []).map((p) => `${p.in}:${p.name}`);
      expect(names(body.paths['/api/tasks/{id}'].get)).toEqual(['path:id']);
      expect(names(body.paths['/api/tasks'].get)).toEqual(['query:view']);
      expect(names(body.paths['/api/calendar/working-days'].get)).toEqual(['query:from', 'query:days']);
    });
  });
}

import { expect } from 'vitest';
import { ApiClient } from '../support/api-client.ts';
import { waitFor } from '../support/wait-for.ts';

export const item = (n: number, selfRating = '好') => ({ source: '岗位职责', description: `第 ${n} 项工作实绩：按期完成公文流转`, selfRating });

/** The task of that name in the caller's inbox (engines may deliver it a moment after the previous step). */
export async function openTask(client: ApiClient, name: string) {
  return waitFor(async () => {
    const { status, body } = await client.get('/api/tasks');
    expect(status).toBe(200);
    return body.find((t: { name: string }) => t.name === name) as { id: string; name: string; instanceId: string; formKey: string; subject: { username: string } } | undefined;
  }, `「${name}」 in the inbox`, 10_000);
}

export async function scoreOf(client: ApiClient, username: string) {
  return waitFor(async () => {
    const { body } = await client.get('/api/results');
    return (body as Array<{ subject: { username: string }; score: string; trace: unknown[] }>).find((r) => r.subject.username === username);
  }, `score of ${username}`);
}

/** Staff declares, supervisor sends back, staff corrects, supervisor approves; returns the supervisor client. */
export async function declareAndApprove(url: string, staff: string, supervisor: string, supervisorRating = '好') {
  const staffClient = await ApiClient.login(url, staff);
  const declare = await openTask(staffClient, '季度实绩申报');
  expect((await staffClient.post(`/api/tasks/${declare.id}/complete`, { data: { items: [item(1), item(2, '较好')] } })).status).toBe(200);

  const boss = await ApiClient.login(url, supervisor);
  let review = await openTask(boss, '科室负责人审核');
  const back = await boss.post(`/api/tasks/${review.id}/complete`, { data: { supervisorRating, decision: 'return', reviewComment: '请补充第 2 项的量化成果' } });
  expect(back.status).toBe(200);

  const again = await openTask(staffClient, '季度实绩申报');
  const detail = await staffClient.get(`/api/tasks/${again.id}`);
  expect(detail.body.data.reviewComment).toBe('请补充第 2 项的量化成果');
  expect(detail.body.data.items).toHaveLength(2);
  const items = [item(1), { ...item(2, '较好'), description: '完成公文流转 1200 件，差错率为 0' }];
  expect((await staffClient.post(`/api/tasks/${again.id}/complete`, { data: { items } })).status).toBe(200);

  review = await openTask(boss, '科室负责人审核');
  const shown = await boss.get(`/api/tasks/${review.id}`);
  expect(shown.body.data.items[1].description).toBe('完成公文流转 1200 件，差错率为 0');
  expect((await boss.post(`/api/tasks/${review.id}/complete`, { data: { supervisorRating, decision: 'approve' } })).status).toBe(200);
  return { staffClient, boss };
}

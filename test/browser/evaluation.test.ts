import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestServer } from '../support/server.ts';
import { ApiClient } from '../support/api-client.ts';
import { waitFor } from '../support/wait-for.ts';
import { login, logout, screenshot, withBrowserSession } from './browser.ts';

interface Task {
  id: string;
  elementId: string;
  subject: { username: string } | null;
}

/**
 * 王五's annual evaluation (综合规划科, a cycle of one) through the inbox: he evaluates himself in the browser, the
 * peers, leaders and the public answer over the API, his section head rates him in the browser, and he finds his
 * score and grade on 考核结果.
 */
describe('绩效评价 in the browser', () => {
  let server: TestServer;
  let page: Page;
  let outside: string[];
  withBrowserSession((session) => {
    ({ server, page, outside } = session);
  });

  async function apiTask(username: string, elementId: string): Promise<{ client: ApiClient; task: Task }> {
    const client = await ApiClient.login(server.url, username);
    const task = await waitFor(async () => ((await client.get('/api/tasks')).body as Task[]).find((t) => t.elementId === elementId && (t.subject?.username ?? 'wangwu') === 'wangwu'), `${username}: ${elementId}`, 60_000);
    return { client, task };
  }

  async function completeOverApi(username: string, elementId: string, data: Record<string, unknown>) {
    const { client, task } = await apiTask(username, elementId);
    const { status, body } = await client.post(`/api/tasks/${task.id}/complete`, { data });
    expect(status, JSON.stringify(body)).toBe(200);
  }

  async function openFromInbox(name: string) {
    const link = page.getByTestId('inbox').getByRole('link', { name });
    for (let attempt = 0; attempt < 60 && !(await link.count()); attempt++) {
      await page.waitForTimeout(500);
      await page.reload();
      await page.getByTestId('inbox').waitFor();
    }
    await link.first().click();
    await page.getByRole('button', { name: '提交', exact: true }).waitFor();
  }

  it('self-evaluation and the supervisor’s rating in the inbox; the person then sees the score and grade', async () => {
    const office = await ApiClient.login(server.url, 'jxb');
    const planning = (await (await ApiClient.login(server.url, 'kz_plan')).get('/api/me')).body.unit.id;
    const cycle = (await office.post('/api/cycles', { name: '2026年度个人绩效考核（综合规划科）', kind: 'annual', period: '2026', processId: 'performance-cycle', ruleSet: 'civil-servant-model', unitId: planning })).body;
    expect((await office.post(`/api/cycles/${cycle.id}/launch`)).status).toBe(202);

    // plan: the commitment letter and its approvals, over the API
    await completeOverApi('wangwu', 'fill_commitment', { targets: [{ name: '年度规划编制完成率', target: 100, measure: '%', points: 100, deadline: '2026-12-31' }] });
    for (const [who, step] of [['kz_plan', 'supervisor_review'], ['fgld', 'leader_review'], ['jxb', 'office_review']]) {
      await completeOverApi(who, step, { decision: 'approve', approvalComment: '同意' });
    }
    await waitFor(async () => ((await office.post(`/api/cycles/${cycle.id}/evaluation`)).status === 200 ? true : undefined), 'the evaluation to open', 30_000);

    // 王五 evaluates himself: his published target is shown read-only, the actual value is his to fill
    await login(page, server.url, 'wangwu');
    await openFromInbox('个人自评');
    const targets = page.locator('.formio-component-targets');
    await expect(targets.locator('input').first().inputValue()).resolves.toBe('年度规划编制完成率');
    expect(await targets.locator('input:not([disabled])').count()).toBe(0);
    // without the actual value the form refuses, in the browser
    await page.locator('.formio-component-selfSummary textarea').fill('完成年度综合交通规划编制，组织专家评审 3 次');
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await expect(page.getByTestId('form-problems').textContent()).resolves.toContain('实际完成值为必填项');
    await page.locator('.formio-component-coreTaskResults .formio-component-actual input').first().fill('96');
    await screenshot(page, 'evaluation-self');
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page.getByText('「个人自评」已提交').waitFor();
    await logout(page);

    // colleagues, leaders and the public answer
    const marks = (prefix: string, value: number) => Object.fromEntries(['De', 'Neng', 'Qin', 'Lian'].map((d) => [`${prefix}${d}`, value]));
    for (const peer of ['zhangsan', 'lisi']) await completeOverApi(peer, 'peer_review', marks('peer', 88));
    for (const leader of ['director', 'fgld']) await completeOverApi(leader, 'leader_vote', marks('leader', 90));
    await completeOverApi('gongzhong', 'public_evaluation', { publicSatisfaction: 92, publicService: 94 });

    // 吴科长 rates him, seeing his summary read-only
    await login(page, server.url, 'kz_plan');
    await openFromInbox('直接领导评价');
    expect(await page.locator('.formio-component-selfSummary').textContent()).toContain('综合交通规划');
    for (const [key, value] of [['supervisorDe', '90'], ['supervisorNeng', '90'], ['supervisorQin', '90'], ['supervisorLian', '90'], ['contribution', '85']]) {
      await page.locator(`.formio-component-${key} input`).fill(value);
    }
    await page.locator('.formio-component-supervisorComment textarea').fill('规划编制质量高');
    await screenshot(page, 'evaluation-supervisor');
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page.getByText('「直接领导评价」已提交').waitFor();
    await logout(page);

    // the cohort of one is graded; 王五 sees his score and grade
    await login(page, server.url, 'wangwu');
    const row = page.locator('[data-testid=results] tr[data-subject=wangwu]');
    for (let attempt = 0; attempt < 60; attempt++) {
      await page.getByRole('link', { name: '考核结果' }).click();
      await page.locator('[data-testid=results], .empty').first().waitFor();
      if ((await row.count()) && (await row.locator('.tag.success').count())) break;
      await page.waitForTimeout(500);
      await page.reload();
    }
    // 88 × 20 % + 90 × 50 % + 92 × 30 % = 90.2 for 德能勤廉; 绩 = 96 × 50 % + 85 × 20 % + 94 × 30 % = 93.2
    expect(await row.locator('.score').textContent()).toBe('91.40');
    expect(await row.locator('.tag.success').textContent()).toBe('称职');
    await screenshot(page, 'evaluation-result');

    // 结果公示 shows the grade to the unit, not the score
    await page.getByRole('link', { name: '结果公示' }).click();
    const published = page.getByTestId('publicity').locator('tbody tr', { hasText: '王五' });
    await expect(published.textContent()).resolves.toContain('称职');
    expect(await page.getByTestId('publicity').textContent()).not.toContain('91.40');
    expect(outside).toEqual([]);
  });
});

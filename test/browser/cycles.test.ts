import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import sqlite3 from 'sqlite3';
import type { TestServer } from '../support/server.ts';
import { login, withBrowserSession, screenshot } from './browser.ts';

/** The message under a form field, which the field's control points to with aria-describedby. */
async function fieldMessage(page: Page, control: Locator): Promise<string> {
  const id = await control.getAttribute('aria-describedby');
  expect(id).toBeTruthy();
  return (await page.locator(`[id="${id}"]`).textContent())?.trim() ?? '';
}

/** A notice for `username`, written as the server's services would (there is no API to send one). */
function sendNotice(databaseUrl: string, username: string, notice: { zh: string; en: string; link: string }): Promise<void> {
  const db = new sqlite3.Database(databaseUrl.replace(/^sqlite:/, ''));
  const now = new Date().toISOString().replace('T', ' ').replace('Z', ' +00:00');
  return new Promise((resolve, reject) => {
    db.run(
      `INSERT INTO notifications (userId, kind, zh, en, link, createdAt, readAt)
       SELECT id, 'result', ?, ?, ?, ?, NULL FROM users WHERE username = ?`,
      [notice.zh, notice.en, notice.link, now, username],
      (error) => db.close(() => (error ? reject(error) : resolve())),
    );
  });
}

describe('考核周期 in the browser', () => {
  let server: TestServer;
  let page: Page;
  let outside: string[];
  withBrowserSession((session) => {
    ({ server, page, outside } = session);
    page.on('dialog', (dialog) => dialog.accept());
  });

  it('the office creates a quarterly cycle, is told why a period is refused, launches it and follows its steps', async () => {
    await login(page, server.url, 'jxb');
    await page.getByRole('link', { name: '考核周期' }).click();
    const list = page.getByTestId('cycles');
    const demo = list.locator('tr', { hasText: '2026年第四季度平时考核' });
    await demo.waitFor();
    expect(await demo.textContent()).toContain('已发起');
    expect(await demo.textContent()).toContain('季度实绩申报');
    expect(await list.locator('tr', { hasText: '2026年度个人绩效考核' }).textContent()).toContain('草稿');

    // a period the server refuses: its message stands under the period field
    await page.getByRole('button', { name: '新建考核周期' }).click();
    const form = page.getByTestId('cycle-form');
    await form.getByLabel('周期名称').fill('2027年第一季度平时考核');
    await form.getByLabel('周期类型').selectOption({ label: '季度' });
    await form.getByLabel('考核期间').fill('Q1');
    await form.getByLabel('考核流程').selectOption('quarterly-declaration');
    await form.getByLabel('计分规则集').selectOption('chengdu-2024');
    expect(await form.getByLabel('考核单位').locator('option:checked').textContent()).toBe('市交通运输局');
    // every unit the office manages, indented under its parent
    expect(await form.getByLabel('考核单位').locator('option').allTextContents()).toEqual(['市交通运输局', '　办公室', '　综合规划科', '　建设管理科', '　甲县交通运输局', '　乙县交通运输局']);
    await form.getByRole('button', { name: '保存为草稿' }).click();
    await form.getByTestId('field-error').waitFor();
    expect(await form.getByLabel('考核期间').getAttribute('aria-invalid')).toBe('true');
    expect(await fieldMessage(page, form.getByLabel('考核期间'))).toContain('周期格式：2026、2026-Q4 或 2026-11');
    expect(await form.getByTestId('field-error').count()).toBe(1);
    await screenshot(page, 'cycles-form-error');

    // corrected, saved as a draft and launched: the progress reaches 3/3
    await form.getByLabel('考核期间').fill('2027-Q1');
    await form.getByRole('button', { name: '保存为草稿' }).click();
    await form.waitFor({ state: 'detached' });
    const cycle = list.locator('tr', { hasText: '2027年第一季度平时考核' });
    await cycle.waitFor();
    expect(await cycle.textContent()).toContain('草稿');
    expect(await cycle.textContent()).toContain('2027年第一季度');
    await cycle.getByRole('button', { name: '发起' }).click();
    await cycle.getByTestId('launch-progress').filter({ hasText: '已发起 3/3 人' }).waitFor({ timeout: 30_000 });
    await cycle.getByTestId('cycle-status').filter({ hasText: '已发起' }).waitFor();
    expect(await cycle.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('3');
    await screenshot(page, 'cycles-list');

    // the overview: everyone is at 季度实绩申报, with green lights
    await cycle.getByRole('link', { name: '2027年第一季度平时考核' }).click();
    const step = page.getByTestId('cycle-steps').locator('tr[data-step="季度实绩申报"]');
    await step.waitFor();
    expect((await step.locator('[data-column="people"]').textContent())?.trim()).toBe('3');
    expect(await step.locator('[data-light="green"]').textContent()).toContain('3');
    expect(await page.getByTestId('cycle-figures').locator('[data-figure="people"] dd').textContent()).toBe('3');
    expect(await page.getByTestId('cycle-results').count()).toBe(0);
    expect(await page.getByTestId('result-list-commendation').textContent()).toContain('表彰名单');
    expect(await page.getByTestId('result-list-talk').textContent()).toContain('约谈名单');

    // 开启评价 once: the time it opened shows
    await page.getByRole('button', { name: '开启评价' }).click();
    expect(await page.getByTestId('open-evaluation').getByText(/已于 .* 开启评价/).textContent()).toMatch(/^已于 \d{4}/);
    await screenshot(page, 'cycle-overview');

    // a draft cannot open its evaluation: the server's reason shows in Chinese
    await page.getByRole('link', { name: '返回考核周期' }).click();
    await list.locator('tr', { hasText: '2026年度个人绩效考核' }).getByRole('link').click();
    await page.getByRole('button', { name: '开启评价' }).click();
    expect(await page.getByTestId('open-evaluation').getByRole('alert').textContent()).toBe('考核周期尚未发起完成，不能开启评价');
    expect(outside).toEqual([]);
  });

  it('a notice shows in the bell, is marked read when clicked and leads to its page', async () => {
    await sendNotice(server.databaseUrl, 'jxb', { zh: '2026年第四季度考核结果已评定', en: 'The 2026 Q4 results are graded', link: '/results' });
    await page.reload();
    await page.getByTestId('notice-unread').filter({ hasText: '1' }).waitFor();
    await page.getByTestId('notice-bell').click();
    const notices = page.getByTestId('notices');
    expect(await notices.textContent()).toContain('1 条未读');
    await screenshot(page, 'notices');
    await notices.getByRole('button', { name: /2026年第四季度考核结果已评定/ }).click();
    await page.waitForURL(/#\/results$/);
    await page.getByTestId('notice-unread').waitFor({ state: 'detached' });
    await page.getByTestId('notice-bell').click();
    expect(await notices.textContent()).toContain('0 条未读');

    // in English, the notice and the cycles read in English
    await page.getByRole('button', { name: 'EN' }).click();
    await page.getByTestId('notice-bell').click();
    expect(await notices.textContent()).toContain('The 2026 Q4 results are graded');
    await page.getByRole('link', { name: 'Cycles' }).click();
    await page.getByRole('heading', { name: 'Assessment cycles' }).waitFor();
    expect(await page.getByTestId('cycles').locator('tr', { hasText: '2027年第一季度平时考核' }).textContent()).toContain('Quarterly');
    await screenshot(page, 'cycles-en');
    await page.getByRole('button', { name: '中文' }).click();
  });
});

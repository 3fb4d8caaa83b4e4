import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { TestServer } from '../support/server.ts';
import { login, logout, screenshot, withBrowserSession } from './browser.ts';

/** Picks an option of a Form.io select (Choices.js widget) inside `scope`. */
async function choose(scope: Locator, option: string) {
  await scope.locator('.choices').click();
  await scope.locator('.choices__list--dropdown').getByText(option, { exact: true }).click();
}

function itemRows(page: Page): Locator {
  return page.locator('.formio-component-items table.datagrid-table > tbody > tr');
}

async function fillItem(row: Locator, item: { source: string; description: string; selfRating: string }) {
  await choose(row.locator('.formio-component-source'), item.source);
  await row.locator('.formio-component-description textarea').fill(item.description);
  await choose(row.locator('.formio-component-selfRating'), item.selfRating);
}

async function openTask(page: Page, name: string) {
  await page.getByTestId('inbox').getByRole('link', { name }).click();
  await page.locator('.formio-component-items').waitFor();
}

describe('季度实绩申报 in the browser', () => {
  let server: TestServer;
  let page: Page;
  let outside: string[];
  withBrowserSession((session) => {
    ({ server, page, outside } = session);
  });

  it('staff declares, the section head approves, both see the score; nothing leaves localhost', async () => {
    const completions: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/complete')) completions.push(request.url());
    });

    // 张三 opens his declaration
    await login(page, server.url, 'zhangsan');
    await expect(page.getByTestId('current-user').textContent()).resolves.toContain('张三');
    await openTask(page, '季度实绩申报');

    // at most 5 items: the add button disappears at the 5th row, so a 6th cannot be added
    const addItem = page.getByRole('button', { name: '添加一项' });
    while ((await itemRows(page).count()) < 5) await addItem.click();
    expect(await itemRows(page).count()).toBe(5);
    expect(await addItem.count()).toBe(0);
    while ((await itemRows(page).count()) > 2) await page.locator('.formio-button-remove-row').last().click();
    expect(await itemRows(page).count()).toBe(2);

    // a missing required field is refused in the browser, without asking the server
    await fillItem(itemRows(page).nth(0), { source: '岗位职责', description: '按期完成公文流转 1200 件，差错率为 0', selfRating: '好' });
    await choose(itemRows(page).nth(1).locator('.formio-component-source'), '领导交办');
    await choose(itemRows(page).nth(1).locator('.formio-component-selfRating'), '较好');
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await expect(page.getByTestId('form-problems').textContent()).resolves.toContain('工作实绩为必填项');
    expect(completions).toEqual([]);

    await itemRows(page).nth(1).locator('.formio-component-description textarea').fill('牵头完成季度督查通报，督办事项 36 项全部办结');
    await page.getByTestId('form-problems').waitFor({ state: 'detached' });
    await screenshot(page, 'declaration-task-form');
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page.getByText('「季度实绩申报」已提交').waitFor();
    await page.getByText('暂无待办任务').waitFor();
    expect(completions).toHaveLength(1);
    await logout(page);

    // 周科长 reviews: the items are read-only, she rates and approves
    await login(page, server.url, 'kz_office');
    await openTask(page, '科室负责人审核');
    expect(await itemRows(page).count()).toBe(2);
    expect(await itemRows(page).nth(1).locator('.formio-component-description').textContent()).toContain('牵头完成季度督查通报，督办事项 36 项全部办结');
    const items = page.locator('.formio-component-items');
    expect(await items.locator('textarea, .choices:not(.is-disabled)').count()).toBe(0);
    expect(await items.getByRole('button').count()).toBe(0);
    await choose(page.locator('.formio-component-supervisorRating'), '好');
    await page.getByLabel('同意', { exact: true }).check();
    await screenshot(page, 'review-task-form');
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page.getByText('「科室负责人审核」已提交').waitFor();

    // the score is computed in the background: reload 考核结果 until it is there
    const scoreRow = async () => {
      await page.getByRole('link', { name: '考核结果' }).click();
      const row = page.locator('[data-testid=results] tr[data-subject=zhangsan]');
      for (let attempt = 0; attempt < 50; attempt++) {
        await page.locator('[data-testid=results], .empty').first().waitFor();
        if (await row.count()) return row;
        await page.waitForTimeout(200);
        await page.reload();
      }
      throw new Error('no result for zhangsan on 考核结果');
    };
    const bossView = await scoreRow();
    expect(await bossView.locator('.score').textContent()).toMatch(/\d/);
    await bossView.getByRole('button', { name: '计分明细' }).click();
    expect(await page.getByTestId('score-trace').locator('tbody tr').count()).toBeGreaterThan(0);
    await screenshot(page, 'results-with-trace');
    const score = await bossView.locator('.score').textContent();
    await logout(page);

    // 张三 sees his own score
    await login(page, server.url, 'zhangsan');
    const ownView = await scoreRow();
    expect(await ownView.locator('.score').textContent()).toBe(score);

    expect(outside).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestServer } from '../support/server.ts';
import { ApiClient } from '../support/api-client.ts';
import { item, openTask } from '../api/declaration-scenario.ts';
import { login, logout, withBrowserSession } from './browser.ts';

/** 退回 from the task page: the reviewer picks the step and writes why; the declarant sees it on the reopened task. */
describe('退回 on the task page', () => {
  let server: TestServer;
  let page: Page;
  let outside: string[];
  withBrowserSession((session) => {
    ({ server, page, outside } = session);
  });

  it('sends the declaration back with a comment that 张三 reads on his reopened task', async () => {
    const zhangsan = await ApiClient.login(server.url, 'zhangsan');
    const declare = await openTask(zhangsan, '季度实绩申报');
    expect((await zhangsan.post(`/api/tasks/${declare.id}/complete`, { data: { items: [item(1)] } })).status).toBe(200);
    const review = await openTask(await ApiClient.login(server.url, 'kz_office'), '科室负责人审核');

    await login(page, server.url, 'kz_office');
    await page.goto(`${server.url}/#/tasks/${review.id}`);
    const actions = page.getByTestId('task-actions');
    await actions.getByRole('button', { name: '退回', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '退回' });
    await expect.poll(() => dialog.getByRole('combobox').textContent()).toContain('季度实绩申报（zhangsan） · 发起人');
    const confirm = dialog.getByRole('button', { name: '确定退回' });
    await confirm.click();
    await expect(dialog.isVisible()).resolves.toBe(true);
    await dialog.getByRole('textbox').click();
    await page.keyboard.type('第 1 项请补充量化成果');
    await confirm.click();
    await dialog.waitFor({ state: 'detached' });
    const recorded = page.getByTestId('task-history').locator('li', { hasText: '退回' });
    await recorded.waitFor();
    await expect(recorded.textContent()).resolves.toMatch(/kz_office\s*退回\s*→\s*zhangsan/);

    await logout(page);
    await login(page, server.url, 'zhangsan');
    await page.getByTestId('inbox').getByRole('link', { name: '季度实绩申报' }).click();
    const note = page.getByTestId('return-note');
    await note.waitFor();
    await expect(note.textContent()).resolves.toContain('kz_office（科室负责人审核）退回：');
    await expect(note.textContent()).resolves.toContain('第 1 项请补充量化成果');
    expect(outside).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { TestServer } from '../support/server.ts';
import { login, logout, screenshot, withBrowserSession } from './browser.ts';

/** The texts of `locator`'s matches, trimmed. */
async function texts(locator: Locator): Promise<string[]> {
  return (await locator.allTextContents()).map((text) => text.trim());
}

async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click();
}

describe('规则管理 in the browser', () => {
  let server: TestServer;
  let page: Page;
  let outside: string[];
  withBrowserSession((session) => {
    ({ server, page, outside } = session);
  });

  it('the office reads chengdu-2024, dry-runs it, adjusts the rater weights for its unit and is told why a formula is refused', async () => {
    await login(page, server.url, 'jxb');
    await page.getByRole('link', { name: '规则管理' }).click();
    const list = page.getByTestId('rule-sets');
    const preset = list.locator('tr', { hasText: 'chengdu-2024' });
    expect(await preset.textContent()).toContain('全局预置');
    await screenshot(page, 'rule-sets-list');
    await preset.getByRole('link', { name: '成都公务员平时考核（季度）' }).click();

    // the rules in force, in Chinese: the indicator tree with scoring methods, the formula, the grade rules
    const tree = page.getByTestId('indicator-tree');
    const declaration = tree.locator('tr', { hasText: '季度实绩评价' });
    expect(await declaration.textContent()).toContain('评价主体加权');
    expect(await declaration.textContent()).toContain('实绩申报自评 20%、直接领导评价 80%');
    expect(await tree.locator('tr', { hasText: '点赞加分' }).textContent()).toContain('加分项');
    expect(await tree.locator('tr', { hasText: '错情扣分' }).textContent()).toContain('扣分项');
    expect(await page.getByTestId('formulas').textContent()).toContain('季度实绩评价');
    expect(await page.getByTestId('grade-rules').textContent()).toContain('综合得分不低于 92.5');
    await screenshot(page, 'rule-set-detail');

    // 试算 with the example built from the rule set: every level of the scale comes out
    await openTab(page, '试算');
    await page.getByRole('button', { name: '试算', exact: true }).click();
    const results = page.getByTestId('dry-run-results');
    await results.waitFor();
    expect(await texts(results.locator('tbody td.level .tag'))).toEqual(['好', '较好', '一般', '较差']);
    await results.locator('tbody tr').first().getByRole('button', { name: '计分明细' }).click();
    expect(await results.getByTestId('score-trace').textContent()).toContain('评价主体加权');
    expect(await results.getByTestId('grade-trace').textContent()).toContain('入围范围');
    await screenshot(page, 'rule-set-dry-run');

    // 调整规则: self 30 %, supervisor 70 %, saved as the unit's version, which lists the differences
    await openTab(page, '调整规则');
    await page.getByLabel('实绩申报自评').fill('30');
    await page.getByLabel('直接领导评价').fill('70');
    expect(JSON.parse(await page.getByLabel('覆盖内容（JSON）').inputValue())).toEqual({
      indicators: [{ key: 'declaration', method: { groups: [{ code: 'self', weight: 30 }, { code: 'supervisor', weight: 70 }] } }],
    });
    await screenshot(page, 'rule-set-adjust');
    await page.getByRole('button', { name: '保存新版本' }).click();
    const differences = page.getByTestId('differences');
    await differences.waitFor();
    expect(await texts(differences.locator('tbody tr'))).toEqual([
      expect.stringContaining('「实绩申报自评」的权重由 20 改为 30'),
      expect.stringContaining('「直接领导评价」的权重由 80 改为 70'),
    ]);
    expect(await page.getByTestId('rule-set-meta').textContent()).toContain('市交通运输局');
    expect(await page.getByTestId('indicator-tree').textContent()).toContain('实绩申报自评 30%、直接领导评价 70%');
    const ownVersion = page.url();
    await screenshot(page, 'rule-set-differences');

    // a formula naming something the rule set does not have is refused with the reason in Chinese
    await openTab(page, '调整规则');
    await page.getByLabel('覆盖内容（JSON）').fill('{"total": "=declaration + 奖励分"}');
    await page.getByRole('button', { name: '保存新版本' }).click();
    const problems = page.getByTestId('problems');
    await problems.waitFor();
    expect(await problems.textContent()).toContain('公式「综合得分」引用了不存在的名称「奖励分」');
    expect(page.url()).toBe(ownVersion);
    await page.evaluate(() => window.scrollTo(0, 0)); // the sticky top bar stays on top of the full-page shot
    await screenshot(page, 'rule-set-invalid-override');

    expect(outside).toEqual([]);
  });

  it('a leader reads and dry-runs rule sets without adjusting them; staff do not see them', async () => {
    await logout(page);
    await login(page, server.url, 'director');
    await page.getByRole('link', { name: '规则管理' }).click();
    await page.getByTestId('rule-sets').getByRole('link', { name: '成都公务员平时考核（季度）' }).first().click();
    await page.getByTestId('indicator-tree').waitFor();
    expect(await texts(page.getByRole('tab'))).toEqual(['生效规则', '试算']);
    await logout(page);

    await login(page, server.url, 'zhangsan');
    expect(await page.getByRole('link', { name: '规则管理' }).count()).toBe(0);
    await page.goto(`${server.url}/#/rule-sets`);
    await page.getByText('您没有权限访问此页面').waitFor();

    expect(outside).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ApiClient } from '../support/api-client.ts';
import type { TestServer } from '../support/server.ts';
import { waitFor } from '../support/wait-for.ts';
import { login, screenshot, withBrowserSession } from './browser.ts';

const PROCESS = 'quarterly-declaration';

interface TaskSummary {
  id: string;
  name: string;
  instanceId: string;
  formKey: string;
}

/** The open task `name` of one process instance in the client's inbox, once it has arrived. */
function taskOf(client: ApiClient, name: string, instanceId: string): Promise<TaskSummary> {
  return waitFor(async () => {
    const { body } = await client.get('/api/tasks');
    return (body as TaskSummary[]).find((task) => task.name === name && task.instanceId === instanceId);
  }, `「${name}」 of instance ${instanceId}`);
}

async function complete(client: ApiClient, task: TaskSummary, data: object) {
  const { status, body } = await client.post(`/api/tasks/${task.id}/complete`, { data });
  expect(status, JSON.stringify(body)).toBe(200);
}

/** Centre of a diagram element's hit area on the screen. */
async function boxOf(page: Page, elementId: string) {
  const box = await page.locator(`.djs-element[data-element-id="${elementId}"] > .djs-hit`).first().boundingBox();
  if (!box) throw new Error(`${elementId} is not on the canvas`);
  return box;
}

describe('changing a flow in the designer', () => {
  let server: TestServer;
  let page: Page;
  let outside: string[];
  withBrowserSession((session) => {
    ({ server, page, outside } = session);
  });

  it('admin inserts 分管领导审批 after the approval and deploys version 2; running instances keep version 1', async () => {
    const admin = await ApiClient.login(server.url, 'admin');
    const before = await admin.post(`/api/processes/${PROCESS}/instances`, { subjectUsername: 'lisi' });
    expect(before.status).toBe(201);
    expect(before.body.version).toBe(1);

    await login(page, server.url, 'admin');
    await page.getByRole('link', { name: '流程管理' }).click();
    await page.getByTestId('process-list').getByRole('link', { name: '季度实绩申报' }).click();
    await page.locator('[data-element-id=compute_score]').waitFor();

    // make room between the gateway and 计算得分 with the space tool
    const gateway = await boxOf(page, 'review_result');
    const computeScore = await boxOf(page, 'compute_score');
    await page.locator('.djs-palette .bpmn-icon-space-tool').click();
    const start = { x: (gateway.x + gateway.width + computeScore.x) / 2, y: computeScore.y - 60 };
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x + 100, start.y, { steps: 5 });
    await page.mouse.move(start.x + 300, start.y, { steps: 5 });
    await page.mouse.up();

    // drop a new task from the palette onto the approve flow, right of its label 「同意」, and name it
    const label = await boxOf(page, 'flow_approve_label');
    const movedComputeScore = await boxOf(page, 'compute_score');
    const flow = await boxOf(page, 'flow_approve');
    const drop = { x: (label.x + label.width + movedComputeScore.x) / 2, y: flow.y + flow.height / 2 };
    await page.locator('.djs-palette .bpmn-icon-task').click();
    await page.mouse.move(drop.x - 30, drop.y, { steps: 3 });
    await page.mouse.move(drop.x, drop.y, { steps: 3 });
    await page.mouse.click(drop.x, drop.y);
    await page.keyboard.type('分管领导审批');
    await page.keyboard.press('Enter');

    // turn it into a user task (context pad → change element)
    await page.locator('.djs-context-pad .entry[data-action="replace"]').click();
    await page.locator('.djs-popup [data-id="replace-with-user-task"]').click();
    await page.locator('.bio-properties-panel-header-type', { hasText: '用户任务' }).waitFor();

    // assignee and form in the properties panel, typed key by key (fill() does not reach the model)
    await page.locator('[data-group-id="group-assignmentDefinition"] .bio-properties-panel-group-header').click();
    await page.locator('#bio-properties-panel-assignmentDefinitionAssignee').click();
    await page.keyboard.type('=');
    // the '=' turns the field into a FEEL editor; typing goes on once that editor has the focus
    const feelEditor = page.locator('[data-entry-id="assignmentDefinitionAssignee"] .cm-content');
    await feelEditor.click();
    await expect.poll(() => feelEditor.evaluate((editor) => editor === document.activeElement)).toBe(true);
    await page.keyboard.type('leaderInCharge');
    await expect(feelEditor.textContent()).resolves.toBe('leaderInCharge');
    await page.locator('[data-group-id="group-form"] .bio-properties-panel-group-header').click();
    await page.locator('#bio-properties-panel-formType').selectOption('camunda-form-linked');
    await page.locator('#bio-properties-panel-formId').click();
    await page.keyboard.type('leader-approval');

    await page.getByRole('button', { name: '部署', exact: true }).click();
    await page.getByTestId('deployed').getByText('已部署为第 2 版').waitFor();
    expect(await page.getByTestId('process-version').textContent()).toBe('第 2 版');
    await screenshot(page, 'designer-leader-step');

    // the deployed diagram: gateway →(同意) 分管领导审批 → 计算得分
    const deployed = await admin.get(`/api/processes/${PROCESS}`);
    expect(deployed.body.version).toBe(2);
    const leaderStep = /<bpmn:userTask id="([^"]+)" name="分管领导审批">([\s\S]*?)<\/bpmn:userTask>/.exec(deployed.body.xml);
    expect(leaderStep).not.toBeNull();
    const [, leaderStepId, leaderStepBody] = leaderStep!;
    expect(leaderStepBody).toContain('<zeebe:assignmentDefinition assignee="=leaderInCharge" />');
    expect(leaderStepBody).toContain('<zeebe:formDefinition formId="leader-approval" />');
    expect(deployed.body.xml).toMatch(new RegExp(`id="flow_approve"[^>]*targetRef="${leaderStepId}"`));
    expect(deployed.body.xml).toMatch(new RegExp(`sourceRef="${leaderStepId}" targetRef="compute_score"`));

    const after = await admin.post(`/api/processes/${PROCESS}/instances`, { subjectUsername: 'lisi' });
    expect(after.status).toBe(201);
    expect(after.body.version).toBe(2);

    // 李四 declares and 周科长 approves in both instances
    const lisi = await ApiClient.login(server.url, 'lisi');
    const sectionHead = await ApiClient.login(server.url, 'kz_office');
    for (const { instanceId } of [before.body, after.body]) {
      await complete(lisi, await taskOf(lisi, '季度实绩申报', instanceId), {
        items: [{ source: '岗位职责', description: '完成季度档案整理与移交', selfRating: '好' }],
      });
      await complete(sectionHead, await taskOf(sectionHead, '科室负责人审核', instanceId), { supervisorRating: '较好', decision: 'approve' });
    }

    // version 2 now waits for 钱分管; version 1 went straight on to 计算得分 and finished
    const leader = await ApiClient.login(server.url, 'fgld');
    const leaderTask = await taskOf(leader, '分管领导审批', after.body.instanceId);
    expect(leaderTask.formKey).toBe('leader-approval');
    expect((await leader.get('/api/tasks')).body.filter((task: TaskSummary) => task.instanceId === before.body.instanceId)).toEqual([]);
    const old = await waitFor(async () => {
      const { body } = await admin.get(`/api/instances/${before.body.instanceId}`);
      return body.instance.status === 'completed' ? body : undefined;
    }, 'the version 1 instance to finish');
    expect(old.instance.version).toBe(1);
    expect(old.history.map((step: { name: string | null }) => step.name)).not.toContain('分管领导审批');

    expect(outside).toEqual([]);
  });
});

import fs from 'node:fs';
import { describe, it, expect, beforeAll } from 'vitest';
import { parseProcessSource, type ProcessSource } from '../../engine/embedded/process-source.ts';
import { runStep, type StepResult } from '../../engine/embedded/instance-runner.ts';
import { userTaskProperties, jobProperties } from '../../engine/embedded/zeebe-properties.ts';

let source: ProcessSource;
beforeAll(async () => {
  source = await parseProcessSource(fs.readFileSync('processes/quarterly-declaration.bpmn', 'utf8'));
});

/** Every step goes through JSON, as it does through the database. */
async function complete(result: StepResult, elementId: string, variables: Record<string, unknown>) {
  const wait = result.waits.find((w) => w.elementId === elementId);
  expect(wait, `${elementId} should be waiting`).toBeTruthy();
  return runStep(source, { state: JSON.parse(JSON.stringify(result.state)), signal: { executionId: wait!.executionId, variables } });
}

describe('the embedded runner on the shipped quarterly declaration BPMN', () => {
  it('reads the Zeebe attributes of the user task and the service task, FEEL-evaluated', async () => {
    const started = await runStep(source, { variables: { staff: 'zhangsan', supervisor: 'kz_office' } });
    expect(started.status).toBe('running');
    const [declare] = started.waits;
    expect(userTaskProperties(declare.element, declare.variables)).toMatchObject({
      name: '季度实绩申报',
      assignee: 'zhangsan',
      formKey: 'achievement-declaration',
      candidateGroups: [],
    });
    let step = await complete(started, 'declare', { items: [1] });
    step = await complete(step, 'review', { decision: 'approve' });
    const job = step.waits[0];
    expect(job.elementType).toBe('bpmn:ServiceTask');
    expect(jobProperties(job.element, job.variables)).toEqual({ type: 'compute-score', retries: 3, customHeaders: { ruleSet: 'chengdu-2024' } });
  });

  it('follows the gateway: a return goes back to the declaration, an approval ends after the job', async () => {
    let step = await runStep(source, { variables: { staff: 'zhangsan', supervisor: 'kz_office' } });
    step = await complete(step, 'declare', { items: [1] });
    step = await complete(step, 'review', { decision: 'return', reviewComment: '补充' });
    expect(step.waits.map((w) => w.elementId)).toEqual(['declare']);
    expect(step.variables).toMatchObject({ decision: 'return', reviewComment: '补充', items: [1] });
    step = await complete(step, 'declare', { items: [1, 2] });
    step = await complete(step, 'review', { decision: 'approve' });
    step = await complete(step, 'compute_score', { score: '88.00' });
    expect(step.status).toBe('completed');
    expect(step.variables).toMatchObject({ items: [1, 2], score: '88.00' });
    expect(step.completed.map((c) => c.elementId)).toEqual(['compute_score', 'end']);
  });

  it('never takes a conditional flow on an unexpected value: the instance fails instead', async () => {
    let step = await runStep(source, { variables: { staff: 'zhangsan', supervisor: 'kz_office' } });
    step = await complete(step, 'declare', {});
    const failed = await complete(step, 'review', { decision: 'maybe' });
    expect(failed.status).toBe('failed');
    expect(failed.waits).toEqual([]);
  });

  it('fails when a gateway condition names a variable that does not exist', async () => {
    let step = await runStep(source, { variables: { staff: 'zhangsan', supervisor: 'kz_office' } });
    step = await complete(step, 'declare', {});
    const failed = await complete(step, 'review', {});
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/decision/);
  });

  it('keeps no process source in the saved state (it is kept once per deployed version)', async () => {
    const step = await runStep(source, { variables: { staff: 'zhangsan', supervisor: 'kz_office' } });
    expect(JSON.stringify(step.state)).not.toContain('"source"');
    expect((step.state as { definitions: Array<Record<string, unknown>> }).definitions[0].source).toBeUndefined();
  });
});

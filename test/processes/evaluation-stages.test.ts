/**
 * The shipped evaluate → publicity/feedback → appeal processes, run step by step by the embedded runner (each step
 * through JSON, as through the database): who gets which task, what the forms' answers become, which branch is taken.
 */
import fs from 'node:fs';
import { describe, it, expect } from 'vitest';
import { parseProcessSource, type ProcessSource } from '../../engine/embedded/process-source.ts';
import { runStep, type StepResult } from '../../engine/embedded/instance-runner.ts';
import { userTaskProperties, jobProperties } from '../../engine/embedded/zeebe-properties.ts';

const sources = new Map<string, Promise<ProcessSource>>();
const source = (id: string) => {
  if (!sources.has(id)) sources.set(id, parseProcessSource(fs.readFileSync(`processes/${id}.bpmn`, 'utf8')));
  return sources.get(id)!;
};

const PERSON = { staff: 'zhangsan', subjectName: '张三', supervisor: 'kz_office', leaderInCharge: 'fgld', cycleKey: '7:zhangsan' };

async function signal(id: string, result: StepResult, elementId: string, variables: Record<string, unknown> = {}, which = 0) {
  const waits = result.waits.filter((w) => w.elementId === elementId);
  expect(waits.length, `${elementId} should be waiting`).toBeGreaterThan(which);
  return runStep(await source(id), { state: JSON.parse(JSON.stringify(result.state)), signal: { executionId: waits[which].executionId, variables } });
}

const assignees = (result: StepResult, elementId: string) =>
  result.waits.filter((w) => w.elementId === elementId).map((w) => userTaskProperties(w.element, w.variables).assignee);

describe('绩效评价 performance-evaluation', () => {
  it('asks self, every peer, every leader and the public at once, then the supervisor; collects each rater’s answers', async () => {
    const id = 'performance-evaluation';
    let step = await runStep(await source(id), { variables: { ...PERSON, peers: ['lisi', 'wangwu'], leaders: ['director', 'fgld'] } });
    expect(assignees(step, 'self_evaluation')).toEqual(['zhangsan']);
    expect(assignees(step, 'peer_review').sort()).toEqual(['lisi', 'wangwu']);
    expect(assignees(step, 'leader_vote').sort()).toEqual(['director', 'fgld']);
    const publicTask = step.waits.find((w) => w.elementId === 'public_evaluation')!;
    expect(userTaskProperties(publicTask.element, publicTask.variables)).toMatchObject({ candidateGroups: ['public'], formKey: 'public-evaluation' });

    step = await signal(id, step, 'self_evaluation', { coreTaskResults: [{ actual: 10 }], selfSummary: '完成全年任务' });
    step = await signal(id, step, 'peer_review', { peerDe: 90, peerNeng: 88, peerQin: 92, peerLian: 95 });
    step = await signal(id, step, 'peer_review', { peerDe: 80, peerNeng: 82, peerQin: 84, peerLian: 86 });
    step = await signal(id, step, 'leader_vote', { leaderDe: 93, leaderNeng: 91, leaderQin: 94, leaderLian: 96 });
    step = await signal(id, step, 'leader_vote', { leaderDe: 89, leaderNeng: 87, leaderQin: 90, leaderLian: 92 });
    expect(step.waits.map((w) => w.elementId)).toEqual(['public_evaluation']);
    step = await signal(id, step, 'public_evaluation', { publicSatisfaction: 92, publicService: 94 });
    expect(assignees(step, 'supervisor_rating')).toEqual(['kz_office']);
    expect(step.variables.peerReviews).toEqual([
      { de: 90, neng: 88, qin: 92, lian: 95 },
      { de: 80, neng: 82, qin: 84, lian: 86 },
    ]);
    expect(step.variables.leaderVotes).toHaveLength(2);

    step = await signal(id, step, 'supervisor_rating', { supervisorDe: 90, supervisorNeng: 90, supervisorQin: 90, supervisorLian: 90, contribution: 88, supervisorComment: '好' });
    const job = step.waits[0];
    expect(jobProperties(job.element, job.variables)).toMatchObject({ type: 'compute-score', customHeaders: { input: 'evaluation', ruleSet: 'civil-servant-model' } });
    step = await signal(id, step, 'compute_score', { score: '90.00' });
    expect(jobProperties(step.waits[0].element, step.waits[0].variables).type).toBe('grade-cohort');
    step = await signal(id, step, 'grade_cohort', { cohortComplete: false });
    expect(step.waits.map((w) => w.elementId)).toEqual(['wait_graded']);
    step = await signal(id, step, 'wait_graded', { grade: '优秀', belowStandard: false, consecutiveBelowStandard: false });
    expect(step.status).toBe('completed');
    expect(step.variables).toMatchObject({ grade: '优秀', score: '90.00' });
  });

  it('goes on without peer reviews when a person has no colleagues to review them', async () => {
    const id = 'performance-evaluation';
    const step = await runStep(await source(id), { variables: { ...PERSON, peers: [], leaders: ['director'] } });
    expect(step.status).toBe('running');
    expect(step.waits.map((w) => w.elementId).sort()).toEqual(['leader_vote', 'public_evaluation', 'self_evaluation']);
  });
});

describe('结果公示与反馈 publicity-feedback', () => {
  const id = 'publicity-feedback';
  async function afterPublicity(grade: Record<string, unknown>) {
    let step = await runStep(await source(id), { variables: { ...PERSON, ...grade } });
    expect(jobProperties(step.waits[0].element, step.waits[0].variables)).toMatchObject({ type: 'compute-deadline', customHeaders: { days: '5', target: 'publicityEndsAt' } });
    const endsAt = new Date(Date.now() + 400);
    step = await signal(id, step, 'publicity_period', { publicityEndsAt: endsAt.toISOString() });
    expect(step.waits).toEqual([]);
    expect(step.timers.map((t) => [t.elementId, t.dueAt.getTime()])).toEqual([['publicity_over', endsAt.getTime()]]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    step = await runStep(await source(id), { state: JSON.parse(JSON.stringify(step.state)) });
    expect(assignees(step, 'feedback_talk')).toEqual(['kz_office']);
    step = await signal(id, step, 'feedback_talk', { strengths: '业务熟练', weaknesses: '创新不足', improvementSuggestions: '多学习' });
    expect(assignees(step, 'acknowledge')).toEqual(['zhangsan']);
    return signal(id, step, 'acknowledge', { acknowledged: true });
  }

  it('holds the feedback talk only when the publicity period is over, and ends after the signature when up to standard', async () => {
    const step = await afterPublicity({ grade: '称职', belowStandard: false, consecutiveBelowStandard: false });
    expect(step.status).toBe('completed');
  });

  it('asks for an improvement plan below standard, and a talk with the leader in charge the second time in a row', async () => {
    let step = await afterPublicity({ grade: '基本称职', belowStandard: true, consecutiveBelowStandard: true });
    expect(assignees(step, 'improvement_plan')).toEqual(['zhangsan']);
    step = await signal(id, step, 'improvement_plan', { improvementPlan: '每月读书', improvementDeadline: '三个月' });
    expect(assignees(step, 'improvement_confirm')).toEqual(['kz_office']);
    step = await signal(id, step, 'improvement_confirm', { improvementComment: '同意' });
    expect(assignees(step, 'mandatory_talk')).toEqual(['fgld']);
    step = await signal(id, step, 'mandatory_talk', { talkRecord: '已约谈', supportPlan: '结对帮扶' });
    expect(step.status).toBe('completed');
  });

  it('fails instead of guessing when the grade has not been told to the instance', async () => {
    const step = await afterPublicity({ grade: '称职' });
    expect(step.status).toBe('failed');
    expect(step.error).toMatch(/belowStandard/);
  });
});

describe('申诉复核 performance-appeal', () => {
  const id = 'performance-appeal';
  async function windowOpen(endsIn = 60_000) {
    let step = await runStep(await source(id), { variables: { ...PERSON, grade: '称职' } });
    step = await signal(id, step, 'appeal_period', { appealEndsAt: new Date(Date.now() + endsIn).toISOString() });
    const task = step.waits.find((w) => w.elementId === 'confirm_or_appeal')!;
    expect(userTaskProperties(task.element, task.variables)).toMatchObject({ assignee: 'zhangsan', formKey: 'appeal-decision' });
    return step;
  }

  it('ends when the person confirms the result', async () => {
    const step = await signal(id, await windowOpen(), 'confirm_or_appeal', { appealDecision: 'accept' });
    expect(step.status).toBe('completed');
    expect(step.completed.map((c) => c.elementId)).toContain('end_accepted');
  });

  it('closes the window when the deadline passes without an answer', async () => {
    const step = await windowOpen(300);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const closed = await runStep(await source(id), { state: JSON.parse(JSON.stringify(step.state)) });
    expect(closed.status).toBe('completed');
    expect(closed.completed.map((c) => c.elementId)).toContain('end_lapsed');
  });

  it('sends an appeal to the office with a due date; upheld, it recomputes and regrades before answering', async () => {
    let step = await signal(id, await windowOpen(), 'confirm_or_appeal', { appealDecision: 'appeal', appealReason: '核心任务完成值统计有误' });
    const review = step.waits.find((w) => w.elementId === 'review_appeal')!;
    const props = userTaskProperties(review.element, review.variables);
    expect(props.candidateGroups).toEqual(['office']);
    const due = new Date(props.dueDate!).getTime();
    expect(Math.abs(due - (Date.now() + 20 * 24 * 3600 * 1000))).toBeLessThan(60_000);
    expect(step.timers.map((t) => t.elementId)).toEqual(['answer_due_soon']);
    step = await signal(id, step, 'review_appeal', { reviewDecision: 'upheld', reviewAnswer: '经核实予以更正', correctedCoreTaskResults: [{ actual: 12 }] });
    expect(jobProperties(step.waits[0].element, step.waits[0].variables)).toMatchObject({ type: 'compute-score', customHeaders: { input: 'evaluation' } });
    step = await signal(id, step, 'recompute', { score: '93.00' });
    expect(jobProperties(step.waits[0].element, step.waits[0].variables)).toMatchObject({ type: 'grade-cohort', customHeaders: { mode: 'regrade' } });
    step = await signal(id, step, 'regrade', { grade: '优秀' });
    expect(assignees(step, 'appeal_answer')).toEqual(['zhangsan']);
    step = await signal(id, step, 'appeal_answer', { answerAcknowledged: true });
    expect(step.status).toBe('completed');
    expect(step.variables).toMatchObject({ grade: '优秀', reviewDecision: 'upheld' });
  });

  it('answers a rejected appeal without touching the score', async () => {
    let step = await signal(id, await windowOpen(), 'confirm_or_appeal', { appealDecision: 'appeal', appealReason: '不服' });
    step = await signal(id, step, 'review_appeal', { reviewDecision: 'rejected', reviewAnswer: '维持原结果' });
    expect(step.waits.map((w) => w.elementId)).toEqual(['appeal_answer']);
    expect(step.completed.map((c) => c.elementId)).not.toContain('recompute');
  });
});

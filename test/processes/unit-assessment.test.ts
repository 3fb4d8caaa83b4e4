/**
 * The shipped organisational assessment `unit-assessment` (单位年度目标绩效考核, 002 §9–12), run step by step by the
 * embedded runner: the unit admin reports, the office sends back or verifies with corrections, rank and vetoes,
 * every leader rates, then the score and the cohort's grade. What the answers become as scoring input is checked
 * against the worked example of DOMAIN.md (unit A = 203.6) with the guangyuan-2017 preset.
 */
import fs from 'node:fs';
import { describe, it, expect } from 'vitest';
import { parseProcessSource } from '../../engine/embedded/process-source.ts';
import { runStep, type StepResult } from '../../engine/embedded/instance-runner.ts';
import { userTaskProperties, jobProperties } from '../../engine/embedded/zeebe-properties.ts';
import { unitSubject } from '../../engine/workers/unit-subject.ts';
import { computeScore } from '../../server/scoring/index.ts';
import { guangyuan2017 } from '../../server/scoring/presets/guangyuan-2017.ts';

const ID = 'unit-assessment';
const source = parseProcessSource(fs.readFileSync(`processes/${ID}.bpmn`, 'utf8'));

const TARGETS = [
  { name: '指标一', points: 80, target: 100, measure: '项' },
  { name: '指标二', points: 70, target: 50, measure: '公里' },
  { name: '指标三', points: 50, target: 10, measure: '个' },
];
const UNIT = {
  unitAdmin: 'unit_a_admin',
  director: 'director',
  leaders: ['director', 'fgld', 'leader3', 'leader4', 'leader5'],
  subjectUnitId: 9,
  subjectName: '单位A',
  unitId: 9,
  category: '局直属单位',
  targets: TARGETS,
  period: '2026',
  cycleId: 3,
  ruleSet: 'guangyuan-2017',
  cycleKey: '3:unit:9',
};
const REPORT = {
  targetResults: [{ actual: 120 }, { actual: 40 }, { actual: 12, note: '多建两个' }],
  commendations: [
    { code: 'provincial', work: '农村公路', evidence: '川交函〔2026〕1号' },
    { code: 'municipal', work: '安全生产', evidence: '广府函〔2026〕2号' },
    { code: 'municipal', work: '营商环境', evidence: '广府函〔2026〕3号' },
  ],
  criticisms: [{ code: 'criticismMunicipal', bureauPenalised: false, evidence: '广府通报〔2026〕4号' }],
  reportSummary: '全年目标基本完成',
};

async function signal(result: StepResult, elementId: string, variables: Record<string, unknown> = {}, which = 0) {
  const waits = result.waits.filter((w) => w.elementId === elementId);
  expect(waits.length, `${elementId} should be waiting`).toBeGreaterThan(which);
  return runStep(await source, { state: JSON.parse(JSON.stringify(result.state)), signal: { executionId: waits[which].executionId, variables } });
}

const assignees = (result: StepResult, elementId: string) => result.waits.filter((w) => w.elementId === elementId).map((w) => userTaskProperties(w.element, w.variables).assignee);

describe('单位年度目标绩效考核 unit-assessment', () => {
  it('sends a report back to the unit admin with the comment, and asks again', async () => {
    let step = await runStep(await source, { variables: UNIT });
    expect(assignees(step, 'unit_self_report')).toEqual(['unit_a_admin']);
    expect(userTaskProperties(step.waits[0].element, step.waits[0].variables).formKey).toBe('unit-self-report');
    step = await signal(step, 'unit_self_report', REPORT);
    const verification = step.waits.find((w) => w.elementId === 'office_verification')!;
    expect(userTaskProperties(verification.element, verification.variables)).toMatchObject({ candidateGroups: ['office'], formKey: 'unit-verification' });
    step = await signal(step, 'office_verification', { verificationDecision: 'return', verificationComment: '请补充指标三的证明材料' });
    expect(assignees(step, 'unit_self_report')).toEqual(['unit_a_admin']);
    expect(step.variables.verificationComment).toBe('请补充指标三的证明材料');
  });

  it('verifies with corrections, asks every leader at once, scores with the unit input and waits for the cohort grade', async () => {
    let step = await runStep(await source, { variables: UNIT });
    step = await signal(step, 'unit_self_report', REPORT);
    // the office finds 指标三 was 10, not 12, and the municipal criticism came with a provincial media exposure
    step = await signal(step, 'office_verification', {
      verificationDecision: 'confirm',
      correctReport: true,
      correctedTargetResults: [null, null, { actual: 10 }],
      correctedCommendations: REPORT.commendations,
      correctedCriticisms: [...REPORT.criticisms, { code: 'mediaProvincial', bureauPenalised: false, evidence: '四川日报' }],
      provincialRank: 8,
      vetoes: [],
    });
    expect(assignees(step, 'leader_rating').sort()).toEqual(UNIT.leaders);
    const ratings: Record<string, string> = { director: '良', fgld: '优', leader3: '优', leader4: '良', leader5: '合格' };
    for (const leader of UNIT.leaders) {
      const index = step.waits.findIndex((w) => w.elementId === 'leader_rating' && userTaskProperties(w.element, w.variables).assignee === leader);
      step = await signal(step, 'leader_rating', { leaderRating: ratings[leader] }, step.waits.filter((w) => w.elementId === 'leader_rating').indexOf(step.waits[index]));
    }
    expect(step.variables.leaderRatings).toHaveLength(5);
    const job = step.waits[0];
    expect(jobProperties(job.element, job.variables)).toMatchObject({ type: 'compute-score', customHeaders: { input: 'unit', ruleSet: 'guangyuan-2017' } });

    const input = unitSubject('unit:9', step.variables, TARGETS);
    expect(input.inputs!.leaderEvaluation).toEqual({ director: ['良'], leader: ['优', '优', '良', '合格'] });
    const score = computeScore(guangyuan2017, { ...input, category: '局直属单位' });
    expect(score.total).toBe('203.60');

    step = await signal(step, 'compute_score', { score: score.total });
    expect(jobProperties(step.waits[0].element, step.waits[0].variables).type).toBe('grade-cohort');
    step = await signal(step, 'grade_cohort', { cohortComplete: false });
    expect(step.waits.map((w) => w.elementId)).toEqual(['wait_graded']);
    step = await signal(step, 'wait_graded', { grade: '先进', rank: 1 });
    expect(step.status).toBe('completed');
    expect(step.variables).toMatchObject({ grade: '先进', score: '203.60' });
  });

  it('takes the unit’s own report when the office does not correct it, and counts each veto event', () => {
    const input = unitSubject('unit:9', { ...UNIT, ...REPORT, verificationDecision: 'confirm', correctReport: false, vetoes: [{ code: 'safetyAccident', note: '重大事故' }], leaderRatings: [{ voter: 'director', rating: '合格' }] }, TARGETS);
    expect(input.inputs!.initial).toEqual(TARGETS.map((t, i) => ({ name: t.name, points: t.points, target: t.target, actual: REPORT.targetResults[i].actual })));
    expect(input.inputs!.specialDeduction).toEqual([{ code: 'criticismMunicipal' }]);
    expect(input.inputs!.provincialRank).toBeUndefined();
    const score = computeScore(guangyuan2017, { ...input, category: '局直属单位' });
    expect(score.vetoEffects).toHaveLength(1);
    // 88 + 56 + min(60, 55) = 199, director 合格 0, bonus 7, deduction 1, veto 5
    expect(score.total).toBe('200.00');
  });
});

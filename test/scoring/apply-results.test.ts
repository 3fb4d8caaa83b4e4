/** G6 result application: bonus coefficients and months, follow-up actions, consecutive results. */
import { describe, expect, it } from 'vitest';
import { applyResults, getPreset } from '../../server/scoring/index.ts';

const model = getPreset('civil-servant-model')!.grading;
const quanzhou = getPreset('quanzhou-2019')!.grading;
const guangyuan = getPreset('guangyuan-2017')!.grading;

describe('G6 result application', () => {
  it.each([
    ['excellent', '1.20', '14400.00'],
    ['competent', '1.00', '12000.00'],
    ['basic', '0.80', '9600.00'],
    ['incompetent', '0.00', '0.00'],
  ])('001: %s → bonus × %s of the base', (level, coefficient, amount) => {
    const { application } = applyResults(model, { level, labels: [], bonusBase: 12000 });
    expect([application.bonusCoefficient, application.bonusAmount]).toEqual([coefficient, amount]);
  });

  it.each([['excellent', '0.00'], ['good', '-0.50'], ['fair', '-1.00']])('004: %s → %s months against 优秀', (level, months) => {
    expect(applyResults(quanzhou, { level, labels: [] }).application.bonusMonthsOffset).toBe(months);
  });

  it('chooses actions by the unit’s category (002 §13, §14)', () => {
    expect(applyResults(guangyuan, { level: 'advanced', labels: [], category: '县区交通运输局' }).application.actions).toEqual(['次年在项目和资金安排上给予倾斜']);
    expect(applyResults(guangyuan, { level: 'advanced', labels: [], category: '局机关科室' }).application.actions).toEqual(['主要负责人、负责人优先提拔重用，或建议有关部门提拔重用']);
  });

  it.each([
    ['two quarters not up to standard → 约谈 (001)', model, { level: 'basic', labels: [], history: [{ level: '不称职' }] }, ['由领导小组约谈，制定帮扶计划']],
    ['only one quarter → no talk', model, { level: 'basic', labels: [], history: [{ level: 'competent' }] }, []],
    ['three years 一般 (004)', quanzhou, { level: 'fair', labels: [], history: [{ level: 'fair' }, { level: '一般' }] }, ['通报批评，责成提交书面整改措施，对单位主要领导、分管领导进行诫勉谈话']],
    ['last place two years running (002)', guangyuan, { level: 'pass', labels: ['last'], category: '局直属单位', history: [{ labels: ['last'] }] }, ['作出书面检查，主要负责人取消当年考核优秀等次资格，对主要负责人谈话诫勉']],
  ])('%s', (_, grading, subject, consecutive) => {
    const { trace } = applyResults(grading, subject);
    expect(trace.filter((t) => t.rule === 'consecutive').map((t) => t.detail.split('：')[1])).toEqual(consecutive);
  });

  it('lists bonuses cancelled by violations (004 §4)', () => {
    const { application, trace } = applyResults(quanzhou, { level: 'good', labels: [], bonusCancellations: [{ person: '王某', roles: ['本人', '单位分管领导'], reason: '察访核验查实存在违规问题' }] });
    expect(application.bonusCancellations).toHaveLength(1);
    expect(trace.at(-1)?.detail).toBe('「王某」：取消本人、单位分管领导当年度绩效奖（察访核验查实存在违规问题）');
  });
});

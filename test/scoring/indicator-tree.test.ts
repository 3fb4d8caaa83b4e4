/** R1: a weighted indicator tree of up to three levels, points per node, variants by post category. */
import { describe, expect, it } from 'vitest';
import { computeScore } from '../../server/scoring/index.ts';
import type { Indicator, ScoringMethod } from '../../server/scoring/rule-set.ts';
import { expectTraceAddsUp, ruleSetOf } from './helpers.ts';

const rated: ScoringMethod = { type: 'ratingScale' };

/** 德能勤绩廉 under a 100-point root, 绩 split into two, with a 执法 variant. */
const tree: Indicator[] = [{
  key: 'performance',
  name: '绩效得分',
  points: 100,
  children: [
    { key: 'de', name: '德', weight: 15, variants: { 执法: { weight: 10 } }, method: rated },
    { key: 'neng', name: '能', weight: 15, variants: { 执法: { weight: 10 } }, method: rated },
    { key: 'qin', name: '勤', weight: 15, variants: { 执法: { weight: 10 } }, method: rated },
    {
      key: 'ji',
      name: '绩',
      weight: 40,
      variants: { 执法: { weight: 60 } },
      children: [
        { key: 'tasks', name: '核心任务', weight: 70, variants: { 执法: { weight: 30 } }, method: rated },
        { key: 'service', name: '服务评价', weight: 30, variants: { 执法: { weight: 70 } }, method: rated },
      ],
    },
    { key: 'lian', name: '廉', weight: 15, variants: { 执法: { weight: 10 } }, method: rated },
  ],
}];
const ruleSet = ruleSetOf(tree, '=performance', { postCategories: ['综合管理', '执法'] });
const inputs = { de: 90, neng: 80, qin: 85, tasks: 95, service: 70, lian: 100 };

describe('R1 weighted indicator tree', () => {
  it.each([
    // 绩 = 95 × 70% + 70 × 30% = 87.5; total = 90×15% + 80×15% + 85×15% + 87.5×40% + 100×15% = 13.5 + 12 + 12.75 + 35 + 15
    ['综合管理 (default weights)', '综合管理', '88.25', '87.50'],
    // 绩 = 95 × 30% + 70 × 70% = 77.5; total = 9 + 8 + 8.5 + 77.5 × 60% + 10 = 82
    ['执法 variant (service ≥ 40 %)', '执法', '82.00', '77.50'],
  ])('%s', (_, postCategory, total, ji) => {
    const result = computeScore(ruleSet, { subjectId: 'p', postCategory, inputs });
    expect(result.total).toBe(total);
    expect(result.intermediates.ji).toBe(ji);
    expectTraceAddsUp(result);
  });

  it('traces every level: the weighted contribution as points and the node’s own score as value', () => {
    const trace = computeScore(ruleSet, { subjectId: 'p', postCategory: '综合管理', inputs }).trace;
    expect(trace.map((e) => [e.depth, e.label, e.points, e.value])).toEqual([
      [0, '绩效得分', '+88.25', '88.25'],
      [1, '德', '+13.50', '90.00'],
      [1, '能', '+12.00', '80.00'],
      [1, '勤', '+12.75', '85.00'],
      [1, '绩', '+35.00', '87.50'],
      [2, '核心任务', '+66.50', '95.00'],
      [2, '服务评价', '+21.00', '70.00'],
      [1, '廉', '+15.00', '100.00'],
    ]);
    expect(trace[4].detail).toBe('2 项下级指标之和；得分 87.50，按权重 40% 计 35.00');
  });

  it('adds points of children to a parent with points (002: 200 points in parts)', () => {
    const points = ruleSetOf([{
      key: 'unit', name: '目标绩效', points: 200, children: [
        { key: 'build', name: '交通建设', points: 120, method: { type: 'completion', overAchievementCap: 10 } },
        { key: 'manage', name: '管理服务', points: 80, method: { type: 'completion', overAchievementCap: 10 } },
      ],
    }], '=unit');
    const result = computeScore(points, { subjectId: 'u', inputs: { build: { target: 10, actual: 12 }, manage: { target: 4, actual: 3 } } });
    expect(result.total).toBe('192.00');
    expectTraceAddsUp(result);
  });

  it('leaves out a node for a post category and counts it as 0 in formulas', () => {
    const omitting = ruleSetOf([
      { key: 'a', name: '甲', method: rated },
      { key: 'b', name: '乙', method: rated, variants: { 科室: { omit: true } } },
    ], '=a + b', { postCategories: ['科室', '人员'] });
    const unit = computeScore(omitting, { subjectId: 'u', category: '科室', inputs: { a: 50 } });
    expect(unit.total).toBe('50.00');
    expect(unit.intermediates).toEqual({ a: '50.00' });
    expect(unit.trace[1].detail).toContain('本类别不适用此指标，按 0 计');
    expect(computeScore(omitting, { subjectId: 'p', category: '人员', inputs: { a: 50, b: 20 } }).total).toBe('70.00');
  });

  it('rejects an input for an indicator the rule set does not have, and an unknown post category', () => {
    expect(() => computeScore(ruleSet, { subjectId: 'p', inputs: { ...inputs, dee: 1 } })).toThrow(/没有可填写的指标「dee」/);
    expect(() => computeScore(ruleSet, { subjectId: 'p', postCategory: '窗口', inputs })).toThrow(/没有岗位类别「窗口」/);
  });
});

/** A unit's rule set is its parent's plus overrides; the result and the differences are inspectable. */
import { describe, expect, it } from 'vitest';
import { computeScore, diffRuleSets, effectiveRuleSet, getPreset } from '../../server/scoring/index.ts';

const parent = getPreset('civil-servant-model')!;

describe('rule-set inheritance', () => {
  const overrides = {
    id: 'county-bureau', name: '某县局公务员绩效考核', version: 2,
    indicators: [{ key: 'performance', children: [{ key: 'ji', weight: 50 }, { key: 'lian', weight: 5 }] }],
    grading: { rules: [{ level: 'excellent', top: { rounding: 'halfUp' } }], results: [{ level: 'basic', $delete: true }] },
  };
  const effective = effectiveRuleSet(parent, overrides);

  it('patches items by key and keeps everything else from the parent', () => {
    if (!effective.ok) throw new Error(JSON.stringify(effective.errors));
    const children = effective.ruleSet.indicators[0].children!;
    expect(children.map((c) => [c.key, c.weight])).toEqual([['de', 15], ['neng', 15], ['qin', 15], ['ji', 50], ['lian', 5]]);
    expect(children[3].children).toEqual(parent.indicators[0].children![3].children);
    expect(effective.ruleSet.grading.rules[0].top).toEqual({ share: 15, rounding: 'halfUp', uplift: { whenUnitLevel: '优秀', share: 20 } });
    expect(effective.ruleSet.grading.results!.map((r) => r.level)).toEqual(['excellent', 'competent', 'incompetent']);
    expect(parent.indicators[0].children![3].weight).toBe(40);
  });

  it('lists the differences from the parent in words', () => {
    if (!effective.ok) throw new Error('invalid');
    expect(diffRuleSets(parent, effective.ruleSet).map((c) => c.zh)).toEqual([
      '编号由 civil-servant-model 改为 county-bureau',
      '名称由 公务员绩效管理方案范本 改为 某县局公务员绩效考核',
      '版本由 1 改为 2',
      '「绩（工作实绩成效）」的权重由 40 改为 50',
      '「廉（廉洁自律情况）」的权重由 15 改为 5',
      '「excellent」的取整方式由 down 改为 halfUp',
      '删除结果运用「basic」',
    ]);
    expect(diffRuleSets(parent, parent)).toEqual([]);
  });

  it('validates the result like a save: weights that no longer add up are reported', () => {
    const broken = effectiveRuleSet(parent, { indicators: [{ key: 'performance', children: [{ key: 'ji', weight: 45 }] }] });
    expect(broken).toMatchObject({ ok: false, errors: [{ code: 'weights.sum', zh: '「绩效得分」下各指标权重之和为 105%，应为 100%' }] });
  });

  it('scores with the effective rule set', () => {
    if (!effective.ok) throw new Error('invalid');
    const democratic = { leaders: 80, peers: 80, public: 80 };
    const inputs = { de: democratic, neng: democratic, qin: democratic, lian: democratic, coreTasks: [{ points: 100, target: 1, actual: 1 }], contribution: 100, serviceEvaluation: 100 };
    // 80 × (15 + 15 + 15 + 15) % + 100 × 40 % = 88; with 绩 50 % and 廉 5 %: 80 × 50 % + 100 × 50 % = 90
    expect(computeScore(parent, { subjectId: 'p', inputs }).total).toBe('88.00');
    expect(computeScore(effective.ruleSet, { subjectId: 'p', inputs }).total).toBe('90.00');
  });
});

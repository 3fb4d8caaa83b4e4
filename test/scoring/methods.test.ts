/** One table per scoring method (R2–R9), each row a subject input and the points it must give. */
import { describe, expect, it } from 'vitest';
import { computeScore, ScoringInputError } from '../../server/scoring/index.ts';
import type { ScoringMethod } from '../../server/scoring/rule-set.ts';
import { expectTraceAddsUp, oneLeaf } from './helpers.ts';

function score(method: ScoringMethod, input: unknown, leaf = {}) {
  const result = computeScore(oneLeaf(method, leaf), { subjectId: 's', inputs: input === undefined ? {} : { x: input } });
  expectTraceAddsUp(result);
  return result;
}

function inputError(method: ScoringMethod, input: unknown, leaf = {}): ScoringInputError {
  try {
    computeScore(oneLeaf(method, leaf), { subjectId: 's', inputs: { x: input } });
  } catch (err) {
    if (err instanceof ScoringInputError) return err;
    throw err;
  }
  throw new Error('expected a ScoringInputError');
}

describe('R2 completion with capped over-achievement (002 §9)', () => {
  const method: ScoringMethod = { type: 'completion', overAchievementCap: 10 };
  it.each([
    ['target met: full points', 80, { target: 100, actual: 100 }, '80.00'],
    ['under: points × actual / target', 70, { target: 50, actual: 40 }, '56.00'],
    ['over, below the cap', 80, { target: 100, actual: 105 }, '84.00'],
    ['over, capped at 10 % of the points', 80, { target: 100, actual: 120 }, '88.00'],
    ['exactly at the cap', 80, { target: 100, actual: 110 }, '88.00'],
    ['rounded half up to the cent', 10, { target: 3, actual: 2 }, '6.67'],
    ['decimal strings are exact', 50, { target: '0.3', actual: '0.1' }, '16.67'],
    ['nothing achieved', 50, { target: 10, actual: 0 }, '0.00'],
  ])('%s', (_, points, input, total) => {
    expect(score(method, input, { points }).total).toBe(total);
  });

  it('scores declared items, each with its own points, and checks that they add up to the leaf', () => {
    const declared: ScoringMethod = { type: 'completion', overAchievementCap: 10, declaredItems: true };
    const result = score(declared, [
      { name: '甲', points: 120, target: 10, actual: 12 },
      { name: '乙', points: 80, target: 4, actual: 3 },
    ], { points: 200 });
    expect(result.total).toBe('192.00');
    expect(result.trace.map((e) => [e.label, e.points])).toEqual([['指标', '+192.00'], ['甲', '+132.00'], ['乙', '+60.00']]);
    expect(inputError(declared, [{ points: 150, target: 1, actual: 1 }], { points: 200 }).code).toBe('completion.itemPoints');
  });

  it('rejects a target of 0 and a missing actual value with a message naming the indicator', () => {
    expect(inputError(method, { target: 0, actual: 1 }).zh).toBe('「指标」的目标值必须大于 0');
    const missing = inputError(method, { target: 10 });
    expect([missing.path, missing.code]).toEqual(['inputs.x.actual', 'input.number']);
  });
});

describe('rating scale', () => {
  const method: ScoringMethod = { type: 'ratingScale', scale: [{ label: '好', value: 100 }, { label: '较好', value: 85 }, { label: '一般', value: 70 }] };
  it.each([
    ['one label', '较好', {}, '85.00'],
    ['labels averaged', ['好', '较好', '较好'], {}, '90.00'],
    ['numbers averaged and rounded', [90, 91, 91], {}, '90.67'],
    ['on the leaf’s full points (10 points)', '较好', { points: 10 }, '8.50'],
  ])('%s', (_, input, leaf, total) => {
    expect(score(method, input, leaf).total).toBe(total);
  });

  it('rejects an unknown label, a number above 100 and a missing rating', () => {
    expect(inputError(method, '优').zh).toBe('「指标」没有评价等次「优」（可选：好、较好、一般）');
    expect(inputError(method, 101).code).toBe('input.ratingRange');
    expect(inputError(method, []).code).toBe('input.missing');
  });
});

describe('R3 leader comprehensive evaluation (002 §10)', () => {
  const scale = (top: number, good: number) => [
    { label: '优', value: top }, { label: '良', value: good }, { label: '合格', value: 0 }, { label: '较差', value: -good }, { label: '差', value: -top },
  ];
  const method: ScoringMethod = {
    type: 'leaderVotes',
    roles: [{ code: 'director', label: '局长', maxVotes: 1, values: scale(5, 2.5) }, { code: 'leader', label: '其他局领导', values: scale(1, 0.5) }],
  };
  it.each([
    ['director 良, leaders 优 优 良 合格', { director: '良', leader: ['优', '优', '良', '合格'] }, '5.00'],
    ['director 差', { director: '差' }, '-5.00'],
    ['leaders 较差 较差', { leader: ['较差', '较差'] }, '-1.00'],
    ['no votes', undefined, '0.00'],
  ])('%s', (_, input, total) => {
    expect(score(method, input).total).toBe(total);
  });

  it('allows the director one vote', () => {
    expect(inputError(method, { director: ['优', '优'] }).code).toBe('input.tooMany');
  });
});

describe('R4 itemised bonuses (002 §11.1)', () => {
  const method: ScoringMethod = {
    type: 'bonusItems',
    oncePerWork: true,
    cap: 20,
    items: [
      { code: 'national', label: '国家级通报表扬', points: 10 },
      { code: 'provincial', label: '省级通报表扬', points: 5 },
      { code: 'municipal', label: '市级通报表扬', points: 1 },
      { code: 'special', label: '特殊贡献', maxPoints: 3 },
    ],
  };
  it.each([
    ['one provincial, two municipal', [{ code: 'provincial' }, { code: 'municipal' }, { code: 'municipal' }], '7.00'],
    ['same work counts once, the highest item', [{ code: 'national', work: 'A' }, { code: 'provincial', work: 'A' }, { code: 'municipal', work: 'B' }], '11.00'],
    ['capped at 20', [{ code: 'national' }, { code: 'national' }, { code: 'provincial' }], '20.00'],
    ['count and discretionary points', [{ code: 'municipal', count: 3 }, { code: 'special', points: 1.5 }], '4.50'],
    ['codes as plain strings', ['provincial', 'municipal'], '6.00'],
  ])('%s', (_, input, total) => {
    expect(score(method, input).total).toBe(total);
  });

  it('shows the cap and the de-duplication in the trace', () => {
    const capped = score(method, [{ code: 'national' }, { code: 'national' }, { code: 'provincial' }]);
    expect(capped.trace.at(-1)).toMatchObject({ rule: 'cap', points: '-5.00', detail: '合计 25.00，超过上限 20.00，按 20.00 计' });
    const deduped = score(method, [{ code: 'national', work: 'A' }, { code: 'provincial', work: 'A' }]);
    expect(deduped.trace[2]).toMatchObject({ points: '0.00' });
    expect(deduped.trace[2].detail).toContain('不重复加分');
  });

  it('rejects unknown codes, fixed points given by hand and discretionary points above the maximum', () => {
    expect(inputError(method, [{ code: 'county' }]).code).toBe('input.unknownCode');
    expect(inputError(method, [{ code: 'national', points: 3 }]).code).toBe('input.fixedPoints');
    expect(inputError(method, [{ code: 'special', points: 4 }]).code).toBe('input.pointsRange');
  });
});

describe('R5 deductions with multipliers (002 §11.2)', () => {
  const method: ScoringMethod = {
    type: 'deductions',
    items: [{ code: 'municipal', label: '市级通报批评', points: 1 }, { code: 'mediaProvincial', label: '省级媒体曝光', points: 2 }],
    multipliers: [{ code: 'double', label: '双倍扣分', factor: 2 }],
  };
  it.each([
    ['one criticism and one exposure', [{ code: 'municipal' }, { code: 'mediaProvincial' }], '3.00'],
    ['doubled', [{ code: 'mediaProvincial', multiplier: 'double' }], '4.00'],
    ['twice, doubled', [{ code: 'municipal', count: 2, multiplier: 'double' }], '4.00'],
    ['none', undefined, '0.00'],
  ])('%s (the value is the amount deducted)', (_, input, total) => {
    expect(score(method, input).total).toBe(total);
  });
});

describe('R6 rank adjustment (002 §11.3)', () => {
  const method: ScoringMethod = { type: 'rankAdjustment', baseline: 11, of: 21, perPlace: 0.2 };
  it.each([
    ['8th of 21', 8, '0.60'],
    ['at the baseline', 11, '0.00'],
    ['last', 21, '-2.00'],
    ['first', 1, '2.00'],
    ['two works', [{ work: '公路', rank: 5 }, { work: '水运', rank: 14 }], '0.60'],
  ])('%s', (_, input, total) => {
    expect(score(method, input).total).toBe(total);
  });

  it('rejects a rank outside the ranking', () => {
    expect(inputError(method, 22).zh).toBe('「指标」的排位应在 1 到 21 之间（当前为 22）');
  });
});

describe('R7 one-vote veto (002 §11.4, 004 §5)', () => {
  const method: ScoringMethod = {
    type: 'vetoes',
    events: [
      { code: 'accident', label: '重特大安全生产责任事故', deduct: 5, effect: 'barTopGrade' },
      { code: 'incident', label: '重大群体性事件', deduct: 0, effect: 'downgrade' },
      { code: 'fraud', label: '弄虚作假', deduct: 0, effect: 'forceLowest' },
    ],
  };
  it.each([
    ['one event deducts 5', ['accident'], '5.00', ['barTopGrade']],
    ['each event deducts', [{ code: 'accident' }, { code: 'accident', note: '第二起' }], '10.00', ['barTopGrade', 'barTopGrade']],
    ['grade effects without deduction', ['incident', 'fraud'], '0.00', ['downgrade', 'forceLowest']],
    ['none', undefined, '0.00', []],
  ])('%s', (_, input, total, effects) => {
    const result = score(method, input);
    expect(result.total).toBe(total);
    expect(result.vetoEffects.map((v) => v.effect)).toEqual(effects);
  });
});

describe('R8 rater groups with weights (001, 003)', () => {
  const scale = [{ label: '好', value: 100 }, { label: '较好', value: 85 }, { label: '一般', value: 70 }, { label: '较差', value: 50 }];
  const method: ScoringMethod = {
    type: 'raterGroups',
    scale,
    groups: [{ code: 'self', label: '自评', weight: 20, maxRatings: 5 }, { code: 'supervisor', label: '直接领导', weight: 80 }],
    missingGroup: 'redistribute',
  };
  it.each([
    ['self average 95, supervisor 85', { self: ['好', '较好', '好'], supervisor: '较好' }, '87.00'],
    ['all 好', { self: ['好'], supervisor: ['好'] }, '100.00'],
    ['average rounded, then weighted', { self: ['好', '较好', '较好'], supervisor: '一般' }, '74.00'],
    ['a missing group’s weight is shared out', { supervisor: '较好' }, '85.00'],
  ])('%s', (_, input, total) => {
    expect(score(method, input).total).toBe(total);
  });

  it('rejects more than 5 self-ratings, unknown groups, and missing groups when the rule says so', () => {
    expect(inputError(method, { self: ['好', '好', '好', '好', '好', '好'], supervisor: '好' }).code).toBe('input.tooMany');
    expect(inputError(method, { peers: ['好'] }).code).toBe('input.unknownCode');
    expect(inputError({ ...method, missingGroup: 'error' }, { supervisor: '好' }).code).toBe('input.missing');
  });
});

describe('R9 violation deductions by the person’s rank (004 §4)', () => {
  const method: ScoringMethod = {
    type: 'rankDeductions',
    ranks: [{ code: 'county', label: '县处级干部' }, { code: 'head', label: '科室主要负责人' }, { code: 'staff', label: '一般干部' }],
    kinds: [{ code: 'finding', label: '察访核验查实违规', points: { county: 0.5, head: 0.3, staff: 0.1 }, bonusCancelled: { county: ['本人'] } }],
    multipliers: [{ code: 'provincial', label: '省效能办发现，双倍扣分', factor: 2 }],
  };
  it.each([
    ['one case per rank', [{ kind: 'finding', rank: 'county' }, { kind: 'finding', rank: 'head' }, { kind: 'finding', rank: 'staff' }], '0.90', 1],
    ['the same case and person once', [{ kind: 'finding', rank: 'head', caseId: 'c1', person: '王' }, { kind: 'finding', rank: 'head', caseId: 'c1', person: '王' }], '0.30', 0],
    ['already deducted in an earlier year', [{ kind: 'finding', rank: 'county', deductedBefore: true }], '0.00', 0],
    ['doubled', [{ kind: 'finding', rank: 'county', multiplier: 'provincial', person: '赵' }], '1.00', 1],
  ])('%s', (_, input, total, cancellations) => {
    const result = score(method, input);
    expect(result.total).toBe(total);
    expect(result.bonusCancellations).toHaveLength(cancellations);
  });
});

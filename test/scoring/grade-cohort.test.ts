/** Grade rules G1–G5 on cohorts, with the boundary cases: at the quota, ties across it, empty, one, all vetoed. */
import { describe, expect, it } from 'vitest';
import { type CohortMember, getPreset, gradeCohort, type RuleSet, validateRuleSet } from '../../server/scoring/index.ts';
import type { GradeRules, VetoEffect } from '../../server/scoring/rule-set.ts';

function withGrading(grading: GradeRules): RuleSet {
  const result = validateRuleSet({
    id: 'g', name: '等次测试', version: 1, subjectKind: 'person',
    indicators: [{ key: 'score', name: '得分', method: { type: 'ratingScale' } }, { key: 'second', name: '次要得分', method: { type: 'ratingScale' } }],
    total: '=score', grading,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.ruleSet;
}

interface Spec {
  total: number;
  second?: number;
  category?: string;
  veto?: VetoEffect;
}

/** Members from totals alone, as stored score results arrive (strings). */
function members(specs: Array<number | Spec>): CohortMember[] {
  return specs.map((spec, i) => {
    const s = typeof spec === 'number' ? { total: spec } : spec;
    return {
      subjectId: `s${i + 1}`,
      category: s.category,
      score: {
        total: s.total.toFixed(2),
        intermediates: { score: s.total.toFixed(2), second: (s.second ?? 0).toFixed(2) },
        vetoEffects: s.veto ? [{ code: 'v', label: '否决事项', effect: s.veto, indicator: 'veto' }] : [],
      },
    };
  });
}

const levels = (ruleSet: RuleSet, specs: Array<number | Spec>, context = {}) => gradeCohort(ruleSet, members(specs), context).map((g) => g.levelLabel);

const quota = (share: number, rounding: 'halfUp' | 'up' | 'down', ties: 'includeAll' | 'excludeAll' = 'excludeAll') => withGrading({
  levels: [{ code: 'top', label: '优秀' }, { code: 'rest', label: '称职' }],
  rules: [{ level: 'top', top: { share, rounding } }],
  otherwise: 'rest',
  rankBy: [{ key: 'second', direction: 'desc' }],
  ties,
});

const count = (grades: string[]) => grades.filter((label) => label === '优秀').length;
const seven = [91, 88, 86, 84, 80, 77, 70];

describe('G5 quota arithmetic: 15 % of 7 people is 1.05', () => {
  it.each([
    ['halfUp', 1],
    ['up', 2],
    ['down', 1],
  ] as const)('%s → %i 优秀', (rounding, expected) => {
    expect(count(levels(quota(15, rounding), seven))).toBe(expected);
  });

  it.each([[0.5, 'halfUp', 1], [0.4, 'halfUp', 0], [0.01, 'up', 1], [0.99, 'down', 0]] as const)('share %s % of 100: %s → %i', (share, rounding, expected) => {
    expect(count(levels(quota(share, rounding), Array.from({ length: 100 }, (_, i) => 100 - i * 0.5)))).toBe(expected);
  });
});

describe('G5 boundaries and ties', () => {
  const ten = [95, 93, 90, 89, 85, 80, 79, 75, 70, 60];

  it('exactly at the quota boundary: 30 % of 10 = 3, the 3rd is in and the 4th out', () => {
    const grades = gradeCohort(quota(30, 'halfUp'), members(ten));
    expect(grades.map((g) => g.levelLabel)).toEqual(['优秀', '优秀', '优秀', '称职', '称职', '称职', '称职', '称职', '称职', '称职']);
    expect(grades[2].trace.map((t) => t.detail)).toContain('在符合条件的 10 个对象中排第 3 名；「优秀」为前 10 × 30% = 3，四舍五入为 3 名，入选');
    expect(grades[3].trace.map((t) => t.detail)).toContain('在符合条件的 10 个对象中排第 4 名；「优秀」为前 10 × 30% = 3，四舍五入为 3 名，未入选');
  });

  const straddling: Spec[] = [{ total: 95 }, { total: 88, second: 70 }, { total: 88, second: 70 }, { total: 80 }, { total: 70 }];
  it.each([
    ['exclude all', 'excludeAll', ['优秀', '称职', '称职', '称职', '称职']],
    ['include all', 'includeAll', ['优秀', '优秀', '优秀', '称职', '称职']],
  ] as const)('ties straddling the boundary (40 %% of 5 = 2; 2nd and 3rd equal on every key): %s', (_, ties, expected) => {
    expect(levels(quota(40, 'halfUp', ties), straddling)).toEqual(expected);
  });

  it('applies no tie policy when the tie does not straddle the boundary', () => {
    const inside: Spec[] = [{ total: 95 }, { total: 90 }, { total: 88, second: 70 }, { total: 88, second: 70 }, { total: 80 }];
    expect(levels(quota(40, 'halfUp', 'includeAll'), inside)).toEqual(['优秀', '优秀', '称职', '称职', '称职']);
  });

  it('breaks a tie with the secondary key before the tie policy applies', () => {
    const specs: Spec[] = [{ total: 95 }, { total: 88, second: 60 }, { total: 88, second: 75 }, { total: 80 }];
    expect(levels(quota(50, 'halfUp'), specs)).toEqual(['优秀', '称职', '优秀', '称职']);
  });

  it('notes the tie in the trace', () => {
    const grades = gradeCohort(quota(40, 'halfUp'), members(straddling));
    expect(grades[1].trace.map((t) => t.detail)).toContain('与另外 1 个对象在名额边界并列（综合得分及排序依据均相同），按并列规则全部不入选');
    expect(grades.map((g) => g.rank)).toEqual([1, 2, 2, 4, 5]);
  });

  it('grades an empty cohort as nothing, and a cohort of one by the rounding rule', () => {
    expect(gradeCohort(quota(15, 'halfUp'), [])).toEqual([]);
    expect(levels(quota(15, 'halfUp'), [99])).toEqual(['称职']);
    expect(levels(quota(15, 'up'), [99])).toEqual(['优秀']);
    expect(gradeCohort(quota(15, 'up'), members([99]))[0]).toMatchObject({ rank: 1, cohortSize: 1 });
  });

  it('gives nobody the top grade when everyone is vetoed, and says why', () => {
    const grades = gradeCohort(quota(30, 'up'), members([95, 90, 85].map((total) => ({ total, veto: 'barTopGrade' as const }))));
    expect(grades.map((g) => g.levelLabel)).toEqual(['称职', '称职', '称职']);
    expect(grades[0].trace.map((t) => t.detail)).toContain('出现一票否决事项「否决事项」，不得评为「优秀」');
  });
});

describe('G2 quota + thresholds (quanzhou-2019: 30 % 优秀, ≥ 70 and last 3 一般, ≥ 70 良好, < 70 差)', () => {
  const quanzhou = getPreset('quanzhou-2019')!;
  it.each([
    ['ten units', [99, 95, 93, 90, 88, 85, 80, 78, 75, 72], ['优秀', '优秀', '优秀', '良好', '良好', '良好', '良好', '一般', '一般', '一般']],
    ['a unit below 70 among the last 3 stays 差', [99, 95, 93, 90, 88, 85, 80, 78, 75, 65], ['优秀', '优秀', '优秀', '良好', '良好', '良好', '良好', '一般', '一般', '差']],
    ['three units', [90, 80, 75], ['优秀', '一般', '一般']],
  ])('%s', (_, totals, expected) => {
    expect(levels(quanzhou, totals)).toEqual(expected);
  });

  it.each([
    ['downgrade: 良好 → 一般', 'downgrade', '一般', 'good'],
    ['force the lowest: → 差', 'forceLowest', '差', 'good'],
  ] as const)('%s (G2 events)', (_, veto, level, base) => {
    const specs: Spec[] = [99, 95, 93, 90, 88, 85, 80, 78, 75, 72].map((total) => ({ total }));
    specs[3] = { total: 90, veto };
    const grade = gradeCohort(quanzhou, members(specs))[3];
    expect([grade.levelLabel, grade.baseLevel]).toEqual([level, base]);
  });

  it('does not give 优秀 to a unit forced to 差, and the next unit takes the place', () => {
    const specs: Spec[] = [{ total: 99, veto: 'forceLowest' }, ...[95, 93, 90, 88, 85, 80, 78, 75, 72].map((total) => ({ total }))];
    expect(levels(quanzhou, specs).slice(0, 5)).toEqual(['差', '优秀', '优秀', '优秀', '良好']);
  });
});

describe('G3 rank + threshold per category (guangyuan-2017: top 4 先进, < 150 不合格)', () => {
  const guangyuan = getPreset('guangyuan-2017')!;
  it('grades each category separately', () => {
    const specs: Spec[] = [
      ...[210, 205, 200, 190, 185, 140].map((total) => ({ total, category: '局直属单位' })),
      ...[180, 149.99].map((total) => ({ total, category: '县区交通运输局' })),
    ];
    expect(levels(guangyuan, specs)).toEqual(['先进', '先进', '先进', '先进', '合格', '不合格', '先进', '不合格']);
  });

  it('takes a vetoed unit out of 先进 without moving the 5th up (top 4 of the whole category)', () => {
    const specs: Spec[] = [210, 205, 200, 190, 185].map((total) => ({ total, category: '局机关科室' }));
    specs[1] = { total: 205, category: '局机关科室', veto: 'barTopGrade' };
    expect(levels(guangyuan, specs)).toEqual(['先进', '合格', '先进', '先进', '合格']);
  });

  it('labels the last of each category, ties included', () => {
    const grades = gradeCohort(guangyuan, members([200, 180, 170, 170].map((total) => ({ total, category: '局直属单位' }))));
    expect(grades.map((g) => g.labels.map((l) => l.label))).toEqual([[], [], ['同类最后一位'], ['同类最后一位']]);
  });
});

describe('G4 eligibility pool (chengdu-2024: 好 only from the top 50 %)', () => {
  const chengdu = getPreset('chengdu-2024')!;
  it('keeps a subject above the 好 threshold out of 好 when it is not in the top 50 %', () => {
    const grades = gradeCohort(chengdu, members([100, 99, 98, 95, 80, 60]));
    expect(grades.map((g) => g.levelLabel)).toEqual(['好', '好', '好', '较好', '较好', '一般']);
    expect(grades[3].trace.map((t) => t.detail)).toContain('「好」只从按综合得分排名前 50% 的对象中产生（6 × 50% = 3，向下取整为 3 名），不在入围范围内');
  });
});

describe('G1 individual quota with uplift (civil-servant-model: 15 %, 20 % in an 优秀 unit)', () => {
  const model = getPreset('civil-servant-model')!;
  const ten = [95, 93, 91, 89, 87, 85, 80, 72, 65, 50];
  it.each([
    ['unit not 优秀', {}, ['优秀', '称职', '称职', '称职', '称职', '称职', '称职', '称职', '基本称职', '不称职']],
    ['unit 优秀: 20 %', { unitLevel: '优秀' }, ['优秀', '优秀', '称职', '称职', '称职', '称职', '称职', '称职', '基本称职', '不称职']],
  ])('%s', (_, context, expected) => {
    expect(levels(model, ten, context)).toEqual(expected);
  });

  it('explains the uplift', () => {
    const grade = gradeCohort(model, members(ten), { unitLevel: '优秀' })[1];
    expect(grade.trace.map((t) => t.detail)).toContain('在符合条件的 10 个对象中排第 2 名；「优秀」为前 本单位等次为「优秀」，比例由 15% 上浮至 20%：10 × 20% = 2，向下取整为 2 名，入选');
  });
});

describe('grading is about the cohort, not its order', () => {
  it('returns results in input order with competition ranks', () => {
    const grades = gradeCohort(quota(30, 'halfUp'), members([70, 95, 80, 95]));
    expect(grades.map((g) => [g.subjectId, g.rank, g.levelLabel])).toEqual([['s1', 4, '称职'], ['s2', 1, '称职'], ['s3', 3, '称职'], ['s4', 1, '称职']]);
  });
});

/** Validation on save: every problem as a message a performance-office user understands. */
import { describe, expect, it } from 'vitest';
import { getPreset, listPresets, type RuleSetError, validateRuleSet } from '../../server/scoring/index.ts';

const rated = { type: 'ratingScale' };
/** A rule set as a user edits it: loose JSON, changed by each test row. */
type Candidate = any;
const base = (): Candidate => ({
  id: 'x', name: '测试', version: 1, subjectKind: 'person',
  indicators: [{
    key: 'root', name: '绩效得分', points: 100, children: [
      { key: 'de', name: '德', weight: 30, method: rated },
      { key: 'ji', name: '绩', weight: 70, method: rated },
    ],
  }],
  total: '=root',
  grading: {
    levels: [{ code: 'good', label: '优秀' }, { code: 'ok', label: '称职' }],
    rules: [{ level: 'good', top: { share: 15, rounding: 'down' } }],
    otherwise: 'ok',
    ties: 'excludeAll',
  },
});

function errorsOf(change: (r: Candidate) => void): RuleSetError[] {
  const candidate = base();
  change(candidate);
  const result = validateRuleSet(candidate);
  return result.ok ? [] : result.errors;
}

describe('validateRuleSet', () => {
  it('accepts a sound rule set and every preset', () => {
    expect(validateRuleSet(base())).toMatchObject({ ok: true });
    for (const { id } of listPresets()) expect(validateRuleSet(getPreset(id)), id).toMatchObject({ ok: true });
  });

  it('says which siblings do not add up to 100 %, in Chinese and English', () => {
    expect(errorsOf((r) => { r.indicators[0].children[1].weight = 60; })).toEqual([{
      path: 'indicators[0].children',
      code: 'weights.sum',
      zh: '「绩效得分」下各指标权重之和为 90%，应为 100%',
      en: 'Weights under "绩效得分" add up to 90 %, must be 100 %',
    }]);
  });

  it.each<[string, (r: Candidate) => void, string, string]>([
    ['variant weights', (r) => { r.postCategories = ['执法']; r.indicators[0].children[0].variants = { 执法: { weight: 20 } }; }, 'weights.sum', '「绩效得分」下（岗位类别「执法」）各指标权重之和为 90%，应为 100%'],
    ['weights on some siblings only', (r) => { delete r.indicators[0].children[0].weight; }, 'weights.mixed', '「绩效得分」下的指标要么都设置权重，要么都不设置'],
    ['children points', (r) => { r.indicators[0].children = [{ key: 'a', name: '甲', points: 60, method: rated }, { key: 'b', name: '乙', points: 30, method: rated }]; }, 'points.sum', '「绩效得分」下各指标分值之和为 90，应为「绩效得分」的分值 100'],
    ['a weighted bonus', (r) => { r.indicators[0].children[0].method = { type: 'bonusItems', oncePerWork: false, items: [{ code: 'x', label: '表扬', points: 1 }] }; }, 'weights.unscaled', '「德」是加减分项，没有满分，不能按权重计入'],
    ['four levels', (r) => { r.indicators[0].children[0] = { key: 'l2', name: '二级', weight: 30, children: [{ key: 'l3', name: '三级', children: [{ key: 'l4', name: '四级', method: rated }] }] }; }, 'indicators.depth', '「四级」超出三级指标：指标最多分三级'],
    ['a leaf without method', (r) => { delete r.indicators[0].children[0].method; }, 'indicator.noMethod', '「德」是末级指标，需要设置计分方法'],
    ['a duplicate key', (r) => { r.indicators[0].children[1].key = 'de'; }, 'key.duplicate', '编号「de」重复：指标和公式的编号必须唯一'],
    ['a key FEEL cannot name', (r) => { r.indicators[0].children[1].key = 'ji-score'; }, 'key.invalid', '指标编号「ji-score」只能由字母、数字和下划线组成，不能以数字开头，也不能是 FEEL 保留字'],
    ['an unknown name in the formula', (r) => { r.total = '=root + bonus'; }, 'formula.unknownName', '公式「综合得分」引用了不存在的名称「bonus」（可用：root、de、ji）'],
    ['a formula that does not parse', (r) => { r.total = '=root * 0.7 +'; }, 'formula.syntax', '公式「综合得分」有语法错误：第 13 个字符附近「+」无法识别'],
    ['an unknown function', (r) => { r.total = '=rounded(root)'; }, 'formula.unknownFunction', '公式「综合得分」调用了不存在的函数「rounded」'],
    ['a formula that is not a number', (r) => { r.total = '=if root > 0 then "好" else 0'; }, 'formula.notNumber', '公式「综合得分」的结果不是数字（各项取 1 时结果为 "好"）'],
    ['formulas in a circle', (r) => { r.formulas = [{ key: 'p', label: '甲', expression: '=q + 1' }, { key: 'q', label: '乙', expression: '=p * 2' }]; }, 'formula.cycle', '公式之间存在循环引用：p → q → p'],
    ['a quota over 100 %', (r) => { r.grading.rules[0].top.share = 120; }, 'quota.over100', '「优秀」名额的比例为 120%，不能超过 100%'],
    ['a share without rounding rule', (r) => { delete r.grading.rules[0].top.rounding; }, 'window.rounding', '「优秀」名额按比例计算名额，需要指定取整方式（四舍五入 halfUp / 向上 up / 向下 down）'],
    ['an unknown level', (r) => { r.grading.otherwise = 'pass'; }, 'level.unknown', '等次「pass」未在等次列表中定义（已定义：good、ok）'],
    ['a ranking key that does not exist', (r) => { r.grading.rankBy = [{ key: 'jj', direction: 'desc' }]; }, 'grading.unknownKey', '排序依据「jj」不是指标或公式的编号'],
    ['points with three decimals', (r) => { r.indicators[0].points = 100.005; }, 'number.decimals', '「绩效得分」的分值最多保留两位小数（当前为 100.005）'],
    ['rater group weights', (r) => { r.indicators[0].children[0].method = { type: 'raterGroups', missingGroup: 'error', groups: [{ code: 'self', label: '自评', weight: 20 }, { code: 'boss', label: '领导', weight: 70 }] }; }, 'weights.sum', '「德」各评价主体权重之和为 90%，应为 100%'],
    ['a rank baseline outside the ranking', (r) => { r.indicators.push({ key: 'rank', name: '排位', method: { type: 'rankAdjustment', baseline: 30, of: 21, perPlace: 0.2 } }); }, 'rank.baseline', '「排位」的基准名次应在 1 到 21 之间'],
  ])('rejects %s', (_, change, code, zh) => {
    const errors = errorsOf(change);
    expect(errors.map((e) => e.code)).toContain(code);
    expect(errors.find((e) => e.code === code)?.zh).toBe(zh);
  });

  it('reports shape errors with the path of the field', () => {
    expect(errorsOf((r) => { r.indicators[0].children[0].weight = '30'; })).toEqual([
      { path: 'indicators[0].children[0].weight', code: 'schema.type', zh: '「indicators[0].children[0].weight」应为数字', en: '"indicators[0].children[0].weight" must be of type number' },
    ]);
    expect(errorsOf((r) => { r.indicators[0].children[0].wieght = 30; }).map((e) => e.code)).toEqual(['schema.unknownField']);
    expect(errorsOf((r) => { r.indicators[0].children[0].method = { type: 'magic' }; }).map((e) => e.code)).toEqual(['schema.method']);
    expect(validateRuleSet(null)).toMatchObject({ ok: false });
  });
});

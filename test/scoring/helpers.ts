/** Small rule sets and trace checks shared by the scoring tests. */
import { expect } from 'vitest';
import { type RuleSet, type ScoreResult, type TraceEntry, validateRuleSet } from '../../server/scoring/index.ts';
import type { Indicator, GradeRules } from '../../server/scoring/rule-set.ts';

export const simpleGrading: GradeRules = {
  levels: [{ code: 'a', label: '优秀' }, { code: 'b', label: '合格' }],
  rules: [],
  otherwise: 'b',
  ties: 'excludeAll',
};

/** A validated rule set from indicators and a total formula; fails the test when it does not validate. */
export function ruleSetOf(indicators: Indicator[], total: string, extra: Partial<RuleSet> = {}): RuleSet {
  const validation = validateRuleSet({ id: 'test', name: '测试规则集', version: 1, subjectKind: 'person', indicators, total, grading: simpleGrading, ...extra });
  if (!validation.ok) throw new Error(JSON.stringify(validation.errors, null, 2));
  return validation.ruleSet;
}

/** A rule set with one leaf `x` scored by `method`, total = x. */
export function oneLeaf(method: Indicator['method'], leaf: Partial<Indicator> = {}): RuleSet {
  return ruleSetOf([{ key: 'x', name: '指标', method, ...leaf }], '=x');
}

const cents = (text: string) => Math.round(Number(text) * 100);

/**
 * The trace adds up: the top-level terms give the total, and below every entry its terms give the entry's
 * value (or its points when it has no separate value).
 */
export function expectTraceAddsUp(score: ScoreResult): void {
  const trace = score.trace;
  const sumBelow = (at: number, depth: number) => {
    let sum = 0;
    let terms = 0;
    for (let i = at; i < trace.length && trace[i].depth >= depth; i += 1) {
      if (trace[i].depth === depth && trace[i].kind === 'term') {
        sum += cents(trace[i].points);
        terms += 1;
      }
    }
    return { sum, terms };
  };
  expect(sumBelow(0, 0).sum).toBe(cents(score.total));
  trace.forEach((entry: TraceEntry, i) => {
    const below = sumBelow(i + 1, entry.depth + 1);
    if (below.terms > 0) expect(below.sum, `${entry.key} ${entry.label}`).toBe(cents(entry.value ?? entry.points));
  });
}

/** Composite formulas in FEEL: linear ones exact with per-term trace, others through feelin. */
import { describe, expect, it } from 'vitest';
import { computeScore } from '../../server/scoring/index.ts';
import { formulaNames, linearForm, parseFormula } from '../../server/scoring/formula.ts';
import type { Indicator } from '../../server/scoring/rule-set.ts';
import { expectTraceAddsUp, ruleSetOf } from './helpers.ts';

const leaves: Indicator[] = ['a', 'b', 'c'].map((key) => ({ key, name: `项${key}`, method: { type: 'ratingScale' } }));
const total = (formula: string, inputs: Record<string, number>, formulas = {}) =>
  computeScore(ruleSetOf(leaves, formula, formulas), { subjectId: 's', inputs });

describe('composite formula (R8, 004: 目标考评 × 70% + 公众评议 × 30% + 激励 − 扣分)', () => {
  it.each([
    ['=a * 0.7 + b * 0.3 + c', { a: 85.15, b: 90.05, c: 1 }, '87.63'],
    ['=a * 0.7 + b * 0.3', { a: 85.15, b: 0, c: 0 }, '59.61'],
    ['=(a + b) / 2 - c', { a: 80, b: 91, c: 0.5 }, '85.00'],
    ['=a * 70% ', { a: 10, b: 0, c: 0 }, null],
    ['=-a + 100', { a: 30.5, b: 0, c: 0 }, '69.50'],
    ['=a / 3', { a: 10, b: 0, c: 0 }, '3.33'],
  ])('%s', (formula, inputs, expected) => {
    if (expected === null) {
      expect(() => ruleSetOf(leaves, formula)).toThrow();
      return;
    }
    const result = total(formula, inputs);
    expect(result.total).toBe(expected);
    expectTraceAddsUp(result);
  });

  it('rounds every weighted term half up to the cent and shows it in the trace', () => {
    const result = total('=a * 0.7 + b * 0.3 + c', { a: 85.15, b: 90.05, c: 1 });
    expect(result.trace.filter((e) => e.depth === 0).map((e) => [e.label, e.points, e.detail])).toEqual([
      ['项a', '+59.61', '85.15 × 0.7 = +59.61（四舍五入到 0.01）；评价「85.15」，按百分制计 85.15'],
      ['项b', '+27.02', '90.05 × 0.3 = +27.02（四舍五入到 0.01）；评价「90.05」，按百分制计 90.05'],
      ['项c', '+1.00', '计入 1.00；评价「1」，按百分制计 1.00'],
    ]);
  });

  it('evaluates named intermediate formulas in dependency order', () => {
    const formulas = { formulas: [{ key: 'base', label: '基础分', expression: '=a * 0.5 + b * 0.5' }] };
    const result = total('=base + c', { a: 80, b: 91, c: 2 }, formulas);
    expect(result.total).toBe('87.50');
    expect(result.intermediates.base).toBe('85.50');
    expect(result.trace.map((e) => [e.depth, e.label, e.points])).toEqual([
      [0, '基础分', '+85.50'], [1, '项a', '+40.00'], [1, '项b', '+45.50'], [0, '项c', '+2.00'],
    ]);
    expectTraceAddsUp(result);
  });

  it('evaluates a non-linear formula with feelin and rounds its result to the cent', () => {
    const result = total('=if c > 0 then min(a, b) * 0.7 else max(a, b)', { a: 85.15, b: 90, c: 1 });
    expect(result.total).toBe('59.61');
    expect(result.trace[0]).toMatchObject({ depth: 0, kind: 'term', points: '+59.61', rule: 'formula' });
    expect(result.trace.slice(1).filter((e) => e.depth === 1).every((e) => e.kind === 'input')).toBe(true);
    expect(total('=if c > 0 then min(a, b) * 0.7 else max(a, b)', { a: 85.15, b: 90, c: 0 }).total).toBe('90.00');
  });

  it('finds the names a formula uses, leaving out FEEL functions and names it binds itself', () => {
    const parsed = parseFormula('=sum(for x in [a, b] return x * k) + min(c, 3)');
    if (!('tree' in parsed)) throw new Error('does not parse');
    expect(formulaNames(parsed)).toEqual({ variables: ['a', 'b', 'k', 'c'], functions: ['sum', 'min'] });
  });

  it.each([
    ['a * 0.7 + b * 0.3', true],
    ['2 * (a - b) / 4 + 1', true],
    ['a * b', false],
    ['min(a, b)', false],
    ['a / b', false],
  ])('%s is linear: %s', (formula, linear) => {
    const parsed = parseFormula(formula);
    if (!('tree' in parsed)) throw new Error('does not parse');
    expect(linearForm(parsed) !== null).toBe(linear);
  });
});

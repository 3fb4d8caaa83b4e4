import { describe, it, expect } from 'vitest';
import { evaluateFeel, FeelError, resolveValue } from '../../engine/feel.ts';

describe('FEEL evaluation (feelin), strict', () => {
  it.each([
    ['=decision = "approve"', { decision: 'approve' }, true],
    ['=decision = "approve"', { decision: 'return' }, false],
    ['=staff', { staff: 'zhangsan' }, 'zhangsan'],
    ['=score * 0.7 + 10', { score: 80 }, 66],
    ['=count(items) <= 5', { items: [1, 2, 3] }, true],
  ])('%s with %j → %j', (expression, variables, expected) => {
    expect(evaluateFeel(expression, variables)).toEqual(expected);
  });

  it('fails on a variable that does not exist instead of evaluating to null', () => {
    expect(() => evaluateFeel('=decision = "approve"', {})).toThrow(FeelError);
    expect(() => evaluateFeel('=decision = "approve"', {})).toThrow(/decision/);
  });

  it('fails on a syntax error with a Chinese and English message', () => {
    expect(() => evaluateFeel('=score +', { score: 1 })).toThrow(/语法错误 syntax error/);
  });

  it('fails on an expression that evaluates to null, as Zeebe raises an incident', () => {
    expect(() => evaluateFeel('=decision = = "x"', { decision: 'x' })).toThrow(/null/);
    expect(() => evaluateFeel('=leader', { leader: null })).toThrow(/null/);
  });

  it('treats values without a leading = as static', () => {
    expect(resolveValue('zhangsan', {})).toBe('zhangsan');
    expect(resolveValue('', {})).toBeUndefined();
    expect(resolveValue(undefined, {})).toBeUndefined();
  });
});

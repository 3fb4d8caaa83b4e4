import { describe, expect, it } from 'vitest';
import { centsFromFloat, formatCents, formatRatio, mulDiv, parseDecimal, roundDiv, toCents } from '../../server/scoring/decimal.ts';

describe('exact decimals', () => {
  it.each([
    [0.1, { n: 1, d: 10 }],
    [2.5, { n: 5, d: 2 }],
    ['59.605', { n: 11921, d: 200 }],
    [-0.2, { n: -1, d: 5 }],
    [1e21, { n: Number.NaN, d: 1 }],
  ])('parses %s exactly', (input, expected) => {
    if (Number.isNaN(expected.n)) expect(() => parseDecimal(input)).toThrow();
    else expect(parseDecimal(input)).toEqual(expected);
  });

  it.each([
    [59.605, 5961],
    ['59.604999', 5960],
    [1.005, 101],
    [-1.005, -101],
    [0.125, 13],
    ['203.6', 20360],
  ])('takes %s to hundredths rounding half up (四舍五入)', (input, expected) => {
    expect(toCents(input)).toBe(expected);
  });

  it.each([
    [5, 2, 3], [7, 2, 4], [-5, 2, -3], [1, 3, 0], [2, 3, 1], [10500, 10000, 1],
  ])('roundDiv(%i, %i) = %i', (n, d, expected) => {
    expect(roundDiv(n, d)).toBe(expected);
  });

  it('multiplies beyond the safe integer range through BigInt', () => {
    expect(mulDiv(9_000_000_000_000, 1_000_003, 1_000_000)).toBe(9_000_027_000_000);
  });

  it('brings FEEL floats back without binary noise (85.15 × 0.7 = 59.605 → 59.61; 0.285 → 0.29)', () => {
    expect((85.15 * 0.7).toFixed(2)).toBe('59.60');
    expect(Math.round(0.285 * 100)).toBe(28);
    expect(centsFromFloat(85.15 * 0.7)).toBe(5961);
    expect(centsFromFloat(0.285)).toBe(29);
    expect(centsFromFloat(0.1 + 0.2)).toBe(30);
  });

  it.each([
    [20360, false, '203.60'], [5, false, '0.05'], [-300, true, '-3.00'], [500, true, '+5.00'], [0, true, '0.00'], [-5, false, '-0.05'],
  ])('formats %i as %s', (c, signed, text) => {
    expect(formatCents(c, signed)).toBe(text);
  });

  it.each([[{ n: 7, d: 10 }, '0.7'], [{ n: 1, d: 3 }, '1/3'], [{ n: -3, d: 8 }, '-0.375'], [{ n: 2, d: 1 }, '2']])('shows a ratio %o as %s', (r, text) => {
    expect(formatRatio(r)).toBe(text);
  });
});

/** G5 名额计算: a share of the headcount, rounded by the rule set's rounding rule, in exact integers. */
import { toCents } from './decimal.ts';
import type { QuotaRounding } from './rule-set.ts';

const roundingText: Record<QuotaRounding, string> = { halfUp: '四舍五入', up: '向上取整', down: '向下取整' };

/** headcount × share %, rounded; 15 % of 7 is 1.05 → 1 (halfUp), 2 (up), 1 (down). */
export function quotaCount(headcount: number, share: number, rounding: QuotaRounding): number {
  const numerator = headcount * toCents(share);
  const denominator = 10000;
  const floor = Math.floor(numerator / denominator);
  const remainder = numerator - floor * denominator;
  if (remainder === 0 || rounding === 'down') return floor;
  if (rounding === 'up') return floor + 1;
  return 2 * remainder >= denominator ? floor + 1 : floor;
}

/** "7 × 15% = 1.05，四舍五入为 1" */
export function quotaText(headcount: number, share: number, rounding: QuotaRounding, count: number): string {
  const exact = (headcount * toCents(share)) / 10000;
  return `${headcount} × ${share}% = ${exact}，${roundingText[rounding]}为 ${count}`;
}

/** Ratings shared by the rating-scale and rater-group methods: read, average, scale, explain. */
import { averageCents, type Cents, formatCents, mulDiv } from '../decimal.ts';
import type { Issues } from '../issues.ts';
import type { ScaleEntry } from '../rule-set.ts';
import { INPUT } from '../trace.ts';
import { fail, listOf, ratingOf, ratingText } from './input.ts';
import type { LeafContext } from './method.ts';

const HUNDRED = 10000;

/** The values (0–100 scale, hundredths) of one rating or a list of ratings. */
export function ratingValues(scale: readonly ScaleEntry[] | undefined, input: unknown, path: string, zhWho: string, max?: number): Cents[] {
  const ratings = listOf(input);
  if (max !== undefined && ratings.length > max) {
    fail(path, 'input.tooMany', `「${zhWho}」最多 ${max} 个评价（当前 ${ratings.length} 个）`, `"${zhWho}" allows at most ${max} ratings (has ${ratings.length})`);
  }
  return ratings.map((rating, i) => ratingOf(scale, rating, Array.isArray(input) ? `${path}[${i}]` : path, zhWho));
}

/** A value on the 100-point scale expressed on the node's full points. */
export function onFullPoints(value: Cents, full: Cents): Cents {
  return full === HUNDRED ? value : mulDiv(value, full, HUNDRED);
}

export function averageOf(values: readonly Cents[]): Cents {
  return values.length === 1 ? values[0] : averageCents(values);
}

function describeRating(keyPrefix: string, ratings: unknown[], index: number, _points: Cents, value: Cents) {
  return {
    rule: 'rating',
    key: `${keyPrefix}[${index}]`,
    label: `第 ${index + 1} 个评价`,
    detail: `评价${ratingText(ratings[index])}，按百分制计 ${formatCents(value)}`,
  };
}

/** Lists the ratings that were averaged as input entries below the entry they explain. */
export function traceRatings(leaf: LeafContext, depth: number, keyPrefix: string, input: unknown, values: readonly Cents[]): void {
  if (values.length < 2) return;
  const ratings = listOf(input);
  values.forEach((value, index) => leaf.trace.add(depth, INPUT, value, value, describeRating, keyPrefix, ratings, index));
}

/** "评价「好」，按百分制计 100.00" or "3 个评价平均 95.00（百分制）", plus the conversion to the full points. */
export function ratingSummary(input: unknown, average: Cents, full: Cents): string {
  const ratings = listOf(input);
  const head = ratings.length === 1 ? `评价${ratingText(ratings[0])}，按百分制计 ${formatCents(average)}` : `${ratings.length} 个评价平均 ${formatCents(average)}（百分制）`;
  return full === HUNDRED ? head : `${head}，折合满分 ${formatCents(full)} 为 ${formatCents(onFullPoints(average, full))}`;
}

/** A rating scale: unique labels, values from 0 to 100. */
export function validateScale(scale: readonly ScaleEntry[] | undefined, path: string, zhNode: string, issues: Issues): void {
  if (!scale) return;
  issues.unique(scale, (entry) => entry.label, path, `「${zhNode}」的评价等次`, `Rating of "${zhNode}"`);
  scale.forEach((entry, i) => issues.amount(entry.value, `${path}[${i}].value`, `「${zhNode}」评价等次「${entry.label}」的分值`, `The value of rating "${entry.label}" of "${zhNode}"`, { min: 0, max: 100 }));
}

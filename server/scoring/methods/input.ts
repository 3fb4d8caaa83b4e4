/** Reading a subject's input for a leaf, with messages that say what is wrong and where. */
import { type Cents, DecimalError, mulDiv, parseDecimal, type Ratio, toCents } from '../decimal.ts';
import { ScoringInputError } from '../errors.ts';
import type { ScaleEntry } from '../rule-set.ts';

export function fail(path: string, code: string, zh: string, en: string): never {
  throw new ScoringInputError(path, code, zh, en);
}

/** One value or a list of values; nothing is an empty list. */
export function listOf(input: unknown): unknown[] {
  if (input === undefined || input === null) return [];
  return Array.isArray(input) ? input : [input];
}

/** An object input such as `{ "self": [...], "supervisor": "好" }`; nothing is an empty object. */
export function recordOf(input: unknown, path: string, zhNode: string): Record<string, unknown> {
  if (input === undefined || input === null) return {};
  if (typeof input !== 'object' || Array.isArray(input)) {
    fail(path, 'input.type', `「${zhNode}」的输入应为对象`, `The input of "${zhNode}" must be an object`);
  }
  return input as Record<string, unknown>;
}

/** An object entry of a list input, e.g. one bonus item. */
export function entryOf(input: unknown, path: string, zhNode: string): Record<string, unknown> {
  if (typeof input === 'string') return { code: input };
  return recordOf(input, path, zhNode);
}

/** Names of input fields for messages. */
const fields: Record<string, [string, string]> = {
  target: ['目标值', 'target'],
  actual: ['完成值', 'actual value'],
  points: ['分值', 'points'],
  count: ['次数', 'count'],
  rank: ['排位', 'rank'],
  '': ['评分', 'rating'],
};

/** The message parts for a field of an input entry: its path, and what it is in Chinese and English. */
function where(path: string, field: string, owner: string): [string, string, string] {
  const [zh, en] = fields[field] ?? [field, field];
  return [field ? `${path}.${field}` : path, `「${owner}」的${zh}`, `The ${en} of "${owner}"`];
}

const shown = (value: unknown) => JSON.stringify(value) ?? '空';

/** A number (JSON number or decimal string) at `path.field`; messages name the owner (an indicator or item). */
export function decimalOf(value: unknown, path: string, field: string, owner: string): Ratio {
  if (typeof value === 'number' || typeof value === 'string') {
    try {
      return parseDecimal(value);
    } catch (err) {
      if (!(err instanceof DecimalError)) throw err;
    }
  }
  const [at, zh, en] = where(path, field, owner);
  return fail(at, 'input.number', `${zh}应为数字（当前为 ${shown(value)}）`, `${en} must be a number (is ${shown(value)})`);
}

export function centsOf(value: unknown, path: string, field: string, owner: string): Cents {
  if (typeof value === 'number') {
    const cents = Math.round(value * 100);
    if (cents / 100 === value) return cents;
  }
  const r = decimalOf(value, path, field, owner);
  return mulDiv(r.n, 100, r.d);
}

/** A positive whole number such as a count or a rank; 1 when absent and `defaultOne`. */
export function countOf(value: unknown, path: string, field: string, owner: string, defaultOne = true): number {
  if (value === undefined && defaultOne) return 1;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    const [at, zh, en] = where(path, field, owner);
    fail(at, 'input.count', `${zh}应为正整数（当前为 ${shown(value)}）`, `${en} must be a positive whole number (is ${shown(value)})`);
  }
  return value;
}

export function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function byCode<T extends { code: string }>(list: readonly T[], code: unknown, path: string, zhWhat: string, enWhat: string): T {
  const found = list.find((item) => item.code === code);
  if (found) return found;
  const known = list.map((item) => item.code).join('、');
  return fail(path, 'input.unknownCode', `未知的${zhWhat}「${String(code)}」（可选：${known}）`, `Unknown ${enWhat} "${String(code)}" (one of: ${known})`);
}

const scaleCache = new WeakMap<readonly ScaleEntry[], Map<string, Cents>>();

function scaleValues(scale: readonly ScaleEntry[]): Map<string, Cents> {
  let values = scaleCache.get(scale);
  if (!values) {
    values = new Map(scale.map((entry) => [entry.label, toCents(entry.value)]));
    scaleCache.set(scale, values);
  }
  return values;
}

/** The value of a label of a scale in hundredths, undefined when the scale has no such label. */
export function scaleValue(scale: readonly ScaleEntry[], label: string): Cents | undefined {
  return scaleValues(scale).get(label);
}

/** The value (hundredths, 0–100 scale) of a rating: a label of the scale, or a number from 0 to 100. */
export function ratingOf(scale: readonly ScaleEntry[] | undefined, rating: unknown, path: string, zhNode: string): Cents {
  if (typeof rating === 'string' && scale) {
    const value = scaleValue(scale, rating);
    if (value !== undefined) return value;
    const labels = scale.map((entry) => entry.label).join('、');
    fail(path, 'input.unknownRating', `「${zhNode}」没有评价等次「${rating}」（可选：${labels}）`, `"${zhNode}" has no rating "${rating}" (one of: ${labels})`);
  }
  const value = centsOf(rating, path, '', zhNode);
  if (value < 0 || value > 10000) {
    fail(path, 'input.ratingRange', `「${zhNode}」的评分应在 0 到 100 之间（当前为 ${String(rating)}）`, `Ratings of "${zhNode}" must be between 0 and 100 (is ${String(rating)})`);
  }
  return value;
}

/** A rating for the trace: 「好」, 「87.5」. */
export function ratingText(rating: unknown): string {
  return `「${String(rating)}」`;
}

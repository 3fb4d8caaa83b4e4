/**
 * The computation trace (计分明细): which rule contributed how many points and why.
 *
 * Scoring keeps the value of every indicator and formula, and the parts of multi-part leaves (items,
 * votes, rater groups…) as compact tuples of numbers and references; the readable entries with Chinese
 * explanations are built only when someone reads the trace.
 */
import { type Cents, formatCents } from './decimal.ts';

export interface TraceEntry {
  /** The scoring rule that produced the entry: 'completion', 'leaderVotes', 'formula', 'cap', … */
  rule: string;
  /** Where in the rule set: indicator or formula key, with item positions, e.g. "initial.items[1]". */
  key: string;
  label: string;
  /** Signed contribution to the parent entry (top level: to the total), 2 decimals. */
  points: string;
  /** The entry's own score when it is weighted before it contributes, 2 decimals. */
  value?: string;
  /** 中文说明 of how the points came about. */
  detail: string;
  /** 0 for entries that add up to the total; children follow their parent with depth + 1. */
  depth: number;
  /**
   * 'term': the entries directly below a parent add up to the parent's value (or points).
   * 'input': a value the parent used without adding it (averaged ratings, inputs of a non-linear formula,
   * indicators the total formula does not use).
   */
  kind: 'term' | 'input';
}

/** The readable part of an entry. */
export interface EntryText {
  rule: string;
  key: string;
  label: string;
  detail: string;
}

/** Builds the readable part of a recorded entry from the references kept while scoring. */
export type Describe = (a: any, b: any, c: any, points: Cents, value: Cents) => EntryText;

export const TERM = 0;
export const INPUT = 1;
const SLOTS = 8;
const NO_VALUE = Number.NaN;

/**
 * The parts a scoring method records below a leaf (items, votes, rater groups…), as flat tuples
 * [depth, kind, points, value, describe, a, b, c]; nothing is formatted while scoring.
 */
export class TraceLog {
  /** Allocated with the first record: most leaves record nothing. */
  records: unknown[] | undefined = undefined;

  add(depth: number, kind: number, points: Cents, value: Cents | undefined, describe: Describe, a: unknown, b?: unknown, c?: unknown): void {
    (this.records ??= []).push(depth, kind, points, value ?? NO_VALUE, describe, a, b, c);
  }

  get length(): number {
    return this.records?.length ?? 0;
  }
}

export function traceEntry(text: EntryText, points: Cents, value: Cents | undefined, depth: number, kind: number): TraceEntry {
  const entry: TraceEntry = {
    rule: text.rule,
    key: text.key,
    label: text.label,
    points: formatCents(points, true),
    detail: text.detail,
    depth,
    kind: kind === INPUT ? 'input' : 'term',
  };
  if (value !== undefined && !Number.isNaN(value)) entry.value = formatCents(value);
  return entry;
}

/** Appends the records [start, end) as readable entries, the first level at `depth`. */
export function materialise(log: TraceLog, start: number, end: number, depth: number, out: TraceEntry[]): void {
  const r = log.records;
  if (!r || end <= start) return;
  const base = r[start] as number;
  for (let at = start; at < end; at += SLOTS) {
    const points = r[at + 2] as number;
    const value = r[at + 3] as number;
    const text = (r[at + 4] as Describe)(r[at + 5], r[at + 6], r[at + 7], points, value);
    out.push(traceEntry(text, points, value, (r[at] as number) - base + depth, r[at + 1] as number));
  }
}

/** Replaces a property computed on first read (a getter) by its value. */
export function settle<T>(target: object, name: string, value: T): T {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
  return value;
}

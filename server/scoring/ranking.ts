/**
 * G5 排名与并列: a cohort in order of the total, then the rule set's secondary keys; subjects equal on all
 * of them are tied, and a window boundary that falls inside a tie group takes the whole group or none of
 * it, as the tie policy says. Input order never decides anything.
 */
import type { Cents } from './decimal.ts';
import type { RankKey, TiePolicy } from './rule-set.ts';

export type Direction = RankKey['direction'];

export interface Rankable {
  /** Total, then the secondary keys, in hundredths. */
  keys: Cents[];
  /** Competition rank (1, 2, 2, 4): 1 + the number ranked strictly better. */
  position: number;
}

export function compareKeys(a: readonly Cents[], b: readonly Cents[], directions: readonly Direction[]): number {
  for (let i = 0; i < a.length; i += 1) {
    if (a[i] !== b[i]) return directions[i] === 'asc' ? a[i] - b[i] : b[i] - a[i];
  }
  return 0;
}

/** Up to this many members are sorted by packing the first key and the position into one number. */
const PACK = 2 ** 21;
const PACKABLE = 2 ** 31;

/**
 * The members in rank order. The first key is sorted as plain numbers (key × 2^21 + input position, exact in
 * binary floating point), which is much faster than a comparator; runs equal on it are then sorted by the
 * other keys. The input position only makes the packing unique: members equal on all keys stay tied.
 */
function ordered<T extends Rankable>(members: readonly T[], directions: readonly Direction[]): T[] {
  const compare = (a: T, b: T) => compareKeys(a.keys, b.keys, directions);
  if (members.length >= PACK || !members.every((m) => Math.abs(m.keys[0]) < PACKABLE)) return [...members].sort(compare);
  const sign = directions[0] === 'asc' ? 1 : -1;
  const packed = new Float64Array(members.length);
  members.forEach((m, i) => { packed[i] = sign * m.keys[0] * PACK + i; });
  packed.sort();
  const out = Array.from(packed, (value) => members[value - Math.floor(value / PACK) * PACK]);
  if (directions.length === 1) return out;
  for (let start = 0; start < out.length;) {
    let end = start + 1;
    while (end < out.length && out[end].keys[0] === out[start].keys[0]) end += 1;
    if (end - start > 1) out.splice(start, end - start, ...out.slice(start, end).sort(compare));
    start = end;
  }
  return out;
}

/** The members best first, each with its competition rank set. */
export function rank<T extends Rankable>(members: readonly T[], directions: readonly Direction[]): T[] {
  const ranked = ordered(members, directions);
  ranked.forEach((member, i) => {
    member.position = i > 0 && compareKeys(ranked[i - 1].keys, member.keys, directions) === 0 ? ranked[i - 1].position : i + 1;
  });
  return ranked;
}

export interface Window {
  /** The window is the first `end` of the list. */
  end: number;
  /** The tie group [start, end) that straddled the boundary, and whether it was taken. */
  tie?: { start: number; end: number; included: boolean };
}

/** The first `limit` of an ordered list, the boundary moved to the edge of a tie group by the policy. */
export function firstOf<T>(ordered: readonly T[], limit: number, tied: (a: T, b: T) => boolean, policy: TiePolicy): Window {
  if (limit <= 0) return { end: 0 };
  if (limit >= ordered.length) return { end: ordered.length };
  if (!tied(ordered[limit - 1], ordered[limit])) return { end: limit };
  let start = limit - 1;
  while (start > 0 && tied(ordered[start - 1], ordered[limit])) start -= 1;
  let end = limit + 1;
  while (end < ordered.length && tied(ordered[end], ordered[limit])) end += 1;
  const included = policy === 'includeAll';
  return { end: included ? end : start, tie: { start, end, included } };
}

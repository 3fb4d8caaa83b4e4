/**
 * Itemised points shared by bonuses, deductions and violation deductions: an entry names an item of the
 * rule set's catalogue, how often it happened and an optional multiplier; totals may be capped.
 */
import { type Cents, formatCents, mulDiv, toCents } from '../decimal.ts';
import type { Issues } from '../issues.ts';
import type { CatalogueItem, Multiplier } from '../rule-set.ts';
import { TERM } from '../trace.ts';
import { byCode, centsOf, countOf, entryOf, fail, optionalText } from './input.ts';
import type { LeafContext, PlanNode } from './method.ts';

export interface CatalogueEntry {
  item: CatalogueItem;
  /** Points per occurrence. */
  points: Cents;
  count: number;
  multiplier?: Multiplier;
  work?: string;
  note?: string;
  total: Cents;
}

/** points × count × factor, to the cent. */
export function multiplied(points: Cents, count: number, multiplier: Multiplier | undefined): Cents {
  return multiplier ? mulDiv(points * count, toCents(multiplier.factor), 100) : points * count;
}

export function readCatalogueEntry(items: readonly CatalogueItem[], multipliers: readonly Multiplier[] | undefined, raw: unknown, path: string, zhNode: string): CatalogueEntry {
  const entry = entryOf(raw, path, zhNode);
  const item = byCode(items, entry.code, `${path}.code`, `「${zhNode}」事项`, `item of "${zhNode}"`);
  let points: Cents;
  if (item.points !== undefined) {
    if (entry.points !== undefined) {
      fail(`${path}.points`, 'input.fixedPoints', `「${item.label}」的分值由规则固定为 ${item.points}，不能另行填写`, `The points of "${item.label}" are fixed at ${item.points} by the rule set`);
    }
    points = toCents(item.points);
  } else {
    points = centsOf(entry.points, path, 'points', item.label);
    const max = item.maxPoints === undefined ? undefined : toCents(item.maxPoints);
    if (points < 0 || (max !== undefined && points > max)) {
      const range = max === undefined ? '不能为负数' : `应在 0 到 ${item.maxPoints} 之间`;
      const rangeEn = max === undefined ? 'cannot be negative' : `must be between 0 and ${item.maxPoints}`;
      fail(`${path}.points`, 'input.pointsRange', `「${item.label}」的分值${range}`, `The points of "${item.label}" ${rangeEn}`);
    }
  }
  const count = countOf(entry.count, path, 'count', item.label);
  const multiplier = entry.multiplier === undefined
    ? undefined
    : byCode(multipliers ?? [], entry.multiplier, `${path}.multiplier`, '加倍规则', 'multiplier');
  return { item, points, count, multiplier, work: optionalText(entry.work), note: optionalText(entry.note), total: multiplied(points, count, multiplier) };
}

/** "省级通报表扬 2 次，每次 5.00，加 10.00（说明）". */
export function entryText(entry: CatalogueEntry, verb: string): string {
  const times = entry.count > 1 ? ` ${entry.count} 次，每次 ${formatCents(entry.points)}` : entry.multiplier ? `，${formatCents(entry.points)}` : '';
  const factor = entry.multiplier ? `，${entry.multiplier.label} × ${entry.multiplier.factor}` : '';
  const note = entry.note ? `（${entry.note}）` : '';
  return `${entry.item.label}${times}${factor}，${verb} ${formatCents(entry.total)}${note}`;
}

/** "，合计不超过 20 分" for summaries. */
export function capNote(cap: number | undefined): string {
  return cap === undefined ? '' : `，合计不超过 ${cap} 分`;
}

function describeCap(node: PlanNode, cap: Cents, sum: Cents) {
  return {
    rule: 'cap',
    key: `${node.path}.cap`,
    label: '上限',
    detail: `合计 ${formatCents(sum)}，超过上限 ${formatCents(cap)}，按 ${formatCents(cap)} 计`,
  };
}

/** Caps a total, recording the reduction as a negative entry so that the entries still add up. */
export function capped(sum: Cents, cap: number | undefined, leaf: LeafContext): Cents {
  if (cap === undefined) return sum;
  const limit = toCents(cap);
  if (sum <= limit) return sum;
  leaf.trace.add(leaf.depth, TERM, limit - sum, undefined, describeCap, leaf.node, limit, sum);
  return limit;
}

export function validateCatalogue(items: readonly CatalogueItem[], multipliers: readonly Multiplier[] | undefined, cap: number | undefined, path: string, zhNode: string, issues: Issues): void {
  issues.unique(items, (item) => item.code, `${path}.items`, `「${zhNode}」的事项`, `Item of "${zhNode}"`);
  items.forEach((item, i) => {
    const at = `${path}.items[${i}]`;
    if (item.points !== undefined && item.maxPoints !== undefined) {
      issues.add(at, 'item.points', `事项「${item.label}」填写了固定分值（points），不能再填写分值上限（maxPoints）`, `Item "${item.label}" has fixed points and cannot also have maxPoints`);
    }
    issues.amount(item.points, `${at}.points`, `事项「${item.label}」的分值`, `The points of item "${item.label}"`, { min: 0 });
    issues.amount(item.maxPoints, `${at}.maxPoints`, `事项「${item.label}」的分值上限`, `The maximum points of item "${item.label}"`, { min: 0 });
  });
  validateMultipliers(multipliers, path, zhNode, issues);
  issues.amount(cap, `${path}.cap`, `「${zhNode}」的上限`, `The cap of "${zhNode}"`, { min: 0 });
}

export function validateMultipliers(multipliers: readonly Multiplier[] | undefined, path: string, zhNode: string, issues: Issues): void {
  if (!multipliers) return;
  issues.unique(multipliers, (m) => m.code, `${path}.multipliers`, `「${zhNode}」的加倍规则`, `Multiplier of "${zhNode}"`, false);
  multipliers.forEach((m, i) => issues.amount(m.factor, `${path}.multipliers[${i}].factor`, `加倍规则「${m.label}」的倍数`, `The factor of multiplier "${m.label}"`, { above: 0 }));
}

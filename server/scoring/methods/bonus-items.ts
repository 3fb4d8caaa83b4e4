/**
 * R4 特殊情况加分 (002 §11.1): each commendation adds its item's points; the same work counts once (the
 * highest item is kept); the total is capped.
 */
import { type Cents } from '../decimal.ts';
import type { BonusItemsMethod } from '../rule-set.ts';
import { TERM } from '../trace.ts';
import { type CatalogueEntry, capNote, capped, entryText, readCatalogueEntry, validateCatalogue } from './catalogue.ts';
import { listOf } from './input.ts';
import type { MethodImpl, PlanNode } from './method.ts';

function describeBonus(node: PlanNode, entry: CatalogueEntry, kept: CatalogueEntry | undefined, points: Cents) {
  const detail = points === 0 && kept
    ? `${entryText(entry, '应加')}；同一项工作「${entry.work}」已按「${kept.item.label}」加分，不重复加分`
    : entryText(entry, '加');
  return { rule: 'bonusItems', key: `${node.path}.${entry.item.code}`, label: entry.item.label, detail };
}

/** For each work, the entry that counts: the one with the most points, the first of equals. */
function keptPerWork(entries: readonly CatalogueEntry[]): Map<string, CatalogueEntry> {
  const kept = new Map<string, CatalogueEntry>();
  for (const entry of entries) {
    if (entry.work === undefined) continue;
    const best = kept.get(entry.work);
    if (!best || entry.total > best.total) kept.set(entry.work, entry);
  }
  return kept;
}

export const bonusItems: MethodImpl<BonusItemsMethod> = {
  name: '加分',
  scaled: false,

  validate(method, path, zhNode, issues) {
    validateCatalogue(method.items, undefined, method.cap, path, zhNode, issues);
  },

  score(method, input, leaf) {
    const { node } = leaf;
    const entries = listOf(input).map((raw, i) => readCatalogueEntry(method.items, undefined, raw, `${leaf.path}[${i}]`, node.label));
    const kept = method.oncePerWork ? keptPerWork(entries) : undefined;
    let sum = 0;
    for (const entry of entries) {
      const keeper = entry.work === undefined ? undefined : kept?.get(entry.work);
      const points = keeper && keeper !== entry ? 0 : entry.total;
      sum += points;
      leaf.trace.add(leaf.depth, TERM, points, undefined, describeBonus, node, entry, keeper);
    }
    return capped(sum, method.cap, leaf);
  },

  summary(method, input) {
    const count = listOf(input).length;
    return count === 0 ? '无加分事项' : `${count} 项加分${method.oncePerWork ? '，同一项工作不重复加分' : ''}${capNote(method.cap)}`;
  },
};

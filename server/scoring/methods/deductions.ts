/**
 * R5 特殊情况扣分 (002 §11.2): each criticism or media exposure deducts its item's points, times a
 * multiplier such as 双倍扣分. The leaf's value is the amount deducted; the formula subtracts it.
 */
import { type Cents } from '../decimal.ts';
import type { DeductionsMethod } from '../rule-set.ts';
import { TERM } from '../trace.ts';
import { type CatalogueEntry, capNote, capped, entryText, readCatalogueEntry, validateCatalogue } from './catalogue.ts';
import { listOf } from './input.ts';
import type { MethodImpl, PlanNode } from './method.ts';

function describeDeduction(node: PlanNode, entry: CatalogueEntry) {
  return { rule: 'deductions', key: `${node.path}.${entry.item.code}`, label: entry.item.label, detail: entryText(entry, '扣') };
}

export const deductions: MethodImpl<DeductionsMethod> = {
  name: '扣分',
  scaled: false,

  validate(method, path, zhNode, issues) {
    validateCatalogue(method.items, method.multipliers, method.cap, path, zhNode, issues);
  },

  score(method, input, leaf) {
    const { node } = leaf;
    let sum: Cents = 0;
    listOf(input).forEach((raw, i) => {
      const entry = readCatalogueEntry(method.items, method.multipliers, raw, `${leaf.path}[${i}]`, node.label);
      sum += entry.total;
      leaf.trace.add(leaf.depth, TERM, entry.total, undefined, describeDeduction, node, entry);
    });
    return capped(sum, method.cap, leaf);
  },

  summary(method, input) {
    const count = listOf(input).length;
    return count === 0 ? '无扣分事项' : `${count} 项扣分合计（扣分值）${capNote(method.cap)}`;
  },
};

/**
 * R6 全省排位加扣分 (002 §11.3): in a ranking of `of` places, each place above the baseline adds
 * `perPlace` points and each place below deducts them (21 cities, baseline 11th, 0.2 per place).
 */
import { type Cents, formatCents, toCents } from '../decimal.ts';
import type { RankAdjustmentMethod } from '../rule-set.ts';
import { TERM } from '../trace.ts';
import { countOf, entryOf, fail, listOf, optionalText } from './input.ts';
import type { MethodImpl, PlanNode } from './method.ts';

interface Placing {
  rank: number;
  work?: string;
}

function readPlacing(method: RankAdjustmentMethod, raw: unknown, path: string, zhNode: string): Placing {
  const entry = typeof raw === 'number' ? { rank: raw } : entryOf(raw, path, zhNode);
  const rank = countOf(entry.rank, path, 'rank', zhNode, false);
  if (rank > method.of) {
    fail(`${path}.rank`, 'input.rankRange', `「${zhNode}」的排位应在 1 到 ${method.of} 之间（当前为 ${rank}）`, `The rank of "${zhNode}" must be between 1 and ${method.of} (is ${rank})`);
  }
  return { rank, work: optionalText(entry.work) };
}

function describePlacing(node: PlanNode, placing: Placing, method: RankAdjustmentMethod, points: Cents) {
  const places = method.baseline - placing.rank;
  const move = places === 0 ? '与基准持平' : places > 0 ? `上升 ${places} 位` : `下降 ${-places} 位`;
  return {
    rule: 'rankAdjustment',
    key: `${node.path}.rank`,
    label: placing.work ?? node.label,
    detail: `排第 ${placing.rank} 名（共 ${method.of} 名，以第 ${method.baseline} 名为基准），${move}，每位 ${method.perPlace} 分，计 ${formatCents(points, true)}`,
  };
}

export const rankAdjustment: MethodImpl<RankAdjustmentMethod> = {
  name: '排位加扣分',
  scaled: false,

  validate(method, path, zhNode, issues) {
    if (method.of < 1) issues.add(`${path}.of`, 'rank.of', `「${zhNode}」的排名总数应至少为 1`, `The number of places of "${zhNode}" must be at least 1`);
    if (method.baseline < 1 || method.baseline > method.of) {
      issues.add(`${path}.baseline`, 'rank.baseline', `「${zhNode}」的基准名次应在 1 到 ${method.of} 之间`, `The baseline place of "${zhNode}" must be between 1 and ${method.of}`);
    }
    issues.amount(method.perPlace, `${path}.perPlace`, `「${zhNode}」每位分值`, `The points per place of "${zhNode}"`, { min: 0 });
  },

  score(method, input, leaf) {
    const { node } = leaf;
    const perPlace = toCents(method.perPlace);
    let sum: Cents = 0;
    listOf(input).forEach((raw, i) => {
      const placing = readPlacing(method, raw, Array.isArray(input) ? `${leaf.path}[${i}]` : leaf.path, node.label);
      const points = (method.baseline - placing.rank) * perPlace;
      sum += points;
      leaf.trace.add(leaf.depth, TERM, points, undefined, describePlacing, node, placing, method);
    });
    return sum;
  },

  summary(method, input) {
    const count = listOf(input).length;
    return count === 0 ? '无排位' : `以第 ${method.baseline} 名为基准，每位 ${method.perPlace} 分`;
  },
};

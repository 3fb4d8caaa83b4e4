/**
 * R2 完成率计分 (002 §9): full points when the target is met, points × actual / target below it, and
 * over-achievement adds proportionally up to `overAchievementCap` % of the item's points.
 */
import { type Cents, formatCents, formatRatio, mulDiv, mulDivRatios, type Ratio, toCents } from '../decimal.ts';
import type { CompletionMethod } from '../rule-set.ts';
import { TERM } from '../trace.ts';
import { centsOf, decimalOf, fail, listOf, optionalText, recordOf } from './input.ts';
import type { LeafContext, MethodImpl, PlanNode } from './method.ts';

/** points × actual / target to the cent, at most points + cap % of points, never below 0. */
function completionScore(points: Cents, target: Ratio, actual: Ratio, capCents: Cents): Cents {
  const proportional = mulDivRatios(points, actual, target);
  return Math.max(0, Math.min(proportional, ceilingOf(points, capCents)));
}

function ceilingOf(points: Cents, capCents: Cents): Cents {
  return points + mulDiv(points, capCents, 10000);
}

interface Item {
  name?: string;
  points: Cents;
  target: Ratio;
  actual: Ratio;
}

function readItem(raw: unknown, path: string, zhNode: string, points: Cents | undefined): Item {
  const entry = recordOf(raw, path, zhNode);
  const target = decimalOf(entry.target, path, 'target', zhNode);
  if (target.n <= 0) {
    fail(`${path}.target`, 'completion.target', `「${zhNode}」的目标值必须大于 0`, `The target of "${zhNode}" must be greater than 0`);
  }
  const actual = decimalOf(entry.actual, path, 'actual', zhNode);
  return {
    name: optionalText(entry.name),
    points: points ?? centsOf(entry.points, path, 'points', zhNode),
    target,
    actual,
  };
}

function explain(item: Item, capPercent: number): string {
  const { points, target, actual } = item;
  const proportional = mulDivRatios(points, actual, target);
  const ceiling = ceilingOf(points, toCents(capPercent));
  const score = completionScore(points, target, actual, toCents(capPercent));
  const rate = formatCents(mulDivRatios(10000, actual, target));
  const head = `分值 ${formatCents(points)}，目标 ${formatRatio(target)}，完成 ${formatRatio(actual)}（完成率 ${rate}%）`;
  if (proportional === points) return `${head}，完成目标，得满分 ${formatCents(score)}`;
  if (proportional < points) return `${head}，未完成，按比例得 ${formatCents(score)}`;
  if (score < proportional) {
    return `${head}，超额完成，按比例应得 ${formatCents(proportional)}，超额加分以该项分值的 ${capPercent}%（${formatCents(ceiling - points)}）为限，得 ${formatCents(score)}`;
  }
  return `${head}，超额完成，按比例得 ${formatCents(score)}`;
}

function describeItem(node: PlanNode, items: Item[], index: number) {
  const item = items[index];
  const cap = (node.method as CompletionMethod).overAchievementCap;
  return {
    rule: 'completion',
    key: `${node.path}.items[${index}]`,
    label: item.name ?? `第 ${index + 1} 项`,
    detail: explain(item, cap),
  };
}

function declaredItems(method: CompletionMethod, input: unknown, leaf: LeafContext): Cents {
  const { node } = leaf;
  const items = listOf(input).map((raw, i) => readItem(raw, `${leaf.path}[${i}]`, node.label, undefined));
  if (items.length === 0) {
    fail(leaf.path, 'input.missing', `缺少「${node.label}」的申报指标`, `"${node.label}" has no declared items`);
  }
  const declared = items.reduce((sum, item) => sum + item.points, 0);
  if (declared !== node.full) {
    fail(leaf.path, 'completion.itemPoints', `「${node.label}」各申报指标分值合计 ${formatCents(declared)}，应为 ${formatCents(node.full)}`,
      `The declared items of "${node.label}" add up to ${formatCents(declared)} points, must be ${formatCents(node.full)}`);
  }
  const cap = toCents(method.overAchievementCap);
  let total = 0;
  items.forEach((item, index) => {
    const score = completionScore(item.points, item.target, item.actual, cap);
    total += score;
    leaf.trace.add(leaf.depth, TERM, score, undefined, describeItem, node, items, index);
  });
  return total;
}

export const completion: MethodImpl<CompletionMethod> = {
  name: '完成率计分',
  scaled: true,

  validate(method, path, zhNode, issues) {
    issues.amount(method.overAchievementCap, `${path}.overAchievementCap`, `「${zhNode}」的超额加分上限（%）`, `The over-achievement cap of "${zhNode}" (%)`, { min: 0, max: 100 });
  },

  score(method, input, leaf) {
    if (method.declaredItems) return declaredItems(method, input, leaf);
    if (input === undefined) {
      fail(leaf.path, 'input.missing', `缺少「${leaf.node.label}」的目标值和完成值`, `"${leaf.node.label}" needs a target and an actual value`);
    }
    const item = readItem(input, leaf.path, leaf.node.label, leaf.node.full);
    return completionScore(item.points, item.target, item.actual, toCents(method.overAchievementCap));
  },

  summary(method, input, node) {
    if (method.declaredItems) return `${listOf(input).length} 项申报指标按完成率计分之和`;
    return explain(readItem(input, '', node.label, node.full), method.overAchievementCap);
  },
};

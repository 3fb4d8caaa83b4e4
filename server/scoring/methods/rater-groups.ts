/**
 * R8 评价主体加权 (001, 003): self / peers / supervisor / leaders / public each give ratings; a group's
 * score is the average of its ratings, and the leaf's score is the weighted sum of the groups.
 */
import { type Cents, formatCents, formatRatio, mulDiv } from '../decimal.ts';
import type { RaterGroup, RaterGroupsMethod } from '../rule-set.ts';
import { TERM } from '../trace.ts';
import { fail, listOf, recordOf } from './input.ts';
import type { MethodImpl, PlanNode } from './method.ts';
import { averageOf, ratingValues, traceRatings, validateScale } from './ratings.ts';

const basisPoints = (weight: number): number => Math.round(weight * 100);

interface GroupShare {
  count: number;
  /** Sum of the weights (basis points) of the groups that gave ratings. */
  present: number;
}

function describeGroup(node: PlanNode, group: RaterGroup, share: GroupShare, points: Cents, value: Cents) {
  const redistributed = share.present !== 10000
    ? `（按实际参评主体折算为 ${formatRatio({ n: basisPoints(group.weight) * 100, d: share.present })}%）`
    : '';
  return {
    rule: 'raterGroups',
    key: `${node.path}.${group.code}`,
    label: group.label,
    detail: `${share.count} 个评价平均 ${formatCents(value)}，权重 ${group.weight}%${redistributed}，计 ${formatCents(points)}`,
  };
}

function groupsIn(method: RaterGroupsMethod, byGroup: Record<string, unknown>, path: string, zhNode: string): RaterGroup[] {
  for (const code of Object.keys(byGroup)) {
    if (!method.groups.some((group) => group.code === code)) {
      const known = method.groups.map((group) => group.code).join('、');
      fail(`${path}.${code}`, 'input.unknownCode', `「${zhNode}」没有评价主体「${code}」（可选：${known}）`, `"${zhNode}" has no rater group "${code}" (one of: ${known})`);
    }
  }
  return method.groups;
}

export const raterGroups: MethodImpl<RaterGroupsMethod> = {
  name: '多主体评价',
  scaled: true,

  validate(method, path, zhNode, issues) {
    issues.unique(method.groups, (group) => group.code, `${path}.groups`, `「${zhNode}」的评价主体`, `Rater group of "${zhNode}"`);
    method.groups.forEach((group, i) => issues.amount(group.weight, `${path}.groups[${i}].weight`, `评价主体「${group.label}」的权重`, `The weight of rater group "${group.label}"`, { above: 0, max: 100 }));
    if (method.groups.length > 0) {
      issues.hundredPercent(method.groups.map((group) => group.weight), `${path}.groups`, `「${zhNode}」`, `of the rater groups of "${zhNode}"`, '各评价主体权重', 'Weights');
    }
    validateScale(method.scale, `${path}.scale`, zhNode, issues);
  },

  score(method, input, leaf) {
    const { node } = leaf;
    const byGroup = recordOf(input, leaf.path, node.label);
    const rated: Array<{ group: RaterGroup; values: Cents[] }> = [];
    let present = 0;
    for (const group of groupsIn(method, byGroup, leaf.path, node.label)) {
      const values = ratingValues(method.scale, byGroup[group.code], `${leaf.path}.${group.code}`, `${node.label}·${group.label}`, group.maxRatings);
      if (values.length === 0) {
        if (method.missingGroup === 'error') {
          fail(`${leaf.path}.${group.code}`, 'input.missing', `缺少「${node.label}」中「${group.label}」的评价`, `"${node.label}" has no rating from "${group.label}"`);
        }
        continue;
      }
      rated.push({ group, values });
      present += basisPoints(group.weight);
    }
    if (rated.length === 0) fail(leaf.path, 'input.missing', `缺少「${node.label}」的评价`, `"${node.label}" has no rating`);
    let score = 0;
    for (const { group, values } of rated) {
      const average = averageOf(values);
      const points = mulDiv(average, basisPoints(group.weight) * node.full, present * 10000);
      score += points;
      leaf.trace.add(leaf.depth, TERM, points, average, describeGroup, node, group, { count: values.length, present });
      traceRatings(leaf, leaf.depth + 1, `${node.path}.${group.code}.ratings`, byGroup[group.code], values);
    }
    return score;
  },

  summary(method, input, node) {
    const byGroup = recordOf(input, '', node.label);
    const parts = method.groups.map((group) => `${group.label} ${group.weight}%`).join('、');
    const missing = method.groups.filter((group) => listOf(byGroup[group.code]).length === 0).map((group) => group.label);
    return missing.length === 0 ? `按评价主体加权：${parts}` : `按评价主体加权：${parts}；${missing.join('、')}未评价，其权重按比例分摊`;
  },
};

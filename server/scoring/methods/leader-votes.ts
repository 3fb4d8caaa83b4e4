/**
 * R3 局领导综合评价 (002 §10): every vote adds the value its role gives to the rating, e.g. the director's
 * 良 +2.5 and each other leader's 良 +0.5.
 */
import { type Cents, formatCents } from '../decimal.ts';
import type { LeaderVotesMethod, VoteRole } from '../rule-set.ts';
import { TERM } from '../trace.ts';
import { byCode, fail, listOf, recordOf, scaleValue } from './input.ts';
import type { MethodImpl, PlanNode } from './method.ts';

function describeVote(node: PlanNode, role: VoteRole, rating: string, points: Cents) {
  return { rule: 'leaderVotes', key: `${node.path}.${role.code}`, label: role.label, detail: `${role.label}评价「${rating}」，计 ${formatCents(points, true)}` };
}

export const leaderVotes: MethodImpl<LeaderVotesMethod> = {
  name: '领导综合评价',
  scaled: false,

  validate(method, path, zhNode, issues) {
    issues.unique(method.roles, (role) => role.code, `${path}.roles`, `「${zhNode}」的评价人类别`, `Voter role of "${zhNode}"`);
    method.roles.forEach((role, r) => {
      issues.unique(role.values, (entry) => entry.label, `${path}.roles[${r}].values`, `「${role.label}」的评价等次`, `Rating of "${role.label}"`);
      role.values.forEach((entry, i) => issues.amount(entry.value, `${path}.roles[${r}].values[${i}].value`, `「${role.label}」评价「${entry.label}」的分值`, `The value of "${entry.label}" for "${role.label}"`));
    });
  },

  score(method, input, leaf) {
    const { node } = leaf;
    const byRole = recordOf(input, leaf.path, node.label);
    let score = 0;
    for (const [code, votes] of Object.entries(byRole)) {
      const path = `${leaf.path}.${code}`;
      const role = byCode(method.roles, code, path, '评价人类别', 'voter role');
      const ratings = listOf(votes);
      if (role.maxVotes !== undefined && ratings.length > role.maxVotes) {
        fail(path, 'input.tooMany', `「${role.label}」最多 ${role.maxVotes} 票（当前 ${ratings.length} 票）`, `"${role.label}" has at most ${role.maxVotes} votes (has ${ratings.length})`);
      }
      ratings.forEach((rating, i) => {
        const points = typeof rating === 'string' ? scaleValue(role.values, rating) : undefined;
        if (points === undefined) {
          const labels = role.values.map((entry) => entry.label).join('、');
          fail(Array.isArray(votes) ? `${path}[${i}]` : path, 'input.unknownRating', `「${role.label}」没有评价等次「${String(rating)}」（可选：${labels}）`, `"${role.label}" has no rating "${String(rating)}" (one of: ${labels})`);
        }
        score += points;
        leaf.trace.add(leaf.depth, TERM, points, undefined, describeVote, node, role, rating);
      });
    }
    return score;
  },

  summary(_method, input, node) {
    const votes = Object.values(recordOf(input, '', node.label)).reduce((sum: number, v) => sum + listOf(v).length, 0);
    return votes === 0 ? '无评价票' : `${votes} 票评价之和`;
  },
};

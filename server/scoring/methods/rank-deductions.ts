/**
 * R9 违规扣分按当事人职级 (004 §4): each violation case deducts points by the rank of the person involved
 * (county-level cadre 0.5, section head 0.3, staff 0.1 …), may cancel annual bonuses, and is counted once:
 * the same case and person again, or a case already deducted in an earlier year, deducts nothing.
 */
import { type Cents, formatCents, toCents } from '../decimal.ts';
import type { Multiplier, PersonRank, RankDeductionsMethod, ViolationKind } from '../rule-set.ts';
import { TERM } from '../trace.ts';
import { multiplied, validateMultipliers } from './catalogue.ts';
import { byCode, entryOf, fail, listOf, optionalText } from './input.ts';
import type { MethodImpl, PlanNode } from './method.ts';

interface Case {
  kind: ViolationKind;
  rank: PersonRank;
  person?: string;
  caseId?: string;
  multiplier?: Multiplier;
  deductedBefore: boolean;
  points: Cents;
}

type Counted = 'counted' | 'duplicate' | 'deductedBefore';

function readCase(method: RankDeductionsMethod, raw: unknown, path: string, zhNode: string): Case {
  const entry = entryOf(raw, path, zhNode);
  const kind = byCode(method.kinds, entry.kind, `${path}.kind`, '违规情形', 'violation kind');
  const rank = byCode(method.ranks, entry.rank, `${path}.rank`, '当事人职级', 'rank');
  const perCase = kind.points[rank.code];
  if (perCase === undefined) {
    fail(`${path}.rank`, 'input.noPoints', `「${kind.label}」未规定「${rank.label}」的扣分`, `"${kind.label}" has no points for "${rank.label}"`);
  }
  const multiplier = entry.multiplier === undefined ? undefined : byCode(method.multipliers ?? [], entry.multiplier, `${path}.multiplier`, '加倍规则', 'multiplier');
  return {
    kind, rank, multiplier,
    person: optionalText(entry.person),
    caseId: optionalText(entry.caseId),
    deductedBefore: entry.deductedBefore === true,
    points: multiplied(toCents(perCase), 1, multiplier),
  };
}

function describeCase(node: PlanNode, c: Case, counted: Counted, points: Cents) {
  const who = `${c.person ? `「${c.person}」` : '当事人'}（${c.rank.label}）`;
  const factor = c.multiplier ? `，${c.multiplier.label} × ${c.multiplier.factor}` : '';
  const cancelled = c.kind.bonusCancelled?.[c.rank.code];
  const outcome = counted === 'duplicate' ? '同一案件已扣分，不重复扣分'
    : counted === 'deductedBefore' ? '往年绩效考评已扣分，不再重复扣分'
    : `扣 ${formatCents(points)}${cancelled ? `；取消${cancelled.join('、')}当年度绩效奖` : ''}`;
  return { rule: 'rankDeductions', key: `${node.path}.${c.kind.code}`, label: c.kind.label, detail: `${who}${c.kind.label}${factor}：${outcome}` };
}

export const rankDeductions: MethodImpl<RankDeductionsMethod> = {
  name: '违规扣分（按职级）',
  scaled: false,

  validate(method, path, zhNode, issues) {
    issues.unique(method.ranks, (rank) => rank.code, `${path}.ranks`, `「${zhNode}」的职级`, `Rank of "${zhNode}"`);
    issues.unique(method.kinds, (kind) => kind.code, `${path}.kinds`, `「${zhNode}」的违规情形`, `Violation kind of "${zhNode}"`);
    const ranks = new Set(method.ranks.map((rank) => rank.code));
    method.kinds.forEach((kind, k) => {
      for (const [rank, points] of Object.entries(kind.points)) {
        const at = `${path}.kinds[${k}].points.${rank}`;
        if (!ranks.has(rank)) issues.add(at, 'rank.unknown', `违规情形「${kind.label}」引用了未定义的职级「${rank}」`, `Violation kind "${kind.label}" names an unknown rank "${rank}"`);
        issues.amount(points, at, `违规情形「${kind.label}」的扣分`, `The points of violation kind "${kind.label}"`, { min: 0 });
      }
      for (const rank of Object.keys(kind.bonusCancelled ?? {})) {
        if (!ranks.has(rank)) issues.add(`${path}.kinds[${k}].bonusCancelled.${rank}`, 'rank.unknown', `违规情形「${kind.label}」引用了未定义的职级「${rank}」`, `Violation kind "${kind.label}" names an unknown rank "${rank}"`);
      }
    });
    validateMultipliers(method.multipliers, path, zhNode, issues);
  },

  score(method, input, leaf) {
    const { node } = leaf;
    const seen = new Set<string>();
    let sum: Cents = 0;
    listOf(input).forEach((raw, i) => {
      const c = readCase(method, raw, `${leaf.path}[${i}]`, node.label);
      const id = c.caseId === undefined ? undefined : `${c.caseId}\u0000${c.person ?? ''}`;
      const counted: Counted = c.deductedBefore ? 'deductedBefore' : id !== undefined && seen.has(id) ? 'duplicate' : 'counted';
      if (id !== undefined) seen.add(id);
      const points = counted === 'counted' ? c.points : 0;
      sum += points;
      const cancelled = c.kind.bonusCancelled?.[c.rank.code];
      if (counted === 'counted' && cancelled) leaf.bonusCancellations.push({ person: c.person, roles: cancelled, reason: c.kind.label });
      leaf.trace.add(leaf.depth, TERM, points, undefined, describeCase, node, c, counted);
    });
    return sum;
  },

  summary(_method, input) {
    const count = listOf(input).length;
    return count === 0 ? '无违规扣分' : `${count} 人次违规，按当事人职级扣分合计（扣分值）`;
  },
};

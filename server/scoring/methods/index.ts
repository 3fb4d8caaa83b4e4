/** The scoring methods by `method.type`. */
import type { MethodType, ScoringMethod } from '../rule-set.ts';
import { bonusItems } from './bonus-items.ts';
import { completion } from './completion.ts';
import { deductions } from './deductions.ts';
import { leaderVotes } from './leader-votes.ts';
import type { MethodImpl } from './method.ts';
import { rankAdjustment } from './rank-adjustment.ts';
import { rankDeductions } from './rank-deductions.ts';
import { raterGroups } from './rater-groups.ts';
import { ratingScale } from './rating-scale.ts';
import { vetoes } from './vetoes.ts';

const methods: { [T in MethodType]: MethodImpl<Extract<ScoringMethod, { type: T }>> } = {
  completion,
  ratingScale,
  leaderVotes,
  bonusItems,
  deductions,
  rankAdjustment,
  vetoes,
  raterGroups,
  rankDeductions,
};

export function methodOf(method: ScoringMethod): MethodImpl {
  return methods[method.type] as MethodImpl;
}

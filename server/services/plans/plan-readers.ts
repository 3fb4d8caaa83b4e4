import { Op } from 'sequelize';
import type { Models } from '../../models/index.ts';
import type { SessionUser } from '../../auth/session-user.ts';
import type { Scope } from '../../auth/scope.ts';
import type { Role } from '../../auth/roles.ts';
import type { PlanRow } from './tables.ts';

/** Who reads the plans of a unit subtree besides the person (001 §6): reviewers and supervisors in scope. */
const PLAN_READERS: Role[] = ['admin', 'office', 'unit_admin', 'leader', 'supervisor'];

/** The people and units whose plans a user may read: their own, their direct reports', and their units in scope. */
export async function planReach(models: Models, scope: Scope, user: SessionUser) {
  const reports = await models.User.findAll({ where: { [Op.or]: [{ supervisorId: user.id }, { leaderInChargeId: user.id }] }, attributes: ['id'], raw: true });
  return { userIds: new Set([user.id, ...reports.map((r) => r.id)]), unitIds: await scope.unitsFor(user, PLAN_READERS) };
}

export type PlanReach = Awaited<ReturnType<typeof planReach>>;

export function mayRead(reach: PlanReach, plan: Pick<PlanRow, 'subjectUserId' | 'unitId'>): boolean {
  return (plan.subjectUserId !== null && reach.userIds.has(plan.subjectUserId)) || reach.unitIds.has(plan.unitId);
}

/** The plan rows a reach covers, as a sequelize condition. */
export function reachCondition(reach: PlanReach) {
  return { [Op.or]: [{ subjectUserId: [...reach.userIds] }, { unitId: [...reach.unitIds] }] };
}

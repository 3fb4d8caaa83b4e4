import type { Models } from '../../models/index.ts';
import type { Scope } from '../../auth/scope.ts';
import { AppError } from '../../http/errors.ts';

/**
 * The director (局长) who approves for a unit's people and targets: the head (单位主要负责人) of the nearest unit,
 * the unit itself first, then up its ancestry, that has one.
 */
export async function bureauHead(models: Models, scope: Scope, unitId: number): Promise<string> {
  for (const id of await scope.ancestry(unitId)) {
    const unit = await models.Unit.findByPk(id, { raw: true });
    if (!unit?.headUserId) continue;
    const head = await models.User.findOne({ where: { id: unit.headUserId, active: true }, raw: true });
    if (head) return head.username;
  }
  throw new AppError(409, 'plan.no_director', '未设置单位主要负责人（局长），无法安排审定，请先在组织机构中设置', 'No unit head (director) is set to approve this; set one in the org tree first');
}

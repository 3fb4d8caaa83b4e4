import type { Models } from '../../models/index.ts';
import { AppError } from '../../http/errors.ts';
import { headsUp, nearestHead } from '../unit-head.ts';

/**
 * The director (局长) who approves for a unit's people and targets: the head (单位主要负责人) of the nearest unit,
 * the unit itself first, then up its ancestry, that has one.
 */
export async function bureauHead(models: Models, unitId: number): Promise<string> {
  const units = await models.Unit.findAll({ attributes: ['id', 'parentId', 'headUserId'], raw: true });
  const heads = await models.User.findAll({ where: { id: headsUp(units, unitId), active: true }, attributes: ['id', 'username'], raw: true });
  const head = nearestHead(units, unitId, (id) => heads.some((h) => h.id === id));
  if (head !== null) return heads.find((h) => h.id === head)!.username;
  throw new AppError(409, 'plan.no_director', '未设置单位主要负责人（局长），无法安排审定，请先在组织机构中设置', 'No unit head (director) is set to approve this; set one in the org tree first');
}

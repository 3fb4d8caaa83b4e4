import type { Models } from '../../models/index.ts';
import { AppError } from '../../http/errors.ts';

/** The unit admin (单位管理员) who fills in a unit's targets and reports: the first active holder of the role. */
export async function unitAdminOf(models: Models, unitId: number): Promise<string> {
  const holders = await models.UserRole.findAll({ where: { unitId, role: 'unit_admin' }, raw: true });
  const admin = await models.User.findOne({ where: { id: holders.map((h) => h.userId), active: true }, order: [['id', 'ASC']], raw: true });
  if (!admin) throw new AppError(409, 'plan.no_unit_admin', '该单位没有单位管理员，无法填报目标', 'The unit has no unit admin to propose its targets');
  return admin.username;
}

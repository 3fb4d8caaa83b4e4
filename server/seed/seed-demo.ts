import type { Platform } from '../platform.ts';
import { hashPassword } from '../auth/password.ts';
import { DEMO_CYCLE, DEMO_PASSWORD, DEMO_UNITS, DEMO_USERS } from './demo-org.ts';

/** Seeds the demo org, users and a launched cycle into an empty database. Returns false if it was not empty. */
export async function seedDemo(p: Platform): Promise<boolean> {
  if ((await p.models.User.count()) > 0) return false;
  const { models } = p;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await p.inTransaction(async (transaction) => {
    const unitIds = new Map<string, number>();
    for (const u of DEMO_UNITS) {
      const row = await models.Unit.create(
        { code: u.code, name: u.name, parentId: u.parent ? unitIds.get(u.parent)! : null, category: u.category, headUserId: null, createdAt: new Date() },
        { transaction },
      );
      unitIds.set(u.code, row.id);
    }
    const userIds = new Map<string, number>();
    for (const u of DEMO_USERS) {
      const row = await models.User.create(
        { username: u.username, displayName: u.displayName, passwordHash, unitId: unitIds.get(u.unit)!, postCategory: u.postCategory ?? null, active: true, createdAt: new Date() },
        { transaction },
      );
      userIds.set(u.username, row.id);
      for (const [role, unit] of u.roles) await models.UserRole.create({ userId: row.id, role, unitId: unitIds.get(unit)! }, { transaction });
    }
    for (const u of DEMO_UNITS) {
      if ('head' in u) await models.Unit.update({ headUserId: userIds.get(u.head)! }, { where: { id: unitIds.get(u.code)! }, transaction });
    }
    for (const u of DEMO_USERS) {
      await models.User.update(
        { supervisorId: u.supervisor ? userIds.get(u.supervisor)! : null, leaderInChargeId: u.leaderInCharge ? userIds.get(u.leaderInCharge)! : null },
        { where: { id: userIds.get(u.username)! }, transaction },
      );
    }
  });
  const cycle = await models.Cycle.create({ ...DEMO_CYCLE, unitId: (await models.Unit.findOne({ where: { code: 'city' }, raw: true }))!.id, status: 'draft', createdBy: null, createdAt: new Date(), launchedAt: null, evaluationOpenedAt: null });
  await p.cycles.launch(cycle.id, null, { wait: true });
  return true;
}

import type { Platform } from '../platform.ts';
import { hashPassword } from '../auth/password.ts';
import { DEMO_ANNUAL_CYCLE, DEMO_CYCLE, DEMO_PASSWORD, DEMO_UNITS, DEMO_USERS } from './demo-org.ts';

/** Seeds the demo org, users, a launched quarterly cycle and a draft annual one into an empty database. Returns false if it was not empty. */
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
  const city = (await models.Unit.findOne({ where: { code: 'city' }, raw: true }))!.id;
  const draft = { unitId: city, status: 'draft' as const, createdBy: null, launchedAt: null, evaluationOpenedAt: null };
  await models.Cycle.create({ ...DEMO_ANNUAL_CYCLE, ...draft, createdAt: new Date(Date.now() - 1000) });
  const cycle = await models.Cycle.create({ ...DEMO_CYCLE, ...draft, createdAt: new Date() });
  await p.cycles.launch(cycle.id, null, { wait: true });
  return true;
}

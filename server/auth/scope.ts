import type { Models } from '../models/index.ts';
import type { SessionUser } from './session-user.ts';
import type { Role } from './roles.ts';

/** Ids of a unit and every unit below it. */
export function subtree(units: Array<{ id: number; parentId: number | null }>, rootId: number): Set<number> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of units) {
      if (unit.parentId !== null && ids.has(unit.parentId) && !ids.has(unit.id)) {
        ids.add(unit.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** A unit and its ancestors, nearest first. */
export function ancestry(units: Array<{ id: number; parentId: number | null }>, unitId: number): number[] {
  const parents = new Map(units.map((u) => [u.id, u.parentId]));
  const chain: number[] = [];
  for (let id: number | null | undefined = unitId; id !== null && id !== undefined && !chain.includes(id); id = parents.get(id)) chain.push(id);
  return chain;
}

/** Unit scoping: a role reaches the unit it is held in and that unit's subtree. */
export function createScope(models: Models) {
  return {
    async ancestry(unitId: number): Promise<number[]> {
      return ancestry(await models.Unit.findAll({ attributes: ['id', 'parentId'], raw: true }), unitId);
    },

    async unitsFor(user: SessionUser, roles: Role[]): Promise<Set<number>> {
      const held = user.roles.filter((r) => roles.includes(r.role));
      if (!held.length) return new Set();
      const units = await models.Unit.findAll({ attributes: ['id', 'parentId'], raw: true });
      const reach = new Set<number>();
      for (const r of held) for (const id of subtree(units, r.unitId)) reach.add(id);
      return reach;
    },
  };
}

export type Scope = ReturnType<typeof createScope>;

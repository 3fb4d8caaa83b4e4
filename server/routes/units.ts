import { route } from '../http/route-table.ts';
import { MANAGERS } from '../auth/roles.ts';
import type { Platform } from '../platform.ts';
import { treeOrder } from '../services/unit-tree.ts';

export function unitRoutes(p: Platform) {
  return [
    route({
      method: 'get',
      path: '/api/units',
      summary: '可管理的单位（树形顺序）/ the units the caller manages, in tree order',
      tag: 'org',
      access: MANAGERS,
      handle: async (_ctx, { user }) => {
        const managed = await p.scope.unitsFor(user, MANAGERS);
        const units = await p.models.Unit.findAll({ attributes: ['id', 'code', 'name', 'parentId', 'category'], raw: true });
        return treeOrder(units.filter((u) => managed.has(u.id)));
      },
    }),
  ];
}

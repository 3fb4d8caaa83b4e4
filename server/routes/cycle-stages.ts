import { z } from 'zod';
import { route } from '../http/route-table.ts';
import { MANAGERS } from '../auth/roles.ts';
import type { Platform } from '../platform.ts';

const id = (raw: string) => z.coerce.number().int().positive().parse(raw);

export function cycleStageRoutes(p: Platform) {
  return [
    route({
      method: 'post',
      path: '/api/cycles/:id/evaluation',
      summary: '开启绩效评价 / open the evaluation stage for everyone of the cycle',
      tag: 'cycles',
      access: MANAGERS,
      handle: async (ctx, { user }) => p.cycleStages.openEvaluation(id(ctx.params.id), user),
    }),
    route({
      method: 'get',
      path: '/api/cycles/:id/results',
      summary: '结果运用：奖金系数与表彰、晋升、培训、约谈名单 / applied results and lists',
      tag: 'cycles',
      access: [...MANAGERS, 'leader'],
      handle: async (ctx, { user }) => p.cycleStages.results(id(ctx.params.id), user),
    }),
    route({
      method: 'get',
      path: '/api/publicity',
      summary: '结果公示：我所在单位已评定的考核周期 / the graded cycles of my units and their grades',
      tag: 'cycles',
      access: [],
      handle: async (_ctx, { user }) => p.cycleStages.publicities(user),
    }),
    route({
      method: 'get',
      path: '/api/cycles/:id/publicity',
      summary: '结果公示：本周期各人等次 / the grades of a cycle, shown to its units once graded',
      tag: 'cycles',
      access: [],
      handle: async (ctx, { user }) => p.cycleStages.publicity(id(ctx.params.id), user),
    }),
    route({
      method: 'get',
      path: '/api/notifications',
      summary: '我的消息 / my notices',
      tag: 'notifications',
      access: [],
      handle: async (_ctx, { user }) => p.notifications.list(user),
    }),
    route({
      method: 'post',
      path: '/api/notifications/:id/read',
      summary: '标为已读 / mark a notice read',
      tag: 'notifications',
      access: [],
      handle: async (ctx, { user }) => p.notifications.markRead(id(ctx.params.id), user),
    }),
  ];
}

import { z } from 'zod';
import { route } from '../http/route-table.ts';
import { MANAGERS } from '../auth/roles.ts';
import type { Platform } from '../platform.ts';

const id = (raw: string) => z.coerce.number().int().positive().parse(raw);

export function cycleRoutes(p: Platform) {
  const readers = [...MANAGERS, 'leader' as const];
  return [
    route({
      method: 'get',
      path: '/api/cycles',
      summary: '考核周期及发起进度 / cycles with launch progress',
      tag: 'cycles',
      access: readers,
      handle: async (_ctx, { user }) => p.cycles.list(user),
    }),
    route({
      method: 'post',
      path: '/api/cycles',
      summary: '新建考核周期（个人或组织绩效）/ create a cycle for the people or the units of a unit subtree',
      tag: 'cycles',
      access: MANAGERS,
      status: 201,
      body: z.object({
        name: z.string().min(1).max(128),
        kind: z.enum(['annual', 'quarterly', 'monthly']),
        subjectKind: z.enum(['person', 'unit']).optional(),
        period: z.string().regex(/^\d{4}(-Q[1-4]|-\d{2})?$/, '周期格式：2026、2026-Q4 或 2026-11 / period like 2026, 2026-Q4 or 2026-11'),
        processId: z.string().min(1).max(128),
        ruleSet: z.string().min(1).max(64),
        unitId: z.number().int().positive(),
      }),
      handle: async (_ctx, { body, user }) => p.cycles.create(user, body),
    }),
    route({
      method: 'get',
      path: '/api/cycles/:id',
      summary: '考核周期与发起进度 / a cycle and its launch progress',
      tag: 'cycles',
      access: readers,
      handle: async (ctx, { user }) => p.cycles.get(id(ctx.params.id), user),
    }),
    route({
      method: 'post',
      path: '/api/cycles/:id/launch',
      summary: '发起（或继续发起）考核周期 / launch a cycle, or resume an interrupted launch',
      tag: 'cycles',
      access: MANAGERS,
      status: 202,
      handle: async (ctx, { user }) => p.cycles.launch(id(ctx.params.id), user),
    }),
    route({
      method: 'get',
      path: '/api/cycles/:id/overview',
      summary: '周期概览：各环节待办与超期 / open and overdue tasks per step',
      tag: 'cycles',
      access: readers,
      handle: async (ctx, { user }) => p.cycles.overview(id(ctx.params.id), user),
    }),
  ];
}

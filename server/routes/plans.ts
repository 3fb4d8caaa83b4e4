import { z } from 'zod';
import { route } from '../http/route-table.ts';
import type { Platform } from '../platform.ts';

const period = z.string().min(1).max(32);
const planId = (value: string) => z.coerce.number().int().positive().parse(value);

export function planRoutes(p: Platform) {
  return [
    route({
      method: 'get',
      path: '/api/plans',
      summary: '已发布的绩效计划 / published plans the caller may read',
      tag: 'plans',
      access: [],
      query: z.object({ period: period.optional(), userId: z.coerce.number().int().positive().optional() }),
      handle: async (_ctx, { query, user }) => p.plans.list(user, query),
    }),
    route({
      method: 'get',
      path: '/api/plans/cutoff',
      summary: '目标调整截止日期 / the adjustment cut-off in force for a unit and period',
      tag: 'plans',
      access: [],
      query: z.object({ period, unitId: z.coerce.number().int().positive().optional() }),
      handle: async (_ctx, { query, user }) => p.plans.cutoff(user, query.period, query.unitId),
    }),
    route({
      method: 'put',
      path: '/api/plans/cutoff',
      summary: '设置目标调整截止日期 / set the adjustment cut-off for a unit subtree and period',
      tag: 'plans',
      access: ['admin', 'office'],
      body: z.object({ period, unitId: z.number().int().positive().optional(), lastDay: z.string().max(10) }),
      handle: async (_ctx, { body, user }) => p.plans.setCutoff(user, body),
    }),
    route({
      method: 'post',
      path: '/api/plans/unit-proposals',
      summary: '发起单位年度目标申报 / ask a unit to propose its annual targets',
      tag: 'plans',
      access: ['admin', 'office'],
      status: 201,
      body: z.object({ unitId: z.number().int().positive(), period, departmentReviewer: z.string().min(1).max(64), leaderInCharge: z.string().min(1).max(64) }),
      handle: async (_ctx, { body, user }) => p.plans.proposeUnitTargets(body, user),
    }),
    route({
      method: 'get',
      path: '/api/plans/:id',
      summary: '绩效计划及其各版本 / a plan with every version of its targets',
      tag: 'plans',
      access: [],
      handle: async (ctx, { user }) => p.plans.get(planId(ctx.params.id), user),
    }),
    route({
      method: 'post',
      path: '/api/plans/:id/adjustments',
      summary: '申请目标调整 / request an adjustment of published targets (starts target-adjustment)',
      tag: 'plans',
      access: [],
      status: 201,
      body: z.object({ adjustmentReason: z.string().max(1000), targets: z.array(z.record(z.string(), z.unknown())).max(100), leaderInCharge: z.string().min(1).max(64).optional() }),
      handle: async (ctx, { body, user }) => p.plans.requestAdjustment(planId(ctx.params.id), user, body),
    }),
  ];
}

import { z } from 'zod';
import { route } from '../http/route-table.ts';
import { MANAGERS } from '../auth/roles.ts';
import type { Platform } from '../platform.ts';
import { currentPeriod } from '../services/period.ts';

export function processRoutes(p: Platform) {
  return [
    route({
      method: 'get',
      path: '/api/processes',
      summary: '已部署流程（最新版本）/ deployed processes, latest version',
      tag: 'processes',
      access: MANAGERS,
      handle: async () => p.processes.list(),
    }),
    route({
      method: 'get',
      path: '/api/processes/:processId',
      summary: '流程定义与版本 / a process with its BPMN XML and versions',
      tag: 'processes',
      access: MANAGERS,
      handle: async (ctx) => p.processes.get(ctx.params.processId),
    }),
    route({
      method: 'post',
      path: '/api/processes/deploy',
      summary: '校验并部署流程 / lint and deploy a BPMN diagram as a new version',
      tag: 'processes',
      access: MANAGERS,
      status: 201,
      body: z.object({ xml: z.string().min(1).max(5_000_000) }),
      handle: async (_ctx, { body, user }) => p.processes.deploy(body.xml, user),
    }),
    route({
      method: 'post',
      path: '/api/processes/:processId/instances',
      summary: '为一名人员发起流程 / start the latest version for one person',
      tag: 'processes',
      access: MANAGERS,
      status: 201,
      body: z.object({ subjectUsername: z.string().min(1).max(64), period: z.string().max(32).optional() }),
      handle: async (ctx, { body, user }) => p.processes.startFor(ctx.params.processId, body.subjectUsername, user, body.period ?? currentPeriod()),
    }),
    route({
      method: 'get',
      path: '/api/instances/:id',
      summary: '流程实例与历史 / a process instance with its history',
      tag: 'processes',
      access: MANAGERS,
      handle: async (ctx, { user }) => p.instances.get(ctx.params.id, user),
    }),
  ];
}

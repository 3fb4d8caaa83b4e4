import { z } from 'zod';
import { route } from '../http/route-table.ts';
import type { Platform } from '../platform.ts';

const inboxQuery = z.object({ view: z.enum(['todo', 'cc']).default('todo') });

export function taskRoutes(p: Platform) {
  return [
    route({
      method: 'get',
      path: '/api/tasks',
      summary: '我的待办（?view=cc：抄送我的） / my open inbox tasks (?view=cc: tasks copied to me)',
      tag: 'inbox',
      access: [],
      query: inboxQuery,
      handle: async (_ctx, { user, query }) => p.inbox.list(user, query.view),
    }),
    route({
      method: 'get',
      path: '/api/tasks/:id',
      summary: '待办详情、表单与数据 / a task with its form and data',
      tag: 'inbox',
      access: [],
      handle: async (ctx, { user }) => p.inbox.get(ctx.params.id, user),
    }),
    route({
      method: 'post',
      path: '/api/tasks/:id/complete',
      summary: '提交表单并办结 / submit the form and complete the task',
      tag: 'inbox',
      access: [],
      body: z.object({ data: z.record(z.string(), z.unknown()) }),
      handle: async (ctx, { user, body }) => ({ task: await p.inbox.complete(ctx.params.id, user, body.data) }),
    }),
  ];
}

import { z } from 'zod';
import { route } from '../http/route-table.ts';
import type { Platform } from '../platform.ts';

const comment = z.string().max(1000).optional();
const username = z.string().min(1).max(64);
const handOver = z.object({ to: username, comment });
const note = z.object({ comment });

/** Approval operations on a task (转办, 委派, 抄送, 催办, 撤回) and its approval record (审批记录). */
export function taskOperationRoutes(p: Platform) {
  const ops = p.taskOperations;
  return [
    route({
      method: 'get',
      path: '/api/tasks/:id/history',
      summary: '审批记录 / every action on the tasks of this task\'s instance, oldest first',
      tag: 'inbox',
      access: [],
      handle: async (ctx, { user }) => ops.history(ctx.params.id, user),
    }),
    route({
      method: 'post',
      path: '/api/tasks/:id/transfer',
      summary: '转办 / hand the task over to another person',
      tag: 'inbox',
      access: [],
      body: handOver,
      handle: async (ctx, { user, body }) => ({ task: await ops.transfer(ctx.params.id, user, body) }),
    }),
    route({
      method: 'post',
      path: '/api/tasks/:id/delegate',
      summary: '委派 / let another person work on the task; it comes back when they resolve it',
      tag: 'inbox',
      access: [],
      body: handOver,
      handle: async (ctx, { user, body }) => ({ task: await ops.delegate(ctx.params.id, user, body) }),
    }),
    route({
      method: 'post',
      path: '/api/tasks/:id/resolve',
      summary: '委派交还 / the delegate hands the task back to its owner',
      tag: 'inbox',
      access: [],
      body: note,
      handle: async (ctx, { user, body }) => ({ task: await ops.resolve(ctx.params.id, user, body) }),
    }),
    route({
      method: 'post',
      path: '/api/tasks/:id/cc',
      summary: '抄送 / let other people read the task',
      tag: 'inbox',
      access: [],
      body: z.object({ users: z.array(username).min(1).max(50), comment }),
      handle: async (ctx, { user, body }) => ops.carbonCopy(ctx.params.id, user, body),
    }),
    route({
      method: 'post',
      path: '/api/tasks/:id/urge',
      summary: '催办 / remind the assignee (at most every 10 minutes per person)',
      tag: 'inbox',
      access: [],
      body: note,
      handle: async (ctx, { user, body }) => ({ task: await ops.urge(ctx.params.id, user, body) }),
    }),
    route({
      method: 'post',
      path: '/api/tasks/:id/withdraw',
      summary: '撤回 / take back a completed step while the next step is untouched',
      tag: 'inbox',
      access: [],
      body: note,
      handle: async (ctx, { user, body }) => ops.withdraw(ctx.params.id, user, body),
    }),
  ];
}

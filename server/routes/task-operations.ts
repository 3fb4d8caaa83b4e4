import { z } from 'zod';
import { route } from '../http/route-table.ts';
import type { Platform } from '../platform.ts';

const comment = z.string().max(1000).optional();
const username = z.string().min(1).max(64);
const handOver = z.object({ to: username, comment });
const note = z.object({ comment });
const requiredComment = z.string().trim().min(1).max(1000);

/** Approval operations on a task (转办, 委派, 抄送, 催办, 撤回, 退回, 加签) and its approval record (审批记录). */
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
    route({
      method: 'get',
      path: '/api/tasks/:id/return-targets',
      summary: '退回 / the steps already completed in this instance that the task may be sent back to, the submitter\'s first',
      tag: 'inbox',
      access: [],
      handle: async (ctx, { user }) => ops.returnTargets(ctx.params.id, user),
    }),
    route({
      method: 'post',
      path: '/api/tasks/:id/send-back',
      summary: '退回 / send the instance back to an earlier step with a comment the person sees there',
      tag: 'inbox',
      access: [],
      body: z.object({ to: z.string().min(1).max(128), comment: requiredComment }),
      handle: async (ctx, { user, body }) => ops.sendBack(ctx.params.id, user, body),
    }),
    route({
      method: 'get',
      path: '/api/tasks/:id/return-note',
      summary: '退回意见 / the comment of the send-back that reopened this task, or null',
      tag: 'inbox',
      access: [],
      handle: async (ctx, { user }) => ops.returnNote(ctx.params.id, user),
    }),
    route({
      method: 'post',
      path: '/api/tasks/:id/add-signer',
      summary: '加签 / add a person who signs before the assignee, or after (the assignee\'s completion waits for their approval)',
      tag: 'inbox',
      access: [],
      body: z.object({ to: username, position: z.enum(['before', 'after']), comment, data: z.record(z.string(), z.unknown()).optional() }),
      handle: async (ctx, { user, body }) => ({ task: await ops.addSigner(ctx.params.id, user, body) }),
    }),
    route({
      method: 'post',
      path: '/api/tasks/:id/sign',
      summary: '加签意见 / the added signer approves or rejects',
      tag: 'inbox',
      access: [],
      body: z.object({ decision: z.enum(['approve', 'reject']), comment }),
      handle: async (ctx, { user, body }) => ({ task: await ops.sign(ctx.params.id, user, body) }),
    }),
    route({
      method: 'get',
      path: '/api/tasks/:id/signers',
      summary: '加签人 / who was added to sign this task, with position and decision',
      tag: 'inbox',
      access: [],
      handle: async (ctx, { user }) => ops.signers(ctx.params.id, user),
    }),
  ];
}

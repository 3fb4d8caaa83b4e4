import { z } from 'zod';
import { route } from '../http/route-table.ts';
import type { Platform } from '../platform.ts';
import { isCalendarDate } from '../calendar/index.ts';
import { LEDGER_ASSIGNERS } from '../services/ledger/ledger-roles.ts';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
/** Days, hours, minutes, seconds: what FEEL subtracts from a date and time. */
const DURATION = /^P(?=\d|T\d)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;
const duration = z.string().regex(DURATION, '应为 ISO 8601 时长，如 P2D、PT4H / must be an ISO 8601 duration such as P2D or PT4H');

const newItem = z.object({
  title: z.string().trim().min(1, '请填写任务名称 / a title is required').max(200, '任务名称不超过 200 字 / at most 200 characters'),
  description: z.string().trim().max(2000, '任务要求不超过 2000 字 / at most 2000 characters').optional(),
  owner: z.string().min(1, '请选择责任人 / an owner is required').max(64),
  deadline: z.string().refine((s) => isCalendarDate(s) || INSTANT.test(s), '截止时间应为 YYYY-MM-DD 或带时区的 ISO 时间 / the deadline must be YYYY-MM-DD or an ISO date-time with an offset'),
  urgency: z.enum(['urgent', 'important', 'normal'], { error: '紧急程度应为 urgent（紧急）、important（重要）或 normal（一般）/ urgency must be urgent, important or normal' }),
  period: z.string().regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, '考核期应为 2026、2026-Q4 或 2026-11 / period must be 2026, 2026-Q4 or 2026-11').optional(),
  reminders: z.object({ before: duration.optional(), every: duration.optional() }).optional(),
});

const listQuery = z.object({
  period: z.string().max(16).optional(),
  owner: z.string().max(64).optional(),
  status: z.enum(['in_progress', 'awaiting_confirmation', 'done']).optional(),
});

const itemId = (id: string) => z.coerce.number().int().positive().parse(id);

/** The work ledger (工作台账): assign items, list them with their lights; progress and confirmation go through the inbox. */
export function ledgerRoutes(p: Platform) {
  return [
    route({
      method: 'get',
      path: '/api/ledger',
      summary: '工作台账（含红黄绿灯）/ ledger items the caller owns or oversees, with their lights',
      tag: 'execute',
      access: [],
      query: listQuery,
      handle: async (_ctx, { user, query }) => p.ledger.list(user, query),
    }),
    route({
      method: 'get',
      path: '/api/ledger/:id',
      summary: '台账任务详情、提醒与催办记录 / a ledger item with its reminders',
      tag: 'execute',
      access: [],
      handle: async (ctx, { user }) => p.ledger.get(itemId(ctx.params.id), user),
    }),
    route({
      method: 'post',
      path: '/api/ledger',
      summary: '交办台账任务（启动「工作台账任务」流程）/ assign a ledger item to a person of your units',
      tag: 'execute',
      access: LEDGER_ASSIGNERS,
      body: newItem,
      status: 201,
      handle: async (_ctx, { user, body }) => p.ledger.create(body, user),
    }),
  ];
}

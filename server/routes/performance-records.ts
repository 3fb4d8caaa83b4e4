import { z } from 'zod';
import { route } from '../http/route-table.ts';
import type { Platform } from '../platform.ts';
import { isCalendarDate } from '../calendar/index.ts';
import { ANY_RECORD_KEEPER } from '../services/performance-records/record-roles.ts';
import { recordCatalogue } from '../services/performance-records/record-catalogue.ts';

const kind = z.enum(['commendation', 'errorNotice', 'inspection'], { error: '类型应为 commendation（点赞）、errorNotice（错情）或 inspection（察访核验）/ kind must be commendation, errorNotice or inspection' });
const reason = z.string().trim().min(1, '请填写事由 / a reason is required').max(1000, '事由不超过 1000 字 / at most 1000 characters');
const code = z.string().min(1).max(64);

const newRecord = z.object({
  kind,
  username: z.string().min(1, '请选择人员 / a person is required').max(64),
  date: z.string().refine(isCalendarDate, '日期应为有效的 YYYY-MM-DD / the date must be a valid YYYY-MM-DD'),
  reason,
  code: code.optional(),
  points: z.number({ error: '分值应为数字 / points must be a number' }).optional(),
  work: z.string().trim().min(1).max(200).optional(),
  rank: code.optional(),
  multiplier: code.optional(),
});

const listQuery = z.object({ username: z.string().max(64).optional(), period: z.string().max(16).optional(), kind: kind.optional() });
const recordId = (id: string) => z.coerce.number().int().positive().parse(id);

/** 点赞 / 错情 / 察访核验: enter, list, revoke (never delete). */
export function performanceRecordRoutes(p: Platform) {
  return [
    route({
      method: 'get',
      path: '/api/performance-records/catalogue',
      summary: '可登记的事项、分值、违规情形与职级 / what a record may say and the points it carries',
      tag: 'execute',
      access: [],
      handle: async () => recordCatalogue(),
    }),
    route({
      method: 'get',
      path: '/api/performance-records',
      summary: '绩效记录（本人的，及管理范围内的）/ records the caller may see',
      tag: 'execute',
      access: [],
      query: listQuery,
      handle: async (_ctx, { user, query }) => p.performanceRecords.list(user, query),
    }),
    route({
      method: 'get',
      path: '/api/performance-records/:id',
      summary: '一条绩效记录 / one record',
      tag: 'execute',
      access: [],
      handle: async (ctx, { user }) => p.performanceRecords.get(recordId(ctx.params.id), user),
    }),
    route({
      method: 'post',
      path: '/api/performance-records',
      summary: '登记点赞（领导、科室负责人）、错情（科室负责人、绩效办）或察访核验（纪检、绩效办）/ enter a record',
      tag: 'execute',
      access: ANY_RECORD_KEEPER,
      body: newRecord,
      status: 201,
      handle: async (_ctx, { user, body }) => p.performanceRecords.create(body, user),
    }),
    route({
      method: 'post',
      path: '/api/performance-records/:id/revoke',
      summary: '撤销记录（保留原记录，注明原因）/ revoke a record with a reason; it is kept',
      tag: 'execute',
      access: ANY_RECORD_KEEPER,
      body: z.object({ reason }),
      handle: async (ctx, { user, body }) => p.performanceRecords.revoke(recordId(ctx.params.id), user, body.reason),
    }),
  ];
}

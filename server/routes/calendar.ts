import { z } from 'zod';
import { route } from '../http/route-table.ts';
import type { Role } from '../auth/roles.ts';
import type { Platform } from '../platform.ts';
import { chinaDate, isCalendarDate } from '../calendar/index.ts';

const CALENDAR_KEEPERS: Role[] = ['admin', 'office'];
const MAX_DAYS = 366;
const DAYS = `工作日天数应为 1–${MAX_DAYS} 的整数 / days must be a whole number from 1 to ${MAX_DAYS}`;

const calendarDate = z.string().refine(isCalendarDate, '日期应为有效的 YYYY-MM-DD / a date must be a valid YYYY-MM-DD');
const workingDaysQuery = z.object({
  from: calendarDate.optional(),
  days: z.coerce.number({ error: DAYS }).int({ error: DAYS }).min(1, { error: DAYS }).max(MAX_DAYS, { error: DAYS }),
});

export function calendarRoutes(p: Platform) {
  return [
    route({
      method: 'get',
      path: '/api/calendar/overrides',
      summary: '工作日历的管理员设置 / admin overrides of the working calendar',
      tag: 'calendar',
      access: CALENDAR_KEEPERS,
      handle: async () => p.calendar.overrides(),
    }),
    route({
      method: 'put',
      path: '/api/calendar/overrides/:date',
      summary: '设置某日上班或休息（优先于国家节假日安排）/ mark a day working or not, over the official calendar',
      tag: 'calendar',
      access: CALENDAR_KEEPERS,
      body: z.object({
        working: z.boolean({ error: '请说明该日是否上班（是或否） / working must be true or false' }),
        note: z.string({ error: '请填写说明 / a note is required' }).trim().min(1, '请填写说明 / a note is required').max(200, '说明不超过 200 字 / at most 200 characters'),
      }),
      handle: async (ctx, { body, user }) => p.calendar.setOverride(user, calendarDate.parse(ctx.params.date), body),
    }),
    route({
      method: 'delete',
      path: '/api/calendar/overrides/:date',
      summary: '取消某日的管理员设置 / remove the override of a day',
      tag: 'calendar',
      access: CALENDAR_KEEPERS,
      handle: async (ctx, { user }) => p.calendar.removeOverride(user, calendarDate.parse(ctx.params.date)),
    }),
    route({
      method: 'get',
      path: '/api/calendar/working-days',
      summary: '计算工作日期限：?from=YYYY-MM-DD&days=N，起算日不计 / the deadline N working days after a date, with the days skipped and why',
      tag: 'calendar',
      access: [],
      query: workingDaysQuery,
      handle: async (_ctx, { query }) => p.calendar.addWorkingDays(query.from ?? chinaDate(new Date()), query.days),
    }),
  ];
}

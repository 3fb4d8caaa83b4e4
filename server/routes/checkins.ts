import { z } from 'zod';
import { route } from '../http/route-table.ts';
import type { Platform } from '../platform.ts';
import { CHECKIN_STARTERS } from '../services/checkins/monthly-checkins.ts';

/** 月度沟通: start a month's check-in for a person; the talk and the acknowledgement are inbox tasks. */
export function checkinRoutes(p: Platform) {
  return [
    route({
      method: 'post',
      path: '/api/checkins',
      summary: '发起月度沟通（直接领导记录、本人确认）/ start the monthly check-in of a person',
      tag: 'execute',
      access: CHECKIN_STARTERS,
      body: z.object({
        username: z.string().min(1, '请选择人员 / a person is required').max(64),
        month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应为 YYYY-MM / the month must be YYYY-MM'),
      }),
      status: 201,
      handle: async (_ctx, { user, body }) => p.checkins.start(body, user),
    }),
  ];
}

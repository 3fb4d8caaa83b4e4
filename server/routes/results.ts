import { route } from '../http/route-table.ts';
import type { Platform } from '../platform.ts';

export function resultRoutes(p: Platform) {
  return [
    route({
      method: 'get',
      path: '/api/results',
      summary: '考核结果（含计算过程）/ scores with their traces that the caller may see',
      tag: 'results',
      access: [],
      handle: async (_ctx, { user }) => p.results.visibleTo(user),
    }),
  ];
}

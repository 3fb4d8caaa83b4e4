import { route } from '../http/route-table.ts';
import type { Platform } from '../platform.ts';

export function formRoutes(p: Platform) {
  return [
    route({
      method: 'get',
      path: '/api/forms',
      summary: '表单列表 / forms, latest version',
      tag: 'forms',
      access: [],
      handle: async () => p.forms.list(),
    }),
    route({
      method: 'get',
      path: '/api/forms/:formKey',
      summary: 'Form.io 表单定义 / a Form.io form definition',
      tag: 'forms',
      access: [],
      handle: async (ctx) => p.forms.latest(ctx.params.formKey),
    }),
  ];
}

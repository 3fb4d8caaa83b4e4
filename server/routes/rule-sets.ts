import { z } from 'zod';
import { route } from '../http/route-table.ts';
import { MANAGERS } from '../auth/roles.ts';
import type { Platform } from '../platform.ts';

const id = (raw: string) => z.coerce.number().int().positive().parse(raw);

export function ruleSetRoutes(p: Platform) {
  const readers = [...MANAGERS, 'leader' as const];
  return [
    route({
      method: 'get',
      path: '/api/rule-sets',
      summary: '计分规则集（最新版本）/ rule sets, latest version per unit',
      tag: 'rule-sets',
      access: readers,
      handle: async (_ctx, { user }) => p.ruleSets.list(user),
    }),
    route({
      method: 'get',
      path: '/api/rule-sets/:id',
      summary: '规则集、生效规则及与上级的差异 / a rule set, the rules in force and the differences from its parent',
      tag: 'rule-sets',
      access: readers,
      handle: async (ctx, { user }) => p.ruleSets.get(id(ctx.params.id), user),
    }),
    route({
      method: 'post',
      path: '/api/rule-sets',
      summary: '保存规则集新版本（完整规则或对上级的覆盖）/ save a new version: a full rule set or overrides',
      tag: 'rule-sets',
      access: MANAGERS,
      status: 201,
      body: z
        .object({
          code: z.string().regex(/^[a-z0-9-]{2,64}$/, '编码只能包含小写字母、数字和连字符 / lowercase letters, digits and hyphens'),
          unitId: z.number().int().positive(),
          name: z.string().min(1).max(128).optional(),
          definition: z.unknown().optional(),
          overrides: z.record(z.string(), z.unknown()).optional(),
        })
        .refine((b) => (b.definition === undefined) !== (b.overrides === undefined), '提供 definition 或 overrides 之一 / give either definition or overrides'),
      handle: async (_ctx, { body, user }) => p.ruleSets.save(user, body),
    }),
    route({
      method: 'post',
      path: '/api/rule-sets/:id/dry-run',
      summary: '试算：用样例数据计算得分和等次，不保存 / dry run: score and grade a sample cohort, nothing stored',
      tag: 'rule-sets',
      access: readers,
      body: z.object({ cohort: z.unknown() }),
      handle: async (ctx, { body, user }) => p.ruleSets.dryRun(id(ctx.params.id), user, body.cohort),
    }),
  ];
}

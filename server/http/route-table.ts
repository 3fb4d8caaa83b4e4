import type Router from '@koa/router';
import type { Context } from 'koa';
import { z, type ZodType } from 'zod';
import type { Role } from '../auth/roles.ts';
import type { SessionUser } from '../auth/session-user.ts';
import { authRequired, forbidden } from './errors.ts';

/**
 * One entry per route: the router mounts it and the OpenAPI document describes it, from the same data,
 * so the published API cannot drift from what the server answers.
 */
export interface RouteDef<B = unknown, Q = Record<string, never>> {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  tag: string;
  /** 'public' needs no session; otherwise the roles allowed (an empty list means any logged-in user). */
  access: 'public' | Role[];
  body?: ZodType<B>;
  /** Query parameters (`?from=…`), parsed like the body and listed in the OpenAPI document. */
  query?: z.ZodObject<z.ZodRawShape> & ZodType<Q>;
  status?: number;
  handle(ctx: Context, input: { body: B; query: Q; user: SessionUser }): Promise<unknown>;
}

export function route<B, Q = Record<string, never>>(def: RouteDef<B, Q>): RouteDef<B, Q> {
  return def;
}

export function mountRoutes(router: Router, routes: RouteDef<never, never>[]) {
  for (const def of routes as RouteDef<unknown, unknown>[]) {
    router[def.method](def.path, async (ctx) => {
      const user = ctx.state.user as SessionUser | undefined;
      if (def.access !== 'public') {
        if (!user) throw authRequired();
        if (def.access.length && !def.access.some((role) => user.roles.some((r) => r.role === role))) throw forbidden();
      }
      const body = def.body ? def.body.parse((ctx.request as { body?: unknown }).body ?? {}) : undefined;
      const query = def.query ? def.query.parse(ctx.query) : {};
      const result = await def.handle(ctx, { body, query, user: user as SessionUser });
      if (result === undefined) {
        ctx.status = def.status ?? 204;
      } else {
        ctx.status = def.status ?? 200;
        ctx.body = result;
      }
    });
  }
}

const errorSchema = {
  type: 'object',
  properties: { error: { type: 'object', properties: { code: { type: 'string' }, zh: { type: 'string' }, en: { type: 'string' }, details: { type: 'array' } } } },
};

function queryParameters(query: z.ZodObject<z.ZodRawShape> | undefined) {
  if (!query) return [];
  const schema = z.toJSONSchema(query, { io: 'input' }) as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({ name, in: 'query', required: schema.required?.includes(name) ?? false, schema: property }));
}

export function openApiDocument(routes: RouteDef<never, never>[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const def of routes as RouteDef<unknown, unknown>[]) {
    const path = def.path.replace(/:(\w+)/g, '{$1}');
    const parameters = [
      ...[...def.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } })),
      ...queryParameters(def.query),
    ];
    paths[path] ??= {};
    paths[path][def.method] = {
      summary: def.summary,
      tags: [def.tag],
      ...(parameters.length ? { parameters } : {}),
      ...(def.access === 'public' ? { security: [] } : {}),
      ...(def.access !== 'public' && def.access.length ? { 'x-roles': def.access } : {}),
      ...(def.body ? { requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(def.body, { io: 'input' }) } } } } : {}),
      responses: {
        [String(def.status ?? 200)]: { description: 'OK' },
        default: { description: '错误 / error', content: { 'application/json': { schema: errorSchema } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: '绩效管理平台 API / Performance management platform API', version },
    components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sid' } } },
    security: [{ session: [] }],
    paths,
  };
}

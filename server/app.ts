import Koa from 'koa';
import Router from '@koa/router';
import { bodyParser } from '@koa/bodyparser';
import serve from 'koa-static';
import fs from 'node:fs';
import path from 'node:path';
import type { Platform } from './platform.ts';
import { errorHandler } from './http/errors.ts';
import { mountRoutes, openApiDocument, route, type RouteDef } from './http/route-table.ts';
import { authRoutes } from './routes/auth.ts';
import { taskRoutes } from './routes/tasks.ts';
import { taskOperationRoutes } from './routes/task-operations.ts';
import { processRoutes } from './routes/processes.ts';
import { formRoutes } from './routes/forms.ts';
import { resultRoutes } from './routes/results.ts';
import { ruleSetRoutes } from './routes/rule-sets.ts';
import { calendarRoutes } from './routes/calendar.ts';
import { cycleRoutes } from './routes/cycles.ts';
import { cycleStageRoutes } from './routes/cycle-stages.ts';
import { unitRoutes } from './routes/units.ts';
import { planRoutes } from './routes/plans.ts';
import { ledgerRoutes } from './routes/ledger.ts';
import { performanceRecordRoutes } from './routes/performance-records.ts';
import { checkinRoutes } from './routes/checkins.ts';

export const DESIGNER_DIST = path.resolve('designer', 'dist');

/** The koa app: error shape, session, API routes (and their OpenAPI document), the built designer. */
export function createApp(platform: Platform) {
  const app = new Koa();
  app.proxy = process.env.TRUST_PROXY === 'true';
  const api: RouteDef<never, never>[] = [
    ...authRoutes(platform),
    ...taskRoutes(platform),
    ...taskOperationRoutes(platform),
    ...processRoutes(platform),
    ...formRoutes(platform),
    ...resultRoutes(platform),
    ...ruleSetRoutes(platform),
    ...calendarRoutes(platform),
    ...cycleRoutes(platform),
    ...cycleStageRoutes(platform),
    ...unitRoutes(platform),
    ...planRoutes(platform),
    ...ledgerRoutes(platform),
    ...performanceRecordRoutes(platform),
    ...checkinRoutes(platform),
  ] as RouteDef<never, never>[];
  const routes: RouteDef<never, never>[] = [...api];
  routes.push(
    route({
      method: 'get',
      path: '/api/openapi.json',
      summary: 'OpenAPI 文档 / this API as OpenAPI 3.1',
      tag: 'meta',
      access: 'public',
      handle: async (): Promise<unknown> => openApiDocument(routes, '0.1.0'),
    }) as RouteDef<never, never>,
  );
  const router = new Router();
  mountRoutes(router, routes);

  app.use(errorHandler(platform.logger));
  app.use(bodyParser({ jsonLimit: '6mb', enableTypes: ['json'] }));
  app.use(platform.sessions.middleware());
  app.use(router.routes());
  app.use(router.allowedMethods());
  if (fs.existsSync(DESIGNER_DIST)) {
    app.use(serve(DESIGNER_DIST, { maxage: 0 }));
    // single-page app: unknown non-API paths get the shell
    app.use(async (ctx, next) => {
      await next();
      if (ctx.status === 404 && ctx.method === 'GET' && !ctx.path.startsWith('/api/')) {
        ctx.type = 'html';
        ctx.body = fs.createReadStream(path.join(DESIGNER_DIST, 'index.html'));
      }
    });
  }
  return app;
}

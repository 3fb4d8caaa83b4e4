import type { Context, Next } from 'koa';
import { ZodError } from 'zod';
import type { Logger } from 'pino';
import { EngineError, type EngineErrorCode } from '../../engine/errors.ts';
import { zodDetails } from './zod-issues.ts';

export interface ErrorDetail {
  path?: string;
  elementId?: string | null;
  zh: string;
  en: string;
}

/** An error a person can act on: an HTTP status, a stable code and a message in Chinese and English. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly zh: string,
    readonly en: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(en);
  }
}

export const authRequired = () => new AppError(401, 'auth.required', '请先登录', 'Please log in first');
export const forbidden = () => new AppError(403, 'auth.forbidden', '您没有权限进行此操作', 'You are not allowed to do this');
export const notFound = (what: string, zhWhat: string) => new AppError(404, `${what}.not_found`, `${zhWhat}不存在或无权查看`, `No such ${what}, or you may not see it`);

const ENGINE_STATUS: Record<EngineErrorCode, number> = {
  'bpmn.invalid': 400,
  'process.not_found': 404,
  'instance.not_found': 404,
  'instance.not_running': 409,
  'execution.not_waiting': 409,
  'instance.incident': 422,
  'instance.conflict': 409,
  'job.not_found': 404,
  'engine.busy': 503,
};

function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  if (err instanceof EngineError) return new AppError(ENGINE_STATUS[err.code], err.code, err.zh, err.en);
  if (err instanceof ZodError) {
    return new AppError(
      400,
      'request.invalid',
      '请求内容不正确',
      'The request is not valid',
      zodDetails(err),
    );
  }
  const status = (err as { status?: number }).status;
  if (status && status >= 400 && status < 500) return new AppError(status, 'request.invalid', '请求内容不正确', (err as Error).message);
  return null;
}

/** Every error leaves as `{error: {code, zh, en, details}}`; unexpected ones are logged and never leak internals. */
export function errorHandler(logger: Logger) {
  return async (ctx: Context, next: Next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined && ctx.path.startsWith('/api/')) throw notFound('route', '接口');
    } catch (err) {
      const known = toAppError(err);
      if (!known) logger.error({ err, path: ctx.path }, 'unexpected error');
      const e = known ?? new AppError(500, 'server.error', '服务器内部错误，请稍后重试', 'Internal server error, please retry later');
      ctx.status = e.status;
      ctx.body = { error: { code: e.code, zh: e.zh, en: e.en, details: e.details } };
    }
  };
}

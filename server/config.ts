import path from 'node:path';

/** Every setting the server reads, with its default; the README lists the same variables. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  engine: 'embedded' | 'zeebe';
  logLevel: string;
  sessionHours: number;
  cookieSecure: boolean;
  seedDemo: boolean;
  publicUrl: string | null;
}

export const DEFAULT_DATABASE_URL = `sqlite:${path.join('data', 'jixiao.sqlite')}`;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const engine = env.ENGINE ?? 'embedded';
  if (engine !== 'embedded' && engine !== 'zeebe') throw new Error(`ENGINE must be "embedded" or "zeebe", got "${engine}"`);
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    engine,
    logLevel: env.LOG_LEVEL ?? 'info',
    sessionHours: Number(env.SESSION_HOURS ?? 12),
    cookieSecure: env.COOKIE_SECURE === 'true',
    seedDemo: env.SEED_DEMO !== 'false',
    publicUrl: env.PUBLIC_URL ?? null,
  };
}

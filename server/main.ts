import pino from 'pino';
import { loadConfig } from './config.ts';
import { startServer } from './server.ts';
import { ensureDesignerBuilt } from './designer-build.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './seed/demo-org.ts';
import { ROLES } from './auth/roles.ts';

const config = loadConfig();
const logger = pino({ level: config.logLevel });

try {
  ensureDesignerBuilt((m) => logger.info(m));
  const server = await startServer(config, logger);
  const logins = DEMO_USERS.map((u) => `  ${u.username.padEnd(16)} ${u.displayName}（${u.roles.map(([r]) => ROLES[r].zh).join('、')}）`).join('\n');
  process.stdout.write(
    `\n绩效管理平台已启动 / the platform is running:\n\n  ${server.url}\n\n` +
      `数据库 / database: ${config.databaseUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}   引擎 / engine: ${config.engine}\n` +
      (config.seedDemo ? `\n演示账号（密码均为 ${DEMO_PASSWORD}）/ demo logins (password ${DEMO_PASSWORD}):\n${logins}\n\n` : '\n'),
  );
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
} catch (err) {
  logger.fatal({ err }, '启动失败 / failed to start');
  process.exit(1);
}

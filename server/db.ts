import fs from 'node:fs';
import path from 'node:path';
import { Sequelize } from 'sequelize';

/**
 * One model layer for both stores: `sqlite:<file>` (zero-setup default) or `mysql://user:pass@host:port/db`.
 */
export function createSequelize(databaseUrl: string): Sequelize {
  if (databaseUrl.startsWith('sqlite:')) {
    const storage = databaseUrl.slice('sqlite:'.length);
    if (storage !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(storage)), { recursive: true });
    return new Sequelize({ dialect: 'sqlite', storage, logging: false, transactionType: 'IMMEDIATE' as never });
  }
  if (databaseUrl.startsWith('mysql:') || databaseUrl.startsWith('mariadb:')) {
    return new Sequelize(databaseUrl.replace(/^mariadb:/, 'mysql:'), {
      dialect: 'mysql',
      logging: false,
      timezone: '+00:00',
      dialectOptions: { charset: 'utf8mb4', dateStrings: false },
      define: { charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci' },
      pool: { max: 10 },
    });
  }
  throw new Error(`DATABASE_URL 不受支持 / unsupported DATABASE_URL: ${databaseUrl} (use sqlite:<file> or mysql://…)`);
}

/**
 * SQLite in write-ahead-log mode: a commit does not wait for a full sync and readers do not block the writer.
 * (Sequelize keeps one SQLite connection per file, so setting it once is enough.)
 */
export async function prepareConnection(sequelize: Sequelize) {
  if (sequelize.getDialect() !== 'sqlite') return;
  await sequelize.query('PRAGMA journal_mode = WAL');
  await sequelize.query('PRAGMA synchronous = NORMAL');
  await sequelize.query('PRAGMA busy_timeout = 5000');
}

const DEADLOCK = new Set([1213, 1205]); // ER_LOCK_DEADLOCK, ER_LOCK_WAIT_TIMEOUT

function isDeadlock(err: unknown): boolean {
  const errno = (err as { parent?: { errno?: number } }).parent?.errno;
  return errno !== undefined && DEADLOCK.has(errno);
}

/**
 * Runs `work` in one transaction. SQLite has one writer, so its transactions are queued instead of failing
 * busy; on MySQL a transaction chosen as a deadlock victim is run again (the work must be repeatable).
 */
export function createTransactionRunner(sequelize: Sequelize) {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = sequelize.getDialect() === 'sqlite';
  return function inTransaction<T>(work: (transaction: import('sequelize').Transaction) => Promise<T>): Promise<T> {
    if (serial) {
      const run = queue.then(() => sequelize.transaction(work));
      queue = run.catch(() => undefined);
      return run;
    }
    return (async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await sequelize.transaction(work);
        } catch (err) {
          if (!isDeadlock(err) || attempt >= 5) throw err;
          await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20));
        }
      }
    })();
  };
}

export type InTransaction = ReturnType<typeof createTransactionRunner>;

import fs from 'node:fs';
import path from 'node:path';
import { Sequelize, type Transaction } from 'sequelize';
import { groupedQueue, type Queued } from './grouped-queue.ts';

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

const SQLITE_PRAGMAS = ['PRAGMA synchronous = NORMAL', 'PRAGMA busy_timeout = 5000', 'PRAGMA foreign_keys = ON'];

/**
 * SQLite in write-ahead-log mode: a commit does not wait for a full sync and readers do not block the writer.
 * (The journal mode stays with the file; the other settings are per connection, see `shareOneWriter`.)
 */
export async function prepareConnection(sequelize: Sequelize) {
  if (sequelize.getDialect() !== 'sqlite') return;
  await sequelize.query('PRAGMA journal_mode = WAL');
  for (const pragma of SQLITE_PRAGMAS) await sequelize.query(pragma);
}

interface SqliteConnection {
  exec(sql: string, callback: (err: Error | null) => void): void;
}

interface SqliteConnectionManager {
  getConnection(options?: { uuid?: string }): Promise<SqliteConnection>;
  releaseConnection(connection: SqliteConnection, force?: boolean): unknown;
}

/**
 * Sequelize opens a new SQLite connection for every transaction and closes it afterwards (several milliseconds
 * each, and without the settings above, so every commit waited for a full sync). SQLite has one writer anyway and
 * the transaction runner queues transactions one after the other, so they all share one connection, set up once.
 */
function shareOneWriter(sequelize: Sequelize) {
  const manager = sequelize.connectionManager as unknown as SqliteConnectionManager;
  const getConnection = manager.getConnection.bind(manager);
  const releaseConnection = manager.releaseConnection.bind(manager);
  let writer: Promise<SqliteConnection> | null = null;
  let opened: SqliteConnection | null = null;
  manager.getConnection = (options) => {
    if (!options?.uuid || options.uuid === 'default') return getConnection(options);
    writer ??= getConnection({ ...options, uuid: 'writer' }).then(async (connection) => {
      for (const pragma of SQLITE_PRAGMAS) {
        await new Promise<void>((resolve, reject) => connection.exec(pragma, (err) => (err ? reject(err) : resolve())));
      }
      return (opened = connection);
    });
    writer.catch(() => (writer = null));
    return writer;
  };
  manager.releaseConnection = (connection, force) => {
    if (connection === opened && !force) return;
    if (connection === opened) writer = opened = null;
    return releaseConnection(connection, force);
  };
}

const DEADLOCK = new Set([1213, 1205]); // ER_LOCK_DEADLOCK, ER_LOCK_WAIT_TIMEOUT

function isDeadlock(err: unknown): boolean {
  const errno = (err as { parent?: { errno?: number } }).parent?.errno;
  return errno !== undefined && DEADLOCK.has(errno);
}

/**
 * Runs `work` in one transaction. On MySQL a transaction chosen as a deadlock victim is run again (the work must
 * be repeatable). SQLite has one writer: its transactions are queued instead of failing busy, and those that
 * queue up meanwhile share one commit (see `groupCommit`).
 */
export function createTransactionRunner(sequelize: Sequelize): InTransaction {
  let runner = runners.get(sequelize);
  if (!runner) runners.set(sequelize, (runner = sequelize.getDialect() === 'sqlite' ? groupCommit(sequelize) : retryingDeadlocks(sequelize)));
  return runner;
}

export type InTransaction = <T>(work: (transaction: Transaction) => Promise<T>) => Promise<T>;

/** One runner per database: on SQLite its queue is what keeps two transactions off the shared writer connection. */
const runners = new WeakMap<Sequelize, InTransaction>();

function retryingDeadlocks(sequelize: Sequelize): InTransaction {
  return async (work) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await sequelize.transaction(work);
      } catch (err) {
        if (!isDeadlock(err) || attempt >= 5) throw err;
        await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20));
      }
    }
  };
}

type Work = (transaction: Transaction) => Promise<unknown>;

const MAX_GROUP = 200;

/**
 * SQLite group commit: the transactions that queue up while one commits run one after the other in the next
 * transaction, each in a savepoint of its own, and commit together. Each still sees what the ones before it
 * wrote, as if they ran one by one; one that fails is rolled back to its savepoint and fails alone; each caller
 * hears back (and its after-commit hooks run) only once the shared commit is done.
 */
function groupCommit(sequelize: Sequelize): InTransaction {
  shareOneWriter(sequelize);

  async function runGroup(group: Array<Queued<Work, unknown>>) {
    // a group that cannot commit fails all its callers (see groupedQueue)
    if (group.length === 1) return group[0].resolve(await sequelize.transaction(group[0].item));
    const outcomes: Array<{ value?: unknown; failed?: { error: unknown }; hooks: Array<(t: Transaction) => unknown>; savepoint?: Transaction }> = [];
    await sequelize.transaction(async (transaction) => {
      for (const { item: work } of group) {
        const outcome: (typeof outcomes)[number] = { hooks: [] };
        outcomes.push(outcome);
        try {
          outcome.value = await sequelize.transaction({ transaction }, (savepoint) => {
            outcome.savepoint = savepoint;
            // a savepoint's own commit does nothing: its hooks wait for the shared commit
            savepoint.afterCommit = (hook) => void outcome.hooks.push(hook);
            return work(savepoint);
          });
        } catch (error) {
          outcome.failed = { error };
        }
      }
    });
    for (const [i, queued] of group.entries()) {
      const { value, failed, hooks, savepoint } = outcomes[i];
      if (failed) {
        queued.reject(failed.error);
        continue;
      }
      try {
        for (const hook of hooks) await hook(savepoint!);
        queued.resolve(value);
      } catch (err) {
        queued.reject(err);
      }
    }
  }

  const enqueue = groupedQueue(runGroup, MAX_GROUP);
  return <T>(work: (transaction: Transaction) => Promise<T>) => enqueue(work) as Promise<T>;
}

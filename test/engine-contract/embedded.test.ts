import pino from 'pino';
import { describe, it, expect } from 'vitest';
import { createSequelize, createTransactionRunner } from '../../server/db.ts';
import { migrate } from '../../server/migrate.ts';
import { EmbeddedEngine } from '../../engine/embedded/embedded-engine.ts';
import { engineContract, type ContractHarness } from './contract.ts';
import { RecordingInbox } from './recording-inbox.ts';
import { tempSqliteUrl } from '../support/server.ts';
import { createMysqlDatabase } from '../support/mysql.ts';

async function embeddedHarness(databaseUrl: string, drop: () => Promise<void>): Promise<ContractHarness> {
  const inbox = new RecordingInbox();
  const logger = pino({ level: 'silent' });
  const open = async () => {
    const sequelize = createSequelize(databaseUrl);
    await migrate(sequelize);
    const engine = new EmbeddedEngine({ sequelize, inTransaction: createTransactionRunner(sequelize), sink: inbox, logger, pollMs: 20, retryBackoffMs: 10 });
    return { sequelize, engine };
  };
  let current = await open();
  return {
    engine: current.engine,
    inbox,
    hasHistory: true,
    async restart() {
      await current.engine.stop();
      await current.sequelize.close();
      current = await open();
      return current.engine;
    },
    async close() {
      await current.engine.stop();
      await current.sequelize.close();
      await drop();
    },
  };
}

engineContract('embedded on SQLite', () => embeddedHarness(tempSqliteUrl(), async () => {}));
engineContract('embedded on MySQL / MariaDB', async () => {
  const db = await createMysqlDatabase();
  return embeddedHarness(db.url, db.drop);
});

describe('one engine host per database', () => {
  it('refuses a second host on the same database while the first runs, and lets one in after it stops', async () => {
    const url = tempSqliteUrl();
    const host = async () => {
      const sequelize = createSequelize(url);
      await migrate(sequelize);
      const engine = new EmbeddedEngine({ sequelize, inTransaction: createTransactionRunner(sequelize), sink: new RecordingInbox(), logger: pino({ level: 'silent' }) });
      return { sequelize, engine };
    };
    const first = await host();
    await first.engine.startWorkers();
    const second = await host();
    await expect(second.engine.startWorkers()).rejects.toMatchObject({ code: 'engine.busy', zh: expect.stringContaining('另一个引擎进程正在使用此数据库') });
    await first.engine.stop();
    await second.engine.startWorkers();
    await second.engine.stop();
    await Promise.all([first.sequelize.close(), second.sequelize.close()]);
  });
});

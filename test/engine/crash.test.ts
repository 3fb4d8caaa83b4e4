import { spawn, type ChildProcess } from 'node:child_process';
import { describe, it, expect } from 'vitest';
import { Sequelize, QueryTypes } from 'sequelize';
import { createSequelize } from '../../server/db.ts';
import { tempSqliteUrl } from '../support/server.ts';
import { createMysqlDatabase } from '../support/mysql.ts';
import { waitFor } from '../support/wait-for.ts';

const INSTANCES = 60;

function host(databaseUrl: string, toStart: number): { child: ChildProcess; output: string[] } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/engine/crash/host.ts', databaseUrl, String(toStart)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  return { child, output };
}

const count = async (db: Sequelize, sql: string) => Number(((await db.query(sql, { type: QueryTypes.SELECT })) as Array<{ n: number }>)[0].n);

describe.each([
  ['SQLite', async () => ({ url: tempSqliteUrl(), drop: async () => {} })],
  ['MySQL / MariaDB', createMysqlDatabase],
])('crash: SIGKILL of the engine host in the middle of %s', (_name, database) => {
  it(`finishes all ${INSTANCES} instances after a restart: every job handled at least once, every completion applied once`, async () => {
    const db = await database();
    const first = host(db.url, INSTANCES);
    const probe = createSequelize(db.url);
    try {
      // kill it while instances are spread over every step
      await waitFor(async () => ((await count(probe, "SELECT COUNT(*) AS n FROM engine_instances WHERE status = 'completed'").catch(() => 0)) >= 5 ? true : undefined), 'some progress', 60_000);
      first.child.kill('SIGKILL');
      await new Promise((resolve) => first.child.once('exit', resolve));
      expect(await count(probe, "SELECT COUNT(*) AS n FROM engine_instances WHERE status <> 'completed'")).toBeGreaterThan(0);

      const second = host(db.url, 0);
      try {
        await waitFor(async () => ((await count(probe, "SELECT COUNT(*) AS n FROM engine_instances WHERE status = 'completed'")) === INSTANCES ? true : undefined), 'every instance to complete', 90_000);
      } finally {
        second.child.kill('SIGKILL');
      }
      const handled = (await probe.query('SELECT instanceKey, type, COUNT(*) AS n FROM crash_handled GROUP BY instanceKey, type', { type: QueryTypes.SELECT })) as Array<{ n: number }>;
      expect(handled).toHaveLength(INSTANCES * 2);
      expect(await count(probe, 'SELECT COUNT(*) AS n FROM crash_completions')).toBe(INSTANCES);
      expect(await count(probe, "SELECT COUNT(*) AS n FROM engine_history WHERE elementId = 'approve'")).toBe(INSTANCES);
      expect(await count(probe, "SELECT COUNT(*) AS n FROM engine_jobs WHERE status <> 'completed'")).toBe(0);
    } finally {
      await probe.close();
      await db.drop();
    }
  }, 240_000);
});

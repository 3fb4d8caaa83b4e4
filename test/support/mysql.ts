import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';

/** The MariaDB/MySQL server the suites use (each run creates and drops its own database on it). */
export const MYSQL_SERVER_URL = process.env.MYSQL_TEST_URL ?? 'mysql://root@127.0.0.1:3306';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * Creates a database of its own for one suite. A suite that cannot reach the server fails; it never skips,
 * so a green run always means the MySQL paths ran.
 */
export async function createMysqlDatabase(): Promise<TestDatabase> {
  const name = `jixiao_test_${randomBytes(6).toString('hex')}`;
  const admin = await mysql.createConnection(MYSQL_SERVER_URL);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  return {
    url: `${MYSQL_SERVER_URL.replace(/\/$/, '')}/${name}`,
    async drop() {
      const conn = await mysql.createConnection(MYSQL_SERVER_URL);
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    },
  };
}

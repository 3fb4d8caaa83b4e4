import { describe, it, expect, afterEach } from 'vitest';
import { DataTypes, type Sequelize } from 'sequelize';
import { createSequelize, createTransactionRunner, prepareConnection } from '../../server/db.ts';
import { tempSqliteUrl } from '../support/server.ts';

/** The SQLite transaction runner: one writer connection, transactions queued and committed in groups. */
describe('SQLite transactions', () => {
  let sequelize: Sequelize;
  afterEach(() => sequelize?.close());

  async function database(log?: (sql: string) => void) {
    sequelize = createSequelize(tempSqliteUrl());
    if (log) (sequelize as unknown as { options: { logging: typeof log } }).options.logging = log;
    await prepareConnection(sequelize);
    const Entry = sequelize.define('Entry', { name: { type: DataTypes.STRING, unique: true } }, { timestamps: false });
    await Entry.sync();
    return Entry;
  }

  it('run what queues up together, each as if alone: a failing one leaves nothing behind and fails only its caller', async () => {
    const Entry = await database();
    const inTransaction = createTransactionRunner(sequelize);
    const committedHooks: string[] = [];
    const results = await Promise.allSettled(
      ['甲', '乙', '甲', '丙'].map((name, i) =>
        inTransaction(async (transaction) => {
          await Entry.create({ name: `${name}-before-${i}` }, { transaction });
          transaction.afterCommit(() => void committedHooks.push(name));
          await Entry.create({ name }, { transaction }); // the second 甲 breaks the unique name
          return (await Entry.count({ transaction })) as number;
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    // each saw what those before it wrote, and nothing of the failed one
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : null))).toEqual([2, 4, null, 6]);
    expect((await Entry.findAll()).map((e) => e.get('name')).sort()).toEqual(['丙', '丙-before-3', '乙', '乙-before-1', '甲', '甲-before-0'].sort());
    expect(committedHooks).toEqual(['甲', '乙', '丙']);
  });

  it('commits transactions that queue up while one commits together, not one by one', async () => {
    const statements: string[] = [];
    const Entry = await database((sql) => statements.push(sql));
    const inTransaction = createTransactionRunner(sequelize);
    statements.length = 0;
    await Promise.all(Array.from({ length: 30 }, (_, i) => inTransaction((transaction) => Entry.create({ name: `第${i}条` }, { transaction }))));
    expect(await Entry.count()).toBe(30);
    const commits = statements.filter((sql) => /COMMIT/.test(sql)).length;
    expect(commits).toBeGreaterThan(0);
    expect(commits).toBeLessThan(30);
  });

  it('hands out one runner per database, so two parts of the platform never write at the same time', async () => {
    await database();
    expect(createTransactionRunner(sequelize)).toBe(createTransactionRunner(sequelize));
  });
});

/**
 * A separate engine host process for the crash test: starts instances, completes their user tasks and runs
 * their jobs until killed. Every job handled and every completion applied is recorded in the database.
 * Usage: tsx test/engine/crash/host.ts <databaseUrl> <instances to start>
 */
import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { DataTypes, Op } from 'sequelize';
import { createSequelize, createTransactionRunner } from '../../../server/db.ts';
import { migrate } from '../../../server/migrate.ts';
import { EmbeddedEngine } from '../../../engine/embedded/embedded-engine.ts';
import type { InboxSink } from '../../../engine/port.ts';

const [databaseUrl, toStart] = process.argv.slice(2);
const sequelize = createSequelize(databaseUrl);
await migrate(sequelize);
const inTransaction = createTransactionRunner(sequelize);
const Task = sequelize.define('crash_tasks', { executionId: { type: DataTypes.STRING(128), primaryKey: true }, instanceKey: DataTypes.STRING(40), state: DataTypes.STRING(16) }, { timestamps: false, freezeTableName: true });
const Completion = sequelize.define('crash_completions', { executionId: { type: DataTypes.STRING(128), primaryKey: true } }, { timestamps: false, freezeTableName: true });
const Handled = sequelize.define('crash_handled', { id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true }, instanceKey: DataTypes.STRING(40), type: DataTypes.STRING(64) }, { timestamps: false, freezeTableName: true });
await sequelize.sync();

const sink: InboxSink = {
  async tasksWaiting(update, transaction) {
    for (const task of update.tasks) {
      if (!(await Task.findByPk(task.executionId, { transaction }))) await Task.create({ executionId: task.executionId, instanceKey: task.instanceKey, state: 'open' }, { transaction });
    }
  },
  async taskEnded() {},
};
const engine = new EmbeddedEngine({ sequelize, inTransaction, sink, logger: pino({ level: 'silent' }), pollMs: 20, jobTimeoutMs: 2000 });
for (const type of ['crash-prepare', 'crash-finish']) {
  engine.registerWorker(type, async ({ instanceKey }) => {
    await Handled.create({ instanceKey, type });
    return { [type]: true };
  });
}
if (!(await engine.getDeployment('crash-flow'))) await engine.deploy(fs.readFileSync(path.join(import.meta.dirname, 'crash.bpmn'), 'utf8'));
await engine.startWorkers();
process.stdout.write('ready\n');

for (let i = 0; i < Number(toStart); i++) await engine.start('crash-flow', { owner: 'zhangsan', n: i });

/** Completes open user tasks; the completion row is written in the same transaction as the step. */
for (;;) {
  const open = (await Task.findAll({ where: { state: 'open' }, limit: 20, raw: true })) as unknown as Array<{ executionId: string; instanceKey: string }>;
  for (const task of open) {
    try {
      await engine.completeUserTask(task.instanceKey, task.executionId, { approved: true }, async (transaction) => {
        const [closed] = await Task.update({ state: 'done' }, { where: { executionId: task.executionId, state: 'open' }, transaction });
        if (closed !== 1) throw new Error('already completed');
        await Completion.create({ executionId: task.executionId }, { transaction });
      });
    } catch {
      // completed concurrently or already gone: the next round sees the current state
    }
  }
  if (!open.length && !(await Task.count({ where: { state: { [Op.ne]: 'done' } } }))) process.stdout.write('idle\n');
  await new Promise((resolve) => setTimeout(resolve, open.length ? 0 : 50));
}

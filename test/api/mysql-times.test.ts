import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { QueryTypes, type Sequelize } from 'sequelize';
import { createSequelize } from '../../server/db.ts';
import { migrate } from '../../server/migrate.ts';
import { defineModels } from '../../server/models/index.ts';
import { defineEngineStore } from '../../engine/embedded/store.ts';
import { insertRows, updateRows } from '../../engine/embedded/table-writes.ts';
import { createMysqlDatabase, type TestDatabase } from '../support/mysql.ts';

/**
 * On MySQL / MariaDB times keep their milliseconds, in the schema and in what the models write: steps a flow reaches
 * within one second (a submit and the approval after it) must still come out in the order they happened.
 */
describe('times on MySQL / MariaDB', () => {
  let database: TestDatabase;
  let sequelize: Sequelize;
  beforeAll(async () => {
    database = await createMysqlDatabase();
    sequelize = createSequelize(database.url);
    await migrate(sequelize);
  });
  afterAll(async () => {
    await sequelize?.close();
    await database?.drop();
  });

  it('every time column of the schema holds milliseconds', async () => {
    const columns = await sequelize.query<{ table: string; column: string; precision: number }>(
      `SELECT TABLE_NAME AS \`table\`, COLUMN_NAME AS \`column\`, DATETIME_PRECISION AS \`precision\` FROM information_schema.COLUMNS
       WHERE TABLE_SCHEMA = DATABASE() AND DATA_TYPE IN ('datetime', 'timestamp')`,
      { type: QueryTypes.SELECT },
    );
    expect(columns.length).toBeGreaterThan(20);
    expect(columns.filter((c) => Number(c.precision) < 3).map((c) => `${c.table}.${c.column}`)).toEqual([]);
  });

  it('an inbox task written through its model keeps the milliseconds of its times', async () => {
    const { Task } = defineModels(sequelize);
    const createdAt = new Date('2026-03-02T08:15:30.123Z');
    const completedAt = new Date('2026-03-02T08:15:30.987Z');
    await Task.create({
      id: 't_times', instanceKey: 'i1', executionId: 'e1', elementId: 'submit', processId: 'p', name: '提交材料', assignee: 'zhangsan',
      candidateUsers: '[]', candidateGroups: '[]', formKey: null, dueDate: null, followUpDate: null, priority: 50, state: 'completed',
      subjectUserId: null, unitId: null, cycleId: null, createdAt, completedAt, completedBy: 'zhangsan',
    });
    const saved = (await Task.findByPk('t_times', { raw: true }))!;
    expect([new Date(saved.createdAt).toISOString(), new Date(saved.completedAt!).toISOString()]).toEqual([createdAt.toISOString(), completedAt.toISOString()]);
  });

  it('the engine\'s own writes keep the milliseconds of a timer\'s due time', async () => {
    const { Timer } = defineEngineStore(sequelize);
    const dueAt = new Date('2026-12-31T16:00:00.250Z');
    const later = new Date('2026-12-31T16:00:00.750Z');
    await sequelize.transaction(async (transaction) => {
      await insertRows(Timer, [{ executionId: 'timer_1', instanceKey: 'i1', elementId: 'annualTimer', dueAt }], transaction);
      expect(await updateRows(Timer, { dueAt: later }, { executionId: 'timer_1' }, transaction)).toBe(1);
    });
    expect(new Date((await Timer.findByPk('timer_1', { raw: true }))!.dueAt).toISOString()).toBe(later.toISOString());
  });
});

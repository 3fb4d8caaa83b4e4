import { Umzug, SequelizeStorage } from 'umzug';
import type { Sequelize } from 'sequelize';
import { prepareConnection } from './db.ts';
import * as platform from './migrations/0001-platform.ts';
import * as embeddedEngine from './migrations/0002-embedded-engine.ts';
import * as zeebeEngine from '../engine/zeebe/migration.ts';
import * as calendar from './migrations/0004-calendar.ts';
import * as taskOperations from './migrations/0005-task-operations.ts';
import * as sendBackAndSigners from './migrations/0006-send-back-and-signers.ts';
import * as execute from './migrations/0007-execute.ts';
import * as plans from './migrations/0008-plans.ts';
import * as results from './migrations/0009-results.ts';
import * as organisationalCycles from './migrations/0010-organisational-cycles.ts';

const migrations = [
  { name: '0001-platform', up: platform.up },
  { name: '0002-embedded-engine', up: embeddedEngine.up },
  { name: '0003-zeebe-engine', up: zeebeEngine.up },
  { name: '0004-calendar', up: calendar.up },
  { name: '0005-task-operations', up: taskOperations.up },
  { name: '0006-send-back-and-signers', up: sendBackAndSigners.up },
  { name: '0007-execute', up: execute.up },
  { name: '0008-plans', up: plans.up },
  { name: '0009-results', up: results.up },
  { name: '0010-organisational-cycles', up: organisationalCycles.up },
  { name: '0011-zeebe-times', up: zeebeEngine.millisecondTimes },
];

/** Brings the schema up to date; the same migrations run on SQLite and on MySQL. */
export async function migrate(sequelize: Sequelize): Promise<string[]> {
  await prepareConnection(sequelize);
  const umzug = new Umzug({
    migrations: migrations.map((m) => ({ name: m.name, up: () => m.up({ context: sequelize.getQueryInterface() }) })),
    storage: new SequelizeStorage({ sequelize }),
    logger: undefined,
  });
  const done = await umzug.up();
  return done.map((m) => m.name);
}

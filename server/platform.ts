import type { Sequelize } from 'sequelize';
import type { Logger } from 'pino';
import { createSequelize, createTransactionRunner } from './db.ts';
import { migrate } from './migrate.ts';
import { defineModels } from './models/index.ts';
import { createSessions } from './auth/sessions.ts';
import { createScope } from './auth/scope.ts';
import { createAudit } from './services/audit.ts';
import { createFormRegistry } from './services/forms.ts';
import { createInbox } from './services/inbox.ts';
import { createTaskOperations } from './services/task-operations/index.ts';
import { createProcesses } from './services/processes.ts';
import { createResults } from './services/results.ts';
import { createInstances } from './services/instances.ts';
import { createRuleSets } from './services/rule-sets.ts';
import { createCalendar } from './calendar/calendar-service.ts';
import { createCycles } from './services/cycles.ts';
import { createNotifications } from './services/notifications.ts';
import { createResultApplications } from './services/result-applications.ts';
import { createCohortGrading } from './services/cohort-grading.ts';
import { createCycleStages } from './services/cycle-stages.ts';
import { createPlans } from './services/plans/index.ts';
import { createUnitInstances } from './services/unit-instances.ts';
import { createLedger } from './services/ledger/ledger-service.ts';
import { createPerformanceRecords } from './services/performance-records/performance-records-service.ts';
import { createMonthlyCheckins } from './services/checkins/monthly-checkins.ts';
import { createEngine } from '../engine/create-engine.ts';
import { registerWorkers } from '../engine/workers/index.ts';
import type { Config } from './config.ts';
import type { InboxSink } from '../engine/port.ts';

/** Everything the HTTP routes and the workers share, wired once per server process. */
export async function createPlatform(config: Config, logger: Logger) {
  const sequelize: Sequelize = createSequelize(config.databaseUrl);
  await sequelize.authenticate();
  await migrate(sequelize);
  const inTransaction = createTransactionRunner(sequelize);
  const models = defineModels(sequelize);
  const scope = createScope(models);
  const audit = createAudit(models);
  const forms = createFormRegistry(models);
  let sink: InboxSink | null = null;
  const engine = createEngine(config.engine, {
    sequelize,
    inTransaction,
    logger,
    sink: {
      tasksWaiting: (update, transaction) => sink!.tasksWaiting(update, transaction),
      taskEnded: (executionId, transaction) => sink!.taskEnded(executionId, transaction),
    },
  });
  const processes = createProcesses({ models, engine, scope, audit });
  const ruleSets = createRuleSets(models, scope, audit);
  const inbox = createInbox({ models, forms, scope, audit, engine, processNames: processes.names });
  sink = inbox.sink;
  const notifications = createNotifications(models);
  const resultApplications = createResultApplications(models, audit);
  const plans = createPlans({ models, scope, audit, forms, engine, inTransaction });
  const startForUnit = createUnitInstances({ models, scope, audit, engine, plans });
  const cycles = createCycles({ models, scope, audit, processes, ruleSets, startForUnit, inTransaction, logger });
  const platform = {
    config,
    logger,
    sequelize,
    inTransaction,
    models,
    scope,
    audit,
    forms,
    engine,
    inbox,
    taskOperations: createTaskOperations({ models, inbox, scope, engine, forms, inTransaction }),
    sessions: createSessions(models, { hours: config.sessionHours, secureCookie: config.cookieSecure }),
    processes,
    results: createResults(models, scope),
    instances: createInstances(engine, scope),
    ruleSets,
    calendar: createCalendar({ sequelize, inTransaction, audit }),
    cycles,
    cycleStages: createCycleStages({ models, scope, audit, cycles, resultApplications, inTransaction, engine }),
    notifications,
    resultApplications,
    cohortGrading: createCohortGrading({ models, ruleSets, audit, notifications, resultApplications, inTransaction, engine }),
    plans,
    ledger: createLedger({ models, scope, audit, inbox, engine, inTransaction }),
    performanceRecords: createPerformanceRecords({ models, scope, audit, inTransaction }),
    checkins: createMonthlyCheckins({ models, scope, processes, audit }),
    async close() {
      await engine.stop();
      await sequelize.close();
    },
  };
  registerWorkers(platform);
  return platform;
}

export type Platform = Awaited<ReturnType<typeof createPlatform>>;

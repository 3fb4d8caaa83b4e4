import { DataTypes, type Sequelize } from 'sequelize';
import { defineTable } from '../../server/models/define.ts';
import { defineDeploymentTable, type DeploymentRow } from '../deployment-table.ts';

export type { DeploymentRow };

export interface InstanceRow {
  instanceKey: string;
  definitionKey: string;
  processId: string;
  version: number;
  /** 'ended': a called process finished and its parent has not taken the result yet. */
  status: 'running' | 'ended' | 'completed' | 'incident' | 'cancelled';
  state: string | null;
  variables: string;
  /** OpenWaits as JSON: the jobs, timers and message subscriptions the instance waits on. */
  waiting: string;
  businessKey: string | null;
  unitId: number | null;
  error: string | null;
  parentInstanceKey: string | null;
  parentExecutionId: string | null;
  rev: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A unit of work for a job worker, created when a service task is reached (at-least-once delivery). */
export interface JobRow {
  jobKey: string;
  instanceKey: string;
  executionId: string;
  elementId: string;
  type: string;
  customHeaders: string;
  /** What the worker sees: the process variables plus the task's own (input mappings, multi-instance element). */
  variables: string;
  retries: number;
  status: 'activatable' | 'activated' | 'completed' | 'incident' | 'cancelled';
  dueAt: Date;
  lockedUntil: Date | null;
  error: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface TimerRow {
  executionId: string;
  instanceKey: string;
  elementId: string;
  dueAt: Date;
}

/** An open message subscription of a waiting catch event (name + evaluated correlation key). */
export interface SubscriptionRow {
  executionId: string;
  instanceKey: string;
  elementId: string;
  messageName: string;
  correlationKey: string;
  createdAt: Date;
}

/** A published message no subscription took yet, kept until it expires (its time to live). */
export interface MessageRow {
  messageKey: string;
  name: string;
  correlationKey: string;
  variables: string;
  expiresAt: Date;
  createdAt: Date;
}

/** The single engine host of a database holds this lease and renews it while it runs. */
export interface LeaseRow {
  name: string;
  holder: string;
  hostname: string;
  pid: number;
  expiresAt: Date;
}

export interface HistoryRow {
  id: number;
  instanceKey: string;
  elementId: string | null;
  elementType: string | null;
  name: string | null;
  event: string;
  at: Date;
}

/** The embedded engine's own tables (created by migration 0002). */
export function defineEngineStore(sequelize: Sequelize) {
  const s = DataTypes.STRING;
  const text = DataTypes.TEXT;
  const date = DataTypes.DATE(3);
  const int = DataTypes.INTEGER;
  return {
    Deployment: defineDeploymentTable(sequelize, 'engine_deployments'),
    Instance: defineTable<InstanceRow>(sequelize, 'engine_instances', {
      instanceKey: { type: s, primaryKey: true },
      definitionKey: s,
      processId: s,
      version: int,
      status: s,
      state: text,
      variables: text,
      waiting: text,
      businessKey: s,
      unitId: int,
      error: text,
      parentInstanceKey: s,
      parentExecutionId: s,
      rev: int,
      createdAt: date,
      updatedAt: date,
    }),
    Job: defineTable<JobRow>(sequelize, 'engine_jobs', {
      jobKey: { type: s, primaryKey: true },
      instanceKey: s,
      executionId: s,
      elementId: s,
      type: s,
      customHeaders: text,
      variables: text,
      retries: int,
      status: s,
      dueAt: date,
      lockedUntil: date,
      error: text,
      createdAt: date,
      updatedAt: date,
    }),
    Timer: defineTable<TimerRow>(sequelize, 'engine_timers', {
      executionId: { type: s, primaryKey: true },
      instanceKey: s,
      elementId: s,
      dueAt: date,
    }),
    Subscription: defineTable<SubscriptionRow>(sequelize, 'engine_subscriptions', {
      executionId: { type: s, primaryKey: true },
      instanceKey: s,
      elementId: s,
      messageName: s,
      correlationKey: s,
      createdAt: date,
    }),
    Message: defineTable<MessageRow>(sequelize, 'engine_messages', {
      messageKey: { type: s, primaryKey: true },
      name: s,
      correlationKey: s,
      variables: text,
      expiresAt: date,
      createdAt: date,
    }),
    Lease: defineTable<LeaseRow>(sequelize, 'engine_lease', {
      name: { type: s, primaryKey: true },
      holder: s,
      hostname: s,
      pid: int,
      expiresAt: date,
    }),
    History: defineTable<HistoryRow>(sequelize, 'engine_history', {
      id: { type: int, autoIncrement: true, primaryKey: true },
      instanceKey: s,
      elementId: s,
      elementType: s,
      name: s,
      event: s,
      at: date,
    }),
  };
}

export type EngineStore = ReturnType<typeof defineEngineStore>;

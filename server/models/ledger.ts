import { DataTypes, type Sequelize } from 'sequelize';
import { defineTable } from './define.ts';

/** 紧急 / 重要 / 一般 (000): how closely a ledger task is watched. */
export type Urgency = 'urgent' | 'important' | 'normal';

/** 进行中 → 待确认 (the owner reported 100 %) → 已完成 (the assigner confirmed). */
export type LedgerStatus = 'in_progress' | 'awaiting_confirmation' | 'done';

/** A task of the work ledger (工作台账), run by its own instance of task-ledger-item.bpmn. */
export interface LedgerItemRow {
  id: number;
  title: string;
  description: string | null;
  ownerId: number;
  unitId: number;
  period: string;
  deadline: Date;
  urgency: Urgency;
  progress: number;
  progressNote: string | null;
  status: LedgerStatus;
  instanceKey: string;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
}

/** 提醒 before the deadline, 催办 after it. */
export type ReminderKind = 'remind' | 'urge';

/** A reminder the process sent about a ledger item; one per timer job, however often the job is delivered. */
export interface LedgerReminderRow {
  id: number;
  itemId: number;
  kind: ReminderKind;
  jobKey: string;
  recipient: string | null;
  at: Date;
}

export function defineLedgerTables(sequelize: Sequelize) {
  const pk = { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true };
  return {
    LedgerItem: defineTable<LedgerItemRow>(sequelize, 'ledger_items', {
      id: pk,
      title: DataTypes.STRING,
      description: DataTypes.TEXT,
      ownerId: DataTypes.INTEGER,
      unitId: DataTypes.INTEGER,
      period: DataTypes.STRING,
      deadline: DataTypes.DATE(3),
      urgency: DataTypes.STRING,
      progress: DataTypes.INTEGER,
      progressNote: DataTypes.STRING,
      status: DataTypes.STRING,
      instanceKey: DataTypes.STRING,
      createdBy: DataTypes.STRING,
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
      completedAt: DataTypes.DATE(3),
    }),
    LedgerReminder: defineTable<LedgerReminderRow>(sequelize, 'ledger_reminders', {
      id: pk,
      itemId: DataTypes.INTEGER,
      kind: DataTypes.STRING,
      jobKey: DataTypes.STRING,
      recipient: DataTypes.STRING,
      at: DataTypes.DATE(3),
    }),
  };
}

export type LedgerTables = ReturnType<typeof defineLedgerTables>;

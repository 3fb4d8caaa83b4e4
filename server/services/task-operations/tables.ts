import { DataTypes, type Sequelize } from 'sequelize';
import { defineTable, type Table } from '../../models/define.ts';

/** What can happen to a task; each is one line of the approval record (审批记录). */
export type TaskAction = 'complete' | 'transfer' | 'delegate' | 'resolve' | 'cc' | 'urge' | 'withdraw';

export interface TaskEventRow {
  id: number;
  taskId: string;
  instanceKey: string;
  action: TaskAction;
  actor: string;
  targetUser: string | null;
  comment: string | null;
  at: Date;
}

/** A task handed to a delegate (委派): the owner gets it back when the delegate resolves it. */
export interface TaskDelegationRow {
  taskId: string;
  owner: string;
  delegatedAt: Date;
}

export interface TaskOperationTables {
  TaskEvent: Table<TaskEventRow>;
  TaskDelegation: Table<TaskDelegationRow>;
}

/** The tables of migration 0005. */
export function taskOperationTables(sequelize: Sequelize): TaskOperationTables {
  return {
    TaskEvent: defineTable<TaskEventRow>(sequelize, 'task_events', {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      taskId: DataTypes.STRING,
      instanceKey: DataTypes.STRING,
      action: DataTypes.STRING,
      actor: DataTypes.STRING,
      targetUser: DataTypes.STRING,
      comment: DataTypes.STRING,
      at: DataTypes.DATE,
    }),
    TaskDelegation: defineTable<TaskDelegationRow>(sequelize, 'task_delegations', {
      taskId: { type: DataTypes.STRING, primaryKey: true },
      owner: DataTypes.STRING,
      delegatedAt: DataTypes.DATE,
    }),
  };
}

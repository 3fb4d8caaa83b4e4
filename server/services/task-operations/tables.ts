import { DataTypes, type Sequelize } from 'sequelize';
import { defineTable, type Table } from '../../models/define.ts';

/** What can happen to a task; each is one line of the approval record (审批记录). */
export type TaskAction =
  | 'complete'
  | 'transfer'
  | 'delegate'
  | 'resolve'
  | 'cc'
  | 'urge'
  | 'withdraw'
  | 'return'
  | 'add_signer_before'
  | 'add_signer_after'
  | 'sign_approve'
  | 'sign_reject';

export interface TaskEventRow {
  id: number;
  taskId: string;
  instanceKey: string;
  action: TaskAction;
  actor: string;
  targetUser: string | null;
  comment: string | null;
  /** 退回 / 撤回: the step the instance was moved back to */
  toElementId: string | null;
  at: Date;
}

/** A task handed to a delegate (委派): the owner gets it back when the delegate resolves it. */
export interface TaskDelegationRow {
  taskId: string;
  owner: string;
  delegatedAt: Date;
}

/**
 * A person added to sign a task (加签): before the owner (they sign first, then the task comes back) or after
 * (the owner's completion is held until they approve).
 */
export interface TaskSignerRow {
  id: number;
  taskId: string;
  signer: string;
  owner: string;
  position: 'before' | 'after';
  /** 后加签: JSON `{variables, formKey, formVersion}` of the owner's completion, held until the signer approves */
  held: string | null;
  state: 'pending' | 'approved' | 'rejected';
  addedAt: Date;
  signedAt: Date | null;
}

export interface TaskOperationTables {
  TaskEvent: Table<TaskEventRow>;
  TaskDelegation: Table<TaskDelegationRow>;
  TaskSigner: Table<TaskSignerRow>;
}

/** The tables of migrations 0005 and 0006. */
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
      toElementId: DataTypes.STRING,
      at: DataTypes.DATE(3),
    }),
    TaskDelegation: defineTable<TaskDelegationRow>(sequelize, 'task_delegations', {
      taskId: { type: DataTypes.STRING, primaryKey: true },
      owner: DataTypes.STRING,
      delegatedAt: DataTypes.DATE(3),
    }),
    TaskSigner: defineTable<TaskSignerRow>(sequelize, 'task_signers', {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      taskId: DataTypes.STRING,
      signer: DataTypes.STRING,
      owner: DataTypes.STRING,
      position: DataTypes.STRING,
      held: DataTypes.TEXT,
      state: DataTypes.STRING,
      addedAt: DataTypes.DATE(3),
      signedAt: DataTypes.DATE(3),
    }),
  };
}

import { DataTypes, type Sequelize } from 'sequelize';
import { defineTable } from './define.ts';

export interface SessionRow {
  id: string;
  userId: number;
  expiresAt: Date;
  createdAt: Date;
}

/** A Form.io form definition; every change is a new version. */
export interface FormRow {
  id: number;
  formKey: string;
  name: string;
  version: number;
  schema: string;
  createdAt: Date;
}

/** An inbox task (待办): a user task of a running instance. */
export interface TaskRow {
  id: string;
  instanceKey: string;
  executionId: string;
  elementId: string;
  processId: string;
  name: string;
  assignee: string | null;
  candidateUsers: string;
  candidateGroups: string;
  formKey: string | null;
  dueDate: Date | null;
  followUpDate: Date | null;
  priority: number;
  state: 'open' | 'completed' | 'cancelled';
  subjectUserId: number | null;
  unitId: number | null;
  /** the cycle the task's instance runs for, when it does */
  cycleId: number | null;
  createdAt: Date;
  completedAt: Date | null;
  completedBy: string | null;
}

/** What a person submitted on a task: immutable, with the form version it was validated against. */
export interface SubmissionRow {
  id: number;
  taskId: string;
  instanceKey: string;
  formKey: string;
  formVersion: number;
  data: string;
  submittedBy: string;
  createdAt: Date;
}

/** A computed score with the trace of how it came about. */
export interface ScoreRow {
  id: number;
  instanceKey: string;
  /** the person scored; null for a unit's score */
  subjectUserId: number | null;
  /** the unit scored (组织绩效); null for a person's score */
  subjectUnitId: number | null;
  /** the person's unit, or the unit scored */
  unitId: number;
  period: string;
  ruleSet: string;
  ruleSetVersion: number;
  category: string | null;
  total: string;
  trace: string;
  detail: string;
  grade: string | null;
  gradeDetail: string | null;
  /** the cycle whose cohort the score is graded in (one score per person or unit and cycle) */
  cycleId: number | null;
  createdAt: Date;
}

/** A rule set version (计分规则): a full definition, or a unit's overrides of what it inherits. */
export interface RuleSetRow {
  id: number;
  code: string;
  unitId: number | null;
  version: number;
  name: string;
  definition: string | null;
  overrides: string | null;
  createdBy: string | null;
  createdAt: Date;
}

export interface AuditRow {
  id: number;
  at: Date;
  actor: string;
  action: string;
  target: string;
  detail: string;
}

/** Who a cycle assesses: every staff member (个人绩效) or every unit (组织绩效) of its unit subtree. */
export type CycleSubjectKind = 'person' | 'unit';

/** An assessment cycle (考核周期) run for a unit subtree. */
export interface CycleRow {
  id: number;
  name: string;
  kind: 'annual' | 'quarterly' | 'monthly';
  subjectKind: CycleSubjectKind;
  period: string;
  processId: string;
  ruleSet: string;
  unitId: number;
  status: 'draft' | 'launching' | 'launched';
  createdBy: string | null;
  createdAt: Date;
  launchedAt: Date | null;
  /** when the office opened the evaluation stage (评价开启) for everyone of the cycle */
  evaluationOpenedAt: Date | null;
}

/** One person of a cycle and the instance started for them. */
export interface CycleMemberRow {
  id: number;
  cycleId: number;
  userId: number;
  processId: string;
  period: string;
  status: 'pending' | 'started' | 'failed';
  instanceKey: string | null;
  error: string | null;
}

/** One unit of an organisational cycle and the instance started for it. */
export interface CycleUnitRow {
  id: number;
  cycleId: number;
  unitId: number;
  processId: string;
  period: string;
  status: 'pending' | 'started' | 'failed';
  instanceKey: string | null;
  error: string | null;
}

export function defineRecords(sequelize: Sequelize) {
  const pk = { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true };
  const text = DataTypes.TEXT;
  return {
    Session: defineTable<SessionRow>(sequelize, 'sessions', {
      id: { type: DataTypes.STRING, primaryKey: true },
      userId: DataTypes.INTEGER,
      expiresAt: DataTypes.DATE(3),
      createdAt: DataTypes.DATE(3),
    }),
    Form: defineTable<FormRow>(sequelize, 'forms', {
      id: pk,
      formKey: DataTypes.STRING,
      name: DataTypes.STRING,
      version: DataTypes.INTEGER,
      schema: text,
      createdAt: DataTypes.DATE(3),
    }),
    Task: defineTable<TaskRow>(sequelize, 'tasks', {
      id: { type: DataTypes.STRING, primaryKey: true },
      instanceKey: DataTypes.STRING,
      executionId: DataTypes.STRING,
      elementId: DataTypes.STRING,
      processId: DataTypes.STRING,
      name: DataTypes.STRING,
      assignee: DataTypes.STRING,
      candidateUsers: text,
      candidateGroups: text,
      formKey: DataTypes.STRING,
      dueDate: DataTypes.DATE(3),
      followUpDate: DataTypes.DATE(3),
      priority: DataTypes.INTEGER,
      state: DataTypes.STRING,
      subjectUserId: DataTypes.INTEGER,
      unitId: DataTypes.INTEGER,
      cycleId: DataTypes.INTEGER,
      createdAt: DataTypes.DATE(3),
      completedAt: DataTypes.DATE(3),
      completedBy: DataTypes.STRING,
    }),
    Submission: defineTable<SubmissionRow>(sequelize, 'submissions', {
      id: pk,
      taskId: DataTypes.STRING,
      instanceKey: DataTypes.STRING,
      formKey: DataTypes.STRING,
      formVersion: DataTypes.INTEGER,
      data: text,
      submittedBy: DataTypes.STRING,
      createdAt: DataTypes.DATE(3),
    }),
    Score: defineTable<ScoreRow>(sequelize, 'scores', {
      id: pk,
      instanceKey: DataTypes.STRING,
      subjectUserId: DataTypes.INTEGER,
      subjectUnitId: DataTypes.INTEGER,
      unitId: DataTypes.INTEGER,
      period: DataTypes.STRING,
      ruleSet: DataTypes.STRING,
      ruleSetVersion: DataTypes.INTEGER,
      category: DataTypes.STRING,
      total: DataTypes.DECIMAL(10, 2),
      trace: text,
      detail: text,
      grade: DataTypes.STRING,
      gradeDetail: text,
      cycleId: DataTypes.INTEGER,
      createdAt: DataTypes.DATE(3),
    }),
    RuleSet: defineTable<RuleSetRow>(sequelize, 'rule_sets', {
      id: pk,
      code: DataTypes.STRING,
      unitId: DataTypes.INTEGER,
      version: DataTypes.INTEGER,
      name: DataTypes.STRING,
      definition: text,
      overrides: text,
      createdBy: DataTypes.STRING,
      createdAt: DataTypes.DATE(3),
    }),
    Audit: defineTable<AuditRow>(sequelize, 'audit_log', {
      id: pk,
      at: DataTypes.DATE(3),
      actor: DataTypes.STRING,
      action: DataTypes.STRING,
      target: DataTypes.STRING,
      detail: text,
    }),
    Cycle: defineTable<CycleRow>(sequelize, 'cycles', {
      id: pk,
      name: DataTypes.STRING,
      kind: DataTypes.STRING,
      subjectKind: DataTypes.STRING,
      period: DataTypes.STRING,
      processId: DataTypes.STRING,
      ruleSet: DataTypes.STRING,
      unitId: DataTypes.INTEGER,
      status: DataTypes.STRING,
      createdBy: DataTypes.STRING,
      createdAt: DataTypes.DATE(3),
      launchedAt: DataTypes.DATE(3),
      evaluationOpenedAt: DataTypes.DATE(3),
    }),
    CycleMember: defineTable<CycleMemberRow>(sequelize, 'cycle_members', {
      id: pk,
      cycleId: DataTypes.INTEGER,
      userId: DataTypes.INTEGER,
      processId: DataTypes.STRING,
      period: DataTypes.STRING,
      status: DataTypes.STRING,
      instanceKey: DataTypes.STRING,
      error: text,
    }),
    CycleUnit: defineTable<CycleUnitRow>(sequelize, 'cycle_units', {
      id: pk,
      cycleId: DataTypes.INTEGER,
      unitId: DataTypes.INTEGER,
      processId: DataTypes.STRING,
      period: DataTypes.STRING,
      status: DataTypes.STRING,
      instanceKey: DataTypes.STRING,
      error: text,
    }),
  };
}

import { DataTypes, type Sequelize } from 'sequelize';
import { defineTable, type Table } from '../../models/define.ts';

/** Whose plan it is: a person's commitment letter (个人绩效承诺书) or a unit's annual targets (单位年度目标). */
export type PlanSubjectKind = 'person' | 'unit';

/** A published plan: the latest version of its targets is the one in force. */
export interface PlanRow {
  id: number;
  subjectKind: PlanSubjectKind;
  subjectUserId: number | null;
  unitId: number;
  subjectKey: string;
  period: string;
  version: number;
  publishedAt: Date;
  updatedAt: Date;
}

/** One version of a plan's targets: the publication (publish) or an approved adjustment (adjust). */
export interface PlanVersionRow {
  id: number;
  planId: number;
  version: number;
  kind: 'publish' | 'adjust';
  targets: string;
  reason: string | null;
  requestedBy: string;
  requestedAt: Date;
  approvals: string;
  instanceKey: string;
  createdAt: Date;
}

/** The last day adjustments may be requested, set by the office for a unit subtree and period. */
export interface PlanCutoffRow {
  id: number;
  unitId: number;
  period: string;
  lastDay: string;
  setBy: string;
  setAt: Date;
}

export interface PlanTables {
  Plan: Table<PlanRow>;
  PlanVersion: Table<PlanVersionRow>;
  PlanCutoff: Table<PlanCutoffRow>;
}

/** The tables of migration 0008. */
export function planTables(sequelize: Sequelize): PlanTables {
  const pk = { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true };
  return {
    Plan: defineTable<PlanRow>(sequelize, 'plans', {
      id: pk,
      subjectKind: DataTypes.STRING,
      subjectUserId: DataTypes.INTEGER,
      unitId: DataTypes.INTEGER,
      subjectKey: DataTypes.STRING,
      period: DataTypes.STRING,
      version: DataTypes.INTEGER,
      publishedAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    }),
    PlanVersion: defineTable<PlanVersionRow>(sequelize, 'plan_versions', {
      id: pk,
      planId: DataTypes.INTEGER,
      version: DataTypes.INTEGER,
      kind: DataTypes.STRING,
      targets: DataTypes.TEXT,
      reason: DataTypes.STRING,
      requestedBy: DataTypes.STRING,
      requestedAt: DataTypes.DATE(3),
      approvals: DataTypes.TEXT,
      instanceKey: DataTypes.STRING,
      createdAt: DataTypes.DATE(3),
    }),
    PlanCutoff: defineTable<PlanCutoffRow>(sequelize, 'plan_cutoffs', {
      id: pk,
      unitId: DataTypes.INTEGER,
      period: DataTypes.STRING,
      lastDay: DataTypes.STRING,
      setBy: DataTypes.STRING,
      setAt: DataTypes.DATE(3),
    }),
  };
}

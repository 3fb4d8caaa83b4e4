import { DataTypes, type Sequelize } from 'sequelize';
import { defineTable } from '../../server/models/define.ts';
import { defineDeploymentTable, type DeploymentRow } from '../deployment-table.ts';
import type { Incident, InstanceInfo } from '../port.ts';

export type { DeploymentRow };

/** What the platform has seen of an instance: Zeebe keeps the truth, Operate-free queries read this. */
export interface InstanceRow {
  instanceKey: string;
  definitionKey: string;
  processId: string;
  version: number;
  status: InstanceInfo['status'];
  businessKey: string | null;
  unitId: number | null;
  error: string | null;
  variables: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A job the platform's workers failed with no retries left (keyed by job key until an admin retries it). */
export type IncidentRow = Omit<Incident, 'key'> & { jobKey: string };

export interface HistoryRow {
  id: number;
  instanceKey: string;
  elementId: string | null;
  elementType: string | null;
  name: string | null;
  event: string;
  /** The Zeebe user task key or job key the event came from. */
  sourceKey: string | null;
  /** For a created user task: its element instance (what a process instance modification terminates). */
  elementInstanceKey?: string | null;
  at: Date;
}

/** The Zeebe adapter's own tables (created by migration.ts). */
export function defineZeebeStore(sequelize: Sequelize) {
  const s = DataTypes.STRING;
  const text = DataTypes.TEXT;
  const date = DataTypes.DATE(3);
  const int = DataTypes.INTEGER;
  return {
    Deployment: defineDeploymentTable(sequelize, 'zeebe_deployments'),
    Instance: defineTable<InstanceRow>(sequelize, 'zeebe_instances', {
      instanceKey: { type: s, primaryKey: true },
      definitionKey: s,
      processId: s,
      version: int,
      status: s,
      businessKey: s,
      unitId: int,
      error: text,
      variables: text,
      createdAt: date,
      updatedAt: date,
    }),
    Incident: defineTable<IncidentRow>(sequelize, 'zeebe_incidents', {
      jobKey: { type: s, primaryKey: true },
      instanceKey: s,
      processId: s,
      elementId: s,
      jobType: s,
      message: text,
      createdAt: date,
    }),
    History: defineTable<HistoryRow>(sequelize, 'zeebe_history', {
      id: { type: int, autoIncrement: true, primaryKey: true },
      instanceKey: s,
      elementId: s,
      elementType: s,
      name: s,
      event: s,
      sourceKey: s,
      elementInstanceKey: s,
      at: date,
    }),
  };
}


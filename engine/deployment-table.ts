import { DataTypes, type Sequelize } from 'sequelize';
import { defineTable } from '../server/models/define.ts';
import type { DeploymentInfo } from './port.ts';

/** A deployed process version with the BPMN XML as the designer gave it. */
export type DeploymentRow = DeploymentInfo & { xml: string };

/** Deployed versions, kept by each adapter in a table of its own (same columns). */
export function defineDeploymentTable(sequelize: Sequelize, tableName: string) {
  return defineTable<DeploymentRow>(sequelize, tableName, {
    definitionKey: { type: DataTypes.STRING, primaryKey: true },
    processId: DataTypes.STRING,
    name: DataTypes.STRING,
    version: DataTypes.INTEGER,
    xml: DataTypes.TEXT,
    unitId: DataTypes.INTEGER,
    deployedBy: DataTypes.STRING,
    createdAt: DataTypes.DATE(3),
  });
}

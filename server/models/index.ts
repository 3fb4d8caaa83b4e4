import type { Sequelize } from 'sequelize';
import { defineOrg } from './org.ts';
import { defineRecords } from './records.ts';
import { defineResults } from './results.ts';

export function defineModels(sequelize: Sequelize) {
  return { ...defineOrg(sequelize), ...defineRecords(sequelize), ...defineResults(sequelize) };
}

export type Models = ReturnType<typeof defineModels>;

import { DataTypes, type Sequelize } from 'sequelize';
import { defineTable } from '../models/define.ts';
import type { CalendarDate } from './calendar-date.ts';

/** One admin override of the working calendar; setting it again replaces it (the audit log keeps the history). */
export interface CalendarOverrideRow {
  id: number;
  date: CalendarDate;
  working: boolean;
  note: string;
  createdBy: string;
  createdAt: Date;
}

export function defineCalendarOverrides(sequelize: Sequelize) {
  return defineTable<CalendarOverrideRow>(sequelize, 'calendar_overrides', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    date: { type: DataTypes.STRING, unique: true },
    working: DataTypes.BOOLEAN,
    note: DataTypes.STRING,
    createdBy: DataTypes.STRING,
    createdAt: DataTypes.DATE(3),
  });
}

import { DataTypes, type Sequelize } from 'sequelize';
import { defineTable } from './define.ts';

/** The lists a result puts a person on (结果运用), from the follow-up actions of their grade. */
export type ResultList = 'commendation' | 'promotion' | 'training' | 'talk';

/** What a person's final grade of a cycle means for them (结果运用): bonus, lists, follow-up actions. */
export interface ResultApplicationRow {
  id: number;
  cycleId: number;
  subjectUserId: number;
  unitId: number;
  period: string;
  grade: string;
  total: string;
  bonusCoefficient: string | null;
  bonusMonthsOffset: string | null;
  lists: string;
  actions: string;
  trace: string;
  appliedAt: Date;
}

/** A notice for one person, e.g. that their grade changed after someone's appeal was upheld. */
export interface NotificationRow {
  id: number;
  userId: number;
  kind: string;
  zh: string;
  en: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
}

export function defineResults(sequelize: Sequelize) {
  const pk = { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true };
  return {
    ResultApplication: defineTable<ResultApplicationRow>(sequelize, 'result_applications', {
      id: pk,
      cycleId: DataTypes.INTEGER,
      subjectUserId: DataTypes.INTEGER,
      unitId: DataTypes.INTEGER,
      period: DataTypes.STRING,
      grade: DataTypes.STRING,
      total: DataTypes.DECIMAL(10, 2),
      bonusCoefficient: DataTypes.STRING,
      bonusMonthsOffset: DataTypes.STRING,
      lists: DataTypes.STRING,
      actions: DataTypes.TEXT,
      trace: DataTypes.TEXT,
      appliedAt: DataTypes.DATE(3),
    }),
    Notification: defineTable<NotificationRow>(sequelize, 'notifications', {
      id: pk,
      userId: DataTypes.INTEGER,
      kind: DataTypes.STRING,
      zh: DataTypes.STRING,
      en: DataTypes.STRING,
      link: DataTypes.STRING,
      createdAt: DataTypes.DATE(3),
      readAt: DataTypes.DATE(3),
    }),
  };
}

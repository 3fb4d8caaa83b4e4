import { DataTypes, type Sequelize } from 'sequelize';
import { defineTable } from './define.ts';

/** 点赞 (commendation, adds points), 错情 (error notice, deducts), 察访核验 (inspection finding, deducts). */
export type RecordKind = 'commendation' | 'errorNotice' | 'inspection';

/**
 * A performance record about one person: never deleted; revoking it keeps the row with who revoked it and why.
 * `code` is the catalogue item (点赞/错情) or the violation kind (察访核验); `rank` the person's rank for a finding.
 */
export interface PerformanceRecordRow {
  id: number;
  kind: RecordKind;
  userId: number;
  unitId: number;
  date: string;
  reason: string;
  code: string;
  points: string;
  work: string | null;
  rank: string | null;
  multiplier: string | null;
  recordedBy: string;
  recordedAt: Date;
  revokedBy: string | null;
  revokedAt: Date | null;
  revokeReason: string | null;
}

export function definePerformanceRecords(sequelize: Sequelize) {
  return defineTable<PerformanceRecordRow>(sequelize, 'performance_records', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    kind: DataTypes.STRING,
    userId: DataTypes.INTEGER,
    unitId: DataTypes.INTEGER,
    date: DataTypes.STRING,
    reason: DataTypes.STRING,
    code: DataTypes.STRING,
    points: DataTypes.DECIMAL(8, 2),
    work: DataTypes.STRING,
    rank: DataTypes.STRING,
    multiplier: DataTypes.STRING,
    recordedBy: DataTypes.STRING,
    recordedAt: DataTypes.DATE(3),
    revokedBy: DataTypes.STRING,
    revokedAt: DataTypes.DATE(3),
    revokeReason: DataTypes.STRING,
  });
}

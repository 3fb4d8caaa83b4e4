import { DataTypes, type Sequelize } from 'sequelize';
import { defineTable } from './define.ts';

/** Org units form a tree: city bureau → county bureaus / departments (DOMAIN.md "The org tree"). */
export interface UnitRow {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  category: string | null;
  /** 单位主要负责人: approves as director (局长) for the unit's people */
  headUserId: number | null;
  createdAt: Date;
}

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  passwordHash: string;
  unitId: number;
  supervisorId: number | null;
  leaderInChargeId: number | null;
  postCategory: string | null;
  active: boolean;
  createdAt: Date;
}

/** A role held within a unit subtree (the scope of what the role may see and do). */
export interface UserRoleRow {
  id: number;
  userId: number;
  role: string;
  unitId: number;
}

export function defineOrg(sequelize: Sequelize) {
  const pk = { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true };
  return {
    Unit: defineTable<UnitRow>(sequelize, 'units', {
      id: pk,
      code: DataTypes.STRING,
      name: DataTypes.STRING,
      parentId: DataTypes.INTEGER,
      category: DataTypes.STRING,
      headUserId: DataTypes.INTEGER,
      createdAt: DataTypes.DATE(3),
    }),
    User: defineTable<UserRow>(sequelize, 'users', {
      id: pk,
      username: DataTypes.STRING,
      displayName: DataTypes.STRING,
      passwordHash: DataTypes.STRING,
      unitId: DataTypes.INTEGER,
      supervisorId: DataTypes.INTEGER,
      leaderInChargeId: DataTypes.INTEGER,
      postCategory: DataTypes.STRING,
      active: DataTypes.BOOLEAN,
      createdAt: DataTypes.DATE(3),
    }),
    UserRole: defineTable<UserRoleRow>(sequelize, 'user_roles', {
      id: pk,
      userId: DataTypes.INTEGER,
      role: DataTypes.STRING,
      unitId: DataTypes.INTEGER,
    }),
  };
}

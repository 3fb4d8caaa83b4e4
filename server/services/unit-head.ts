import type { UnitRow } from '../models/org.ts';
import { ancestry } from '../auth/scope.ts';

type HeadedUnit = Pick<UnitRow, 'id' | 'parentId' | 'headUserId'>;

/** The heads (单位主要负责人) named on a unit and its ancestors, nearest first. */
export function headsUp(units: HeadedUnit[], unitId: number): number[] {
  const heads = new Map(units.map((u) => [u.id, u.headUserId]));
  return ancestry(units, unitId)
    .map((id) => heads.get(id))
    .filter((head): head is number => typeof head === 'number');
}

/** The director (局长) for a unit: the head of the nearest unit, itself first, that names an active one. */
export function nearestHead(units: HeadedUnit[], unitId: number, active: (userId: number) => boolean): number | null {
  return headsUp(units, unitId).find(active) ?? null;
}

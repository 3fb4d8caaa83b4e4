import type { Transaction } from 'sequelize';
import type { Scope } from '../../auth/scope.ts';
import type { Audit } from '../audit.ts';
import type { PlanTables } from './tables.ts';
import { AppError } from '../../http/errors.ts';
import { defaultLastDay, isCalendarDay } from './adjustment-cutoff.ts';

export interface CutoffInForce {
  period: string;
  unitId: number;
  lastDay: string;
  /** the unit whose setting applies (the unit or an ancestor), or null for the default 15 September */
  setForUnitId: number | null;
  setBy: string | null;
}

const noYear = (period: string) =>
  new AppError(400, 'plan.period_invalid', `考核期间「${period}」没有年份，无法确定调整截止日期`, `The period "${period}" names no year, so it has no adjustment cut-off`);

/** Adjustment cut-off settings (目标调整截止日期): the nearest setting up the unit's ancestry, else the default. */
export function createCutoffs(tables: PlanTables, scope: Scope, audit: Audit) {
  return {
    async inForce(unitId: number, period: string, transaction?: Transaction): Promise<CutoffInForce> {
      const fallback = defaultLastDay(period);
      if (!fallback) throw noYear(period);
      const settings = await tables.PlanCutoff.findAll({ where: { period }, raw: true, transaction });
      for (const id of await scope.ancestry(unitId)) {
        const setting = settings.find((s) => s.unitId === id);
        if (setting) return { period, unitId, lastDay: setting.lastDay, setForUnitId: id, setBy: setting.setBy };
      }
      return { period, unitId, lastDay: fallback, setForUnitId: null, setBy: null };
    },

    /** Sets the last day for a unit subtree and period; the caller checked the unit is in their scope. */
    async set(unitId: number, period: string, lastDay: string, actor: string, transaction: Transaction) {
      if (!defaultLastDay(period)) throw noYear(period);
      if (!isCalendarDay(lastDay)) throw new AppError(400, 'plan.cutoff_invalid', `「${lastDay}」不是有效日期（格式 YYYY-MM-DD）`, `"${lastDay}" is not a valid date (YYYY-MM-DD)`);
      const existing = await tables.PlanCutoff.findOne({ where: { unitId, period }, raw: true, transaction });
      if (existing) await tables.PlanCutoff.update({ lastDay, setBy: actor, setAt: new Date() }, { where: { id: existing.id }, transaction });
      else await tables.PlanCutoff.create({ unitId, period, lastDay, setBy: actor, setAt: new Date() }, { transaction });
      await audit.record({ actor, action: 'plan.cutoff.set', target: `unit:${unitId}`, detail: { period, lastDay, before: existing?.lastDay ?? null } }, transaction);
    },
  };
}

export type Cutoffs = ReturnType<typeof createCutoffs>;

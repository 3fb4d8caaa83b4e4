import { Op, UniqueConstraintError, type Sequelize } from 'sequelize';
import type { InTransaction } from '../db.ts';
import type { Audit } from '../services/audit.ts';
import type { SessionUser } from '../auth/session-user.ts';
import { AppError } from '../http/errors.ts';
import { isoDate } from '../http/iso-date.ts';
import { chinaDate, type CalendarDate } from './calendar-date.ts';
import { addWorkingDays } from './working-days.ts';
import { defineCalendarOverrides, type CalendarOverrideRow } from './override-table.ts';

const noOverride = (date: CalendarDate) =>
  new AppError(404, 'calendar.override_not_found', `${date} 没有管理员设置`, `There is no override for ${date}`);
const changedMeanwhile = (date: CalendarDate) =>
  new AppError(409, 'calendar.override_conflict', `${date} 的设置刚被他人修改，请刷新后重试`, `The override for ${date} was changed meanwhile; reload and retry`);

const present = (row: Omit<CalendarOverrideRow, 'id'>) => ({
  date: row.date,
  working: Boolean(row.working),
  note: row.note,
  createdBy: row.createdBy,
  createdAt: isoDate(row.createdAt),
});

/**
 * The working calendar the platform counts deadlines with: the official holiday calendar plus the overrides
 * admins keep in `calendar_overrides`. Every change of an override is audited.
 */
export function createCalendar({ sequelize, inTransaction, audit }: { sequelize: Sequelize; inTransaction: InTransaction; audit: Audit }) {
  const Override = defineCalendarOverrides(sequelize);

  return {
    async overrides() {
      return (await Override.findAll({ order: [['date', 'ASC']], raw: true })).map(present);
    },

    /** Marks a day working or not (管理员设置), replacing an earlier override of that day. */
    async setOverride(user: SessionUser, date: CalendarDate, change: { working: boolean; note: string }) {
      try {
        return await inTransaction(async (transaction) => {
          const before = await Override.findOne({ where: { date }, transaction, raw: true });
          const row = { date, ...change, createdBy: user.username, createdAt: new Date() };
          if (before) await Override.update(row, { where: { date }, transaction });
          else await Override.create(row, { transaction });
          await audit.record(
            { actor: user.username, action: 'calendar.override.set', target: `calendar:${date}`, detail: { ...change, before: before && present(before) } },
            transaction,
          );
          return present(row);
        });
      } catch (err) {
        if (err instanceof UniqueConstraintError) throw changedMeanwhile(date);
        throw err;
      }
    },

    async removeOverride(user: SessionUser, date: CalendarDate) {
      await inTransaction(async (transaction) => {
        const before = await Override.findOne({ where: { date }, transaction, raw: true });
        if (!before) throw noOverride(date);
        await Override.destroy({ where: { date }, transaction });
        await audit.record({ actor: user.username, action: 'calendar.override.delete', target: `calendar:${date}`, detail: { before: present(before) } }, transaction);
      });
    },

    /** The period of `days` working days after `start`, with the overrides as they stand now. */
    async addWorkingDays(start: Date | string, days: number) {
      const rows = await Override.findAll({ where: { date: { [Op.gt]: chinaDate(start) } }, raw: true });
      return addWorkingDays(start, days, rows.map((row) => ({ date: row.date, working: Boolean(row.working), note: row.note })));
    },
  };
}

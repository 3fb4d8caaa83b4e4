import { addDays, chinaDate, endOfChinaDay, type CalendarDate } from './calendar-date.ts';
import { byDate, calendarDay, type CalendarDay, type CalendarOverride } from './calendar-day.ts';
import { missingOfficialCalendars, type MissingCalendarWarning } from './missing-calendar.ts';

/**
 * A period of N working days (N 个工作日内), counted as Chinese law counts periods (民法典 第二百零一条):
 * the day of the event is not counted, counting starts the next day; the period ends at 24:00 of its last
 * day (第二百零三条), given as 23:59:59 Beijing time.
 */
export interface WorkingDayPeriod {
  /** the day of the event in China; not counted */
  from: CalendarDate;
  days: number;
  /** the N-th working day after `from` */
  lastDay: CalendarDate;
  /** the end of `lastDay`, 23:59:59 Beijing time, as an ISO 8601 instant */
  deadline: string;
  /** the N working days, make-up weekend days (调休上班) among them */
  counted: CalendarDay[];
  /** the days passed over, each with why: 节假日 / 周末 / 管理员设置 */
  skipped: CalendarDay[];
  /** a year of the period without the official calendar, counted Monday to Friday plus overrides */
  warnings: MissingCalendarWarning[];
}

export function isWorkingDay(date: Date | string, overrides: readonly CalendarOverride[] = []): boolean {
  return calendarDay(chinaDate(date), byDate(overrides)).working;
}

/** The period of `days` working days after the event at `start` (a Beijing date, or an instant). */
export function addWorkingDays(start: Date | string, days: number, overrides: readonly CalendarOverride[] = []): WorkingDayPeriod {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`工作日天数应为正整数（收到 ${days}）/ the number of working days must be a positive whole number (got ${days})`);
  const from = chinaDate(start);
  const lookup = byDate(overrides);
  const counted: CalendarDay[] = [];
  const skipped: CalendarDay[] = [];
  for (let date = addDays(from, 1); counted.length < days; date = addDays(date, 1)) {
    const day = calendarDay(date, lookup);
    (day.working ? counted : skipped).push(day);
  }
  const lastDay = counted[counted.length - 1].date;
  return { from, days, lastDay, deadline: endOfChinaDay(lastDay), counted, skipped, warnings: missingOfficialCalendars(addDays(from, 1), lastDay) };
}

/**
 * The working days after `a` up to and including `b`, so that `addWorkingDays(a, n).lastDay` is n working
 * days after `a`; negative when `b` is before `a` (a deadline already passed).
 */
export function workingDaysBetween(a: Date | string, b: Date | string, overrides: readonly CalendarOverride[] = []): { days: number; warnings: MissingCalendarWarning[] } {
  const [from, to] = [chinaDate(a), chinaDate(b)];
  const [earlier, later, sign] = from <= to ? [from, to, 1] : [to, from, -1];
  const lookup = byDate(overrides);
  let days = 0;
  for (let date = addDays(earlier, 1); date <= later; date = addDays(date, 1)) {
    if (calendarDay(date, lookup).working) days++;
  }
  return { days: sign * days, warnings: missingOfficialCalendars(addDays(earlier, 1), later) };
}

import { weekday, type CalendarDate } from './calendar-date.ts';
import { officialDay } from './official-calendar.ts';

/** An admin's decision about one day (管理员设置): working or not, with the reason; it wins over the official calendar. */
export interface CalendarOverride {
  date: CalendarDate;
  working: boolean;
  note: string;
}

export type OverridesByDate = ReadonlyMap<CalendarDate, CalendarOverride>;

export function byDate(overrides: readonly CalendarOverride[]): OverridesByDate {
  return new Map(overrides.map((override) => [override.date, override]));
}

export type DayReason = 'workday' | 'makeup_workday' | 'weekend' | 'holiday' | 'override';

const WHY: Record<DayReason, string> = {
  workday: '工作日',
  makeup_workday: '调休上班',
  weekend: '周末',
  holiday: '节假日',
  override: '管理员设置',
};

/** One day of the working calendar and why it is, or is not, a working day. */
export interface CalendarDay {
  date: CalendarDate;
  working: boolean;
  reason: DayReason;
  /** the reason as the office reads it: 节假日 / 周末 / 管理员设置 / 调休上班 / 工作日 */
  why: string;
  /** the official holiday the day belongs to (off, or worked in its 调休), e.g. 国庆节 */
  holiday?: string;
  /** the admin's note, for an override */
  note?: string;
}

/**
 * An admin override if there is one; else the official calendar (holidays off, make-up weekend days on);
 * else Monday to Friday, which is all there is in a year the official calendar does not cover yet.
 */
export function calendarDay(date: CalendarDate, overrides: OverridesByDate): CalendarDay {
  const official = officialDay(date);
  const day = (working: boolean, reason: DayReason, note?: string): CalendarDay => ({
    date,
    working,
    reason,
    why: WHY[reason],
    ...(official ? { holiday: official.holiday } : {}),
    ...(note === undefined ? {} : { note }),
  });
  const override = overrides.get(date);
  if (override) return day(override.working, 'override', override.note);
  if (official) return day(official.kind === 'makeup_workday', official.kind);
  const weekend = weekday(date) === 0 || weekday(date) === 6;
  return day(!weekend, weekend ? 'weekend' : 'workday');
}

import type { CalendarOverride } from './calendar-day.ts';
import { addWorkingDays, type WorkingDayPeriod } from './working-days.ts';

/** 申诉期限: a staff member may appeal in writing within 10 working days of the result (001 四(二)5). */
export function appealDeadline(resultPublishedAt: Date | string, days = 10, overrides: readonly CalendarOverride[] = []): WorkingDayPeriod {
  return addWorkingDays(resultPublishedAt, days, overrides);
}

/**
 * 公示期: indicators and results are published for at least 5 working days (001 六(二)). Counted from the day after publication, so
 * a notice put up in the morning stays one day longer than the minimum rather than one hour shorter.
 */
export function publicityEnd(start: Date | string, days = 5, overrides: readonly CalendarOverride[] = []): WorkingDayPeriod {
  return addWorkingDays(start, days, overrides);
}

/**
 * The Chinese working-day calendar (工作日历) as pure functions: the official holidays and make-up working days
 * (调休), admins' overrides, and deadlines counted in working days. Storage is in calendar-service.ts.
 */
export { chinaDate, isCalendarDate, type CalendarDate } from './calendar-date.ts';
export type { CalendarDay, CalendarOverride, DayReason } from './calendar-day.ts';
export type { MissingCalendarWarning } from './missing-calendar.ts';
export { addWorkingDays, isWorkingDay, workingDaysBetween, type WorkingDayPeriod } from './working-days.ts';
export { appealDeadline, publicityEnd } from './deadlines.ts';

/**
 * The adjustment cut-off (目标调整截止日期, 002 §8: "应于每年9月15日前书面报局目标绩效办"): a published target may be
 * adjusted only on a written request made on or before the last day, by the end of that day in Beijing time.
 * The office may set another last day per unit subtree and period; without one it is 15 September of the plan year.
 */
export const DEFAULT_LAST_DAY = '09-15';

/** The plan year of a period: `2026`, `2026-Q3`, `2026-H1` → 2026; null when the period names no year. */
export function planYear(period: string): number | null {
  const match = /^(\d{4})(?:$|-)/.exec(period);
  return match ? Number(match[1]) : null;
}

export function defaultLastDay(period: string): string | null {
  const year = planYear(period);
  return year === null ? null : `${year}-${DEFAULT_LAST_DAY}`;
}

/** Whether `day` is a real calendar date written YYYY-MM-DD. */
export function isCalendarDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

/** The last moment of the last day, 23:59:59.999 in Beijing (UTC+8, no daylight saving). */
export function cutoffInstant(lastDay: string): Date {
  return new Date(`${lastDay}T23:59:59.999+08:00`);
}

/** A request made at `requestedAt` is in time when it is not later than the end of the last day. */
export function requestInTime(requestedAt: Date, lastDay: string): boolean {
  return requestedAt.getTime() <= cutoffInstant(lastDay).getTime();
}

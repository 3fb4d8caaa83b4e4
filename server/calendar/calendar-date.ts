/**
 * Calendar dates as China reads them. Every date here is a day of the Beijing calendar (Asia/Shanghai, UTC+8,
 * no daylight saving since 1991), written `YYYY-MM-DD`; instants are turned into that day before any
 * counting, so the answer does not depend on the server's own time zone.
 */
export type CalendarDate = string;

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** An ISO 8601 date-time with an explicit offset, optionally followed by a zone id as Zeebe writes it. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})(\[[\w/+-]+\])?$/;

const utcMidnight = (date: CalendarDate) => Date.parse(`${date}T00:00:00Z`);
const fromUtcMidnight = (ms: number): CalendarDate => new Date(ms).toISOString().slice(0, 10);

export function isCalendarDate(text: string): boolean {
  return DATE.test(text) && fromUtcMidnight(utcMidnight(text)) === text;
}

/** The Beijing calendar day of an instant: 2025-10-16T16:30:00Z is already 17 October in China. */
function chinaDateOf(instant: Date): CalendarDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError('日期无效 / invalid date');
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The Beijing calendar day of a date or an instant: a `YYYY-MM-DD` is taken as a day in China; a date-time
 * must carry its offset (`Z`, `+08:00`), because a bare local time would depend on where the server runs.
 */
export function chinaDate(when: Date | string): CalendarDate {
  if (when instanceof Date) return chinaDateOf(when);
  if (isCalendarDate(when)) return when;
  if (INSTANT.test(when)) return chinaDateOf(new Date(when.replace(/\[.*\]$/, '')));
  throw new RangeError(`无法识别的日期「${when}」，应为 YYYY-MM-DD 或带时区的 ISO 时间 / unrecognised date "${when}": use YYYY-MM-DD or an ISO date-time with an offset`);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromUtcMidnight(utcMidnight(date) + days * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday */
export function weekday(date: CalendarDate): number {
  return new Date(utcMidnight(date)).getUTCDay();
}

export function yearOf(date: CalendarDate): number {
  return Number(date.slice(0, 4));
}

/** The end of a day in China, 23:59:59 Beijing time, as an ISO 8601 instant: the moment a deadline passes. */
export function endOfChinaDay(date: CalendarDate): string {
  return `${date}T23:59:59+08:00`;
}

import { createRequire } from 'node:module';
import { yearOf, type CalendarDate } from './calendar-date.ts';

/** Entries read "National Day,国庆节,3": English name, Chinese name, length of the holiday. */
interface ChineseDaysData {
  holidays: Record<CalendarDate, string>;
  workdays: Record<CalendarDate, string>;
}

const require = createRequire(import.meta.url);

/**
 * The State Council's yearly holiday arrangements (国务院办公厅关于节假日安排的通知) as published by the
 * `chinese-days` package, keyed by calendar date. Its data file is read rather than its functions
 * (`isWorkday`, `getDayDetail`), which take dates in the server's local time zone and, west of UTC, shift
 * every holiday by a day.
 */
const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysData;

const coveredYears = new Set(Object.keys(data.holidays).map(yearOf));

/** Whether the package knows the official arrangement of that year (next year's is published in November or December). */
export function hasOfficialCalendar(year: number): boolean {
  return coveredYears.has(year);
}

export interface OfficialDay {
  /** 放假 (a day off, weekends inside the holiday included) or 调休上班 (a weekend day worked to make up for it) */
  kind: 'holiday' | 'makeup_workday';
  /** the holiday's Chinese name, e.g. 国庆节 */
  holiday: string;
}

/** What the official calendar says about a day that is not an ordinary weekday or weekend; undefined otherwise. */
export function officialDay(date: CalendarDate): OfficialDay | undefined {
  const holiday = data.holidays[date];
  if (holiday) return { kind: 'holiday', holiday: holiday.split(',')[1] };
  const makeup = data.workdays[date];
  if (makeup) return { kind: 'makeup_workday', holiday: makeup.split(',')[1] };
  return undefined;
}

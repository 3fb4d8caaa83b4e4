import { yearOf, type CalendarDate } from './calendar-date.ts';
import { hasOfficialCalendar } from './official-calendar.ts';

/** Days of this year were counted Monday to Friday plus the admins' overrides: the answer may be wrong. */
export interface MissingCalendarWarning {
  code: 'calendar.official_missing';
  year: number;
  zh: string;
  en: string;
}

/** One warning for every year of the days first…last (none when first is after last) that the official calendar does not cover. */
export function missingOfficialCalendars(first: CalendarDate, last: CalendarDate): MissingCalendarWarning[] {
  const warnings: MissingCalendarWarning[] = [];
  if (first > last) return warnings;
  for (let year = yearOf(first); year <= yearOf(last); year++) {
    if (hasOfficialCalendar(year)) continue;
    warnings.push({
      code: 'calendar.official_missing',
      year,
      zh: `尚无 ${year} 年的国务院节假日安排，${year} 年的日期按周一至周五工作并结合管理员设置计算；安排公布后请补充调休设置或升级日历数据`,
      en: `The official holiday calendar for ${year} is not available: its days were counted Monday to Friday plus admin overrides; add overrides or update the calendar data once it is published`,
    });
  }
  return warnings;
}

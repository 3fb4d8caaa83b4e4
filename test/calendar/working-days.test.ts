/**
 * Working-day periods over the official calendar: 国庆节/中秋 2025 and 春节 2026 with their make-up working
 * weekends, admin overrides, a year without official data, and events late in the Beijing evening.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addWorkingDays,
  appealDeadline,
  isWorkingDay,
  publicityEnd,
  workingDaysBetween,
  type CalendarOverride,
  type WorkingDayPeriod,
} from '../../server/calendar/index.ts';

const dates = (days: WorkingDayPeriod['counted']) => days.map((d) => d.date);

describe('periods of N working days (起算日不计，自次日起算)', () => {
  const cases: Array<{ name: string; period: () => WorkingDayPeriod; lastDay: string; deadline: string; skipped: string[] }> = [
    {
      name: '10-day appeal from Friday 26 Sep 2025, across 国庆节/中秋 (1–8 Oct off, Sunday 28 Sep and Saturday 11 Oct worked)',
      period: () => appealDeadline('2025-09-26'),
      lastDay: '2025-10-16',
      deadline: '2025-10-16T23:59:59+08:00',
      skipped: ['2025-09-27', '2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08', '2025-10-12'],
    },
    {
      name: '10-day appeal from Tuesday 30 Sep 2025, the eve of the holiday',
      period: () => appealDeadline('2025-09-30'),
      lastDay: '2025-10-21',
      deadline: '2025-10-21T23:59:59+08:00',
      skipped: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08', '2025-10-12', '2025-10-18', '2025-10-19'],
    },
    {
      name: '5-day publicity from Thursday 12 Feb 2026, across 春节 (15–23 Feb off, Saturday 14 Feb worked)',
      period: () => publicityEnd('2026-02-12'),
      lastDay: '2026-02-26',
      deadline: '2026-02-26T23:59:59+08:00',
      skipped: ['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23'],
    },
    {
      name: '5-day publicity ending on the make-up Saturday 28 Feb 2026',
      period: () => publicityEnd('2026-02-23'),
      lastDay: '2026-02-28',
      deadline: '2026-02-28T23:59:59+08:00',
      skipped: [],
    },
    {
      name: 'one working day from a Friday is the next Monday',
      period: () => addWorkingDays('2025-10-17', 1),
      lastDay: '2025-10-20',
      deadline: '2025-10-20T23:59:59+08:00',
      skipped: ['2025-10-18', '2025-10-19'],
    },
  ];

  it.each(cases)('$name', ({ period, lastDay, deadline, skipped }) => {
    const result = period();
    expect(result.lastDay).toBe(lastDay);
    expect(result.deadline).toBe(deadline);
    expect(dates(result.skipped)).toEqual(skipped);
    expect(result.counted).toHaveLength(result.days);
    expect(result.warnings).toEqual([]);
  });

  it('says why each day was skipped or counted, naming the holiday', () => {
    const result = appealDeadline('2025-09-26');
    const byDate = Object.fromEntries([...result.counted, ...result.skipped].map((d) => [d.date, d]));
    expect(byDate['2025-09-27']).toMatchObject({ working: false, reason: 'weekend', why: '周末' });
    expect(byDate['2025-09-28']).toMatchObject({ working: true, reason: 'makeup_workday', why: '调休上班', holiday: '国庆节' });
    expect(byDate['2025-10-01']).toMatchObject({ working: false, reason: 'holiday', why: '节假日', holiday: '国庆节' });
    expect(byDate['2025-10-06']).toMatchObject({ working: false, reason: 'holiday', holiday: '中秋' });
    expect(byDate['2025-10-11']).toMatchObject({ working: true, reason: 'makeup_workday', holiday: '国庆节' });
    expect(byDate['2025-10-09']).toMatchObject({ working: true, reason: 'workday', why: '工作日' });
  });

  it('refuses a number of days that is not a positive whole number', () => {
    for (const days of [0, -1, 1.5, Number.NaN]) expect(() => addWorkingDays('2025-09-26', days)).toThrow(/正整数/);
  });
});

describe('admin overrides (管理员设置) win over the official calendar', () => {
  const overrides: CalendarOverride[] = [
    { date: '2025-10-09', working: false, note: '局机关搬迁停止办公' },
    { date: '2025-10-12', working: true, note: '集中办理申诉' },
  ];

  it('turns a working day off and a weekend day on, with the note', () => {
    expect(isWorkingDay('2025-10-09')).toBe(true);
    expect(isWorkingDay('2025-10-09', overrides)).toBe(false);
    expect(isWorkingDay('2025-10-12')).toBe(false);
    expect(isWorkingDay('2025-10-12', overrides)).toBe(true);

    const dayOff = appealDeadline('2025-09-26', 10, overrides.slice(0, 1));
    expect(dayOff.lastDay).toBe('2025-10-17');
    expect(dayOff.skipped.find((d) => d.date === '2025-10-09')).toEqual({ date: '2025-10-09', working: false, reason: 'override', why: '管理员设置', note: '局机关搬迁停止办公' });

    const both = appealDeadline('2025-09-26', 10, overrides);
    expect(both.lastDay).toBe('2025-10-16');
    expect(both.counted.find((d) => d.date === '2025-10-12')).toMatchObject({ working: true, reason: 'override', note: '集中办理申诉' });
  });

  it('can give back a public holiday, keeping its name', () => {
    const period = addWorkingDays('2025-09-30', 1, [{ date: '2025-10-01', working: true, note: '值班受理' }]);
    expect(period.counted).toEqual([{ date: '2025-10-01', working: true, reason: 'override', why: '管理员设置', holiday: '国庆节', note: '值班受理' }]);
  });
});

describe('a year the official calendar does not cover yet', () => {
  it('counts Monday to Friday and warns, never silently', () => {
    const period = addWorkingDays('2026-12-25', 5);
    // 2027's arrangement is not published: New Year's Day falls back to an ordinary Friday
    expect(period.lastDay).toBe('2027-01-01');
    expect(period.warnings).toEqual([expect.objectContaining({ code: 'calendar.official_missing', year: 2027, zh: expect.stringContaining('2027'), en: expect.stringContaining('2027') })]);
  });

  it('takes the overrides an admin enters until the data arrives, still warning', () => {
    const period = addWorkingDays('2026-12-25', 5, [{ date: '2027-01-01', working: false, note: '元旦' }]);
    expect(period.lastDay).toBe('2027-01-04');
    expect(period.skipped.map((d) => [d.date, d.why])).toEqual([['2026-12-26', '周末'], ['2026-12-27', '周末'], ['2027-01-01', '管理员设置'], ['2027-01-02', '周末'], ['2027-01-03', '周末']]);
    expect(period.warnings.map((w) => w.year)).toEqual([2027]);
  });

  it('does not warn about a period that stays inside covered years', () => {
    expect(addWorkingDays('2026-12-01', 5).warnings).toEqual([]);
  });
});

describe('time zones: an event belongs to its day in Beijing', () => {
  const cases = [
    { event: new Date('2025-10-16T15:30:00Z'), beijing: 'Thursday 23:30', lastDay: '2025-10-17' },
    { event: new Date('2025-10-16T16:30:00Z'), beijing: 'Friday 00:30 (still Thursday in UTC)', lastDay: '2025-10-20' },
    { event: '2025-10-16T23:30:00+08:00', beijing: 'Thursday 23:30, given with its offset', lastDay: '2025-10-17' },
    { event: '2025-10-16T16:30:00.000Z', beijing: 'Friday 00:30, given in UTC', lastDay: '2025-10-20' },
    { event: '2025-10-17T00:30:00+08:00[Asia/Shanghai]', beijing: 'Friday 00:30, with a zone id', lastDay: '2025-10-20' },
  ];

  it.each(cases)('one working day after $beijing ends on $lastDay', ({ event, lastDay }) => {
    const period = addWorkingDays(event, 1);
    expect(period.lastDay).toBe(lastDay);
    expect(new Date(period.deadline).toISOString()).toBe(`${lastDay}T15:59:59.000Z`);
  });

  it('refuses a date-time without an offset and a date that does not exist', () => {
    expect(() => addWorkingDays('2025-10-16T23:30:00', 1)).toThrow(/带时区/);
    expect(() => addWorkingDays('2025-02-29', 1)).toThrow(/YYYY-MM-DD/);
    expect(() => addWorkingDays(new Date('nonsense'), 1)).toThrow(/invalid date/);
  });
});

describe('working days between two dates', () => {
  it('counts after the first date up to and including the second, negative when reversed', () => {
    expect(workingDaysBetween('2025-09-26', '2025-10-16')).toEqual({ days: 10, warnings: [] });
    expect(workingDaysBetween('2025-10-16', '2025-09-26').days).toBe(-10);
    expect(workingDaysBetween('2025-10-01', '2025-10-01').days).toBe(0);
    expect(workingDaysBetween('2025-09-30', '2025-10-08').days).toBe(0);
    expect(workingDaysBetween('2026-12-30', '2027-01-05').warnings.map((w) => w.year)).toEqual([2027]);
  });

  it('is the inverse of addWorkingDays; every period ends on a working day and accounts for every day', () => {
    const day = fc.integer({ min: Date.UTC(2004, 0, 1), max: Date.UTC(2027, 11, 31) }).map((ms) => new Date(ms).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 60 }), (from, n) => {
        const period = addWorkingDays(from, n);
        expect(isWorkingDay(period.lastDay)).toBe(true);
        expect(workingDaysBetween(from, period.lastDay).days).toBe(n);
        expect(period.counted.length + period.skipped.length).toBe((Date.parse(period.lastDay) - Date.parse(from)) / 86_400_000);
      }),
    );
  });
});

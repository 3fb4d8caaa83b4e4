/**
 * The official holiday calendar as chinese-days publishes it: the make-up days the tests rely on, the years
 * covered, agreement with the package's own functions, and answers that do not move with the server's time zone.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { hasOfficialCalendar, officialDay } from '../../server/calendar/official-calendar.ts';

/** Runs a script in a fresh Node process with the given TZ and returns what it prints as JSON. */
function inTimeZone(timeZone: string, script: string, loader: string[] = []): unknown {
  const output = execFileSync(process.execPath, [...loader, '--input-type=module', '-e', script], { env: { ...process.env, TZ: timeZone }, encoding: 'utf8' });
  return JSON.parse(output);
}

describe('the State Council arrangements in chinese-days', () => {
  it.each([
    ['2025-09-28', '国庆节', 'Sunday before 国庆节/中秋 2025'],
    ['2025-10-11', '国庆节', 'Saturday after it'],
    ['2026-02-14', '春节', 'Saturday before 春节 2026'],
    ['2026-02-28', '春节', 'Saturday after it'],
  ])('%s is a make-up working day (调休上班) for %s: %s', (date, holiday) => {
    expect(officialDay(date)).toEqual({ kind: 'makeup_workday', holiday });
  });

  it('has 国庆节 and 中秋 2025 as one holiday from 1 to 8 October, and 春节 2026 from 15 to 23 February', () => {
    for (let day = 1; day <= 8; day++) expect(officialDay(`2025-10-0${day}`)?.kind).toBe('holiday');
    expect(officialDay('2025-10-06')?.holiday).toBe('中秋');
    expect(officialDay('2025-10-09')).toBeUndefined();
    for (let day = 15; day <= 23; day++) expect(officialDay(`2026-02-${day}`)).toEqual({ kind: 'holiday', holiday: '春节' });
    expect(officialDay('2026-02-24')).toBeUndefined();
  });

  it('covers 2004 to 2026 and nothing after', () => {
    expect([2003, 2004, 2025, 2026, 2027].map(hasOfficialCalendar)).toEqual([false, true, true, true, false]);
  });

  it("agrees with chinese-days' own isWorkday for every day of 2024–2026 (run in Beijing time, where that function is right)", () => {
    const script = `
      import { createRequire } from 'node:module';
      const { isWorkday } = createRequire(process.cwd() + '/')('chinese-days');
      const days = {};
      for (let d = new Date(2024, 0, 1, 12); d.getFullYear() <= 2026; d.setDate(d.getDate() + 1)) {
        days[d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0')] = isWorkday(d);
      }
      console.log(JSON.stringify(days));`;
    const expected = inTimeZone('Asia/Shanghai', script) as Record<string, boolean>;
    expect(Object.keys(expected)).toHaveLength(366 + 365 + 365);
    const weekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
    for (const [date, working] of Object.entries(expected)) {
      const official = officialDay(date);
      expect([date, official ? official.kind === 'makeup_workday' : !weekend(date)]).toEqual([date, working]);
    }
  });

  it('gives the same deadlines whatever time zone the server runs in', () => {
    const script = `
      const { addWorkingDays } = await import(process.cwd() + '/server/calendar/index.ts');
      console.log(JSON.stringify([addWorkingDays('2025-09-26', 10).deadline, addWorkingDays(new Date('2025-10-16T16:30:00Z'), 1).deadline]));`;
    for (const timeZone of ['America/Los_Angeles', 'UTC', 'Asia/Shanghai', 'Pacific/Kiritimati']) {
      expect([timeZone, inTimeZone(timeZone, script, ['--import', 'tsx'])]).toEqual([timeZone, ['2025-10-16T23:59:59+08:00', '2025-10-20T23:59:59+08:00']]);
    }
  });
});

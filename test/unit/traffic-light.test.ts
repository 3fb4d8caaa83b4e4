import { describe, it, expect } from 'vitest';
import { trafficLight, type LightInput } from '../../server/services/ledger/traffic-light.ts';
import { DEFAULT_LEDGER_SETTINGS } from '../../server/services/ledger/ledger-settings.ts';

// 2026-11-02 is a Monday; the deadline is the end of Friday 2026-11-13 in Beijing (two working weeks).
const startedAt = new Date('2026-11-02T09:00:00+08:00');
const deadline = new Date('2026-11-13T23:59:59+08:00');
const at = (instant: string) => new Date(instant);

const base: LightInput = { status: 'in_progress', progress: 0, urgency: 'important', startedAt, deadline, now: startedAt };

describe('the red/yellow/green light of a ledger item (红黄绿灯)', () => {
  it.each([
    ['just assigned, nothing done', { now: at('2026-11-02T10:00:00+08:00') }, 'green', 'on_track'],
    ['half the time used, half done', { now: at('2026-11-08T09:00:00+08:00'), progress: 45 }, 'green', 'on_track'],
    ['52 % of the time used, 20 points behind: not yet yellow', { now: at('2026-11-08T09:00:00+08:00'), progress: 32 }, 'green', 'on_track'],
    ['52 % of the time used, 22 points behind', { now: at('2026-11-08T09:00:00+08:00'), progress: 30 }, 'yellow', 'behind'],
    ['Tuesday before, 3 working days left (重要 warns at 2)', { now: at('2026-11-10T09:00:00+08:00'), progress: 80 }, 'green', 'on_track'],
    ['Wednesday before, 2 working days left', { now: at('2026-11-11T09:00:00+08:00'), progress: 80 }, 'yellow', 'deadline_near'],
    ['Tuesday before, 紧急 warns at 3 working days', { now: at('2026-11-10T09:00:00+08:00'), progress: 80, urgency: 'urgent' }, 'yellow', 'deadline_near'],
    ['Thursday before, 一般 warns at 1 working day', { now: at('2026-11-12T09:00:00+08:00'), progress: 90, urgency: 'normal' }, 'yellow', 'deadline_near'],
    ['Wednesday before, 一般 is still green', { now: at('2026-11-11T09:00:00+08:00'), progress: 90, urgency: 'normal' }, 'green', 'on_track'],
    ['the last second of the deadline day', { now: at('2026-11-13T23:59:59+08:00'), progress: 90 }, 'yellow', 'deadline_near'],
    ['one second after the deadline', { now: at('2026-11-14T00:00:00+08:00'), progress: 90 }, 'red', 'overdue'],
    ['a month after the deadline', { now: at('2026-12-14T00:00:00+08:00'), progress: 0 }, 'red', 'overdue'],
    ['overdue but reported 100 %', { now: at('2026-11-20T00:00:00+08:00'), progress: 100, status: 'awaiting_confirmation' }, 'green', 'completed'],
    ['sent back at 100 % after the deadline', { now: at('2026-11-20T00:00:00+08:00'), progress: 100 }, 'red', 'overdue'],
    ['overdue and confirmed done', { now: at('2026-11-20T00:00:00+08:00'), progress: 100, status: 'done' }, 'green', 'completed'],
  ] as const)('%s → %s', (_name, change, light, code) => {
    const verdict = trafficLight({ ...base, ...change }, DEFAULT_LEDGER_SETTINGS);
    expect([verdict.light, verdict.code]).toEqual([light, code]);
  });

  it('counts working days with the holiday calendar and admins overrides', () => {
    // 2026-10-01…07 is the National Day holiday: on 30 September a deadline of 9 October is 2 working days away
    const holiday = { ...base, startedAt: at('2026-09-20T09:00:00+08:00'), deadline: at('2026-10-09T23:59:59+08:00'), now: at('2026-09-30T09:00:00+08:00'), progress: 60 };
    expect(trafficLight(holiday, DEFAULT_LEDGER_SETTINGS)).toMatchObject({ light: 'yellow', code: 'deadline_near', zh: '距截止还有 2 个工作日' });
    const thursday = { ...base, now: at('2026-11-10T09:00:00+08:00'), progress: 80 };
    const closed = [{ date: '2026-11-11', working: false, note: '停电检修' }];
    expect(trafficLight(thursday, DEFAULT_LEDGER_SETTINGS, closed)).toMatchObject({ light: 'yellow', code: 'deadline_near' });
  });

  it('takes its thresholds from the settings', () => {
    const strict = { ...DEFAULT_LEDGER_SETTINGS, lagPoints: 5 };
    const now = at('2026-11-08T09:00:00+08:00');
    expect(trafficLight({ ...base, now, progress: 40 }, DEFAULT_LEDGER_SETTINGS).light).toBe('green');
    expect(trafficLight({ ...base, now, progress: 40 }, strict).light).toBe('yellow');
  });
});

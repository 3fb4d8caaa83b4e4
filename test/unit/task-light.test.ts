import { describe, it, expect } from 'vitest';
import { taskLight } from '../../server/services/task-light.ts';

describe('the light of an open task in a cycle overview', () => {
  const now = new Date('2026-11-20T10:00:00+08:00');
  const hours = (h: number) => new Date(now.getTime() + h * 3600 * 1000);
  it.each([
    ['no due date', null, 'green'],
    ['due in three days', hours(72), 'green'],
    ['due in just over 48 hours', hours(48.01), 'green'],
    ['due in exactly 48 hours', hours(48), 'yellow'],
    ['due in an hour', hours(1), 'yellow'],
    ['due right now', now, 'yellow'],
    ['a minute overdue', hours(-1 / 60), 'red'],
  ] as const)('%s → %s', (_, due, light) => {
    expect(taskLight(due, now)).toBe(light);
  });
});

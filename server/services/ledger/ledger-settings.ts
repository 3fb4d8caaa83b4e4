import type { Urgency } from '../../models/ledger.ts';

/**
 * The defaults of the work ledger (工作台账), one place to change them. Lights (红黄绿灯, see traffic-light.ts):
 * an item turns yellow when its deadline is this many working days away or fewer, by urgency, or when the
 * share of its time already used runs ahead of its progress by more than `lagPoints` percentage points.
 * Reminders (提醒 / 催办): the owner is reminded `remindBefore` before the deadline and urged every `urgeEvery`
 * after it while the item is open; both are ISO 8601 durations, given to the item's process as variables.
 */
export interface LedgerSettings {
  warnWorkingDays: Record<Urgency, number>;
  lagPoints: number;
  remindBefore: Record<Urgency, string>;
  urgeEvery: Record<Urgency, string>;
}

export const DEFAULT_LEDGER_SETTINGS: LedgerSettings = {
  warnWorkingDays: { urgent: 3, important: 2, normal: 1 },
  lagPoints: 20,
  remindBefore: { urgent: 'P3D', important: 'P2D', normal: 'P1D' },
  urgeEvery: { urgent: 'P1D', important: 'P1D', normal: 'P2D' },
};

export const URGENCY_LABELS: Record<Urgency, string> = { urgent: '紧急', important: '重要', normal: '一般' };

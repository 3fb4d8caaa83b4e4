import { workingDaysBetween, type CalendarOverride } from '../../calendar/index.ts';
import type { LedgerStatus, Urgency } from '../../models/ledger.ts';
import type { LedgerSettings } from './ledger-settings.ts';

/** 红灯 / 黄灯 / 绿灯 (000 「红黄绿」亮灯管理). */
export type Light = 'red' | 'yellow' | 'green';

export interface LightInput {
  status: LedgerStatus;
  progress: number;
  urgency: Urgency;
  /** when the item was assigned: the start of its time */
  startedAt: Date;
  deadline: Date;
  now: Date;
}

export interface LightVerdict {
  light: Light;
  code: 'completed' | 'overdue' | 'deadline_near' | 'behind' | 'on_track';
  zh: string;
  en: string;
}

/** The share of the item's time already used, 0–100. */
function elapsedPercent({ startedAt, deadline, now }: LightInput): number {
  const total = deadline.getTime() - startedAt.getTime();
  if (total <= 0) return 100;
  return Math.min(100, Math.max(0, ((now.getTime() - startedAt.getTime()) / total) * 100));
}

/**
 * The light of a ledger item, first rule that applies:
 * 1. green when done, or reported 100 % and waiting for confirmation (an item sent back is in progress again);
 * 2. red when the deadline has passed and the item is not done (逾期未完成);
 * 3. yellow when the deadline is at most `warnWorkingDays[urgency]` working days away (today counts as 0);
 * 4. yellow when the share of time used exceeds the progress by more than `lagPoints` points (进度滞后);
 * 5. green otherwise (正常推进).
 */
export function trafficLight(input: LightInput, settings: Pick<LedgerSettings, 'warnWorkingDays' | 'lagPoints'>, overrides: readonly CalendarOverride[] = []): LightVerdict {
  if (input.status !== 'in_progress') {
    return { light: 'green', code: 'completed', zh: input.status === 'done' ? '已完成' : '已报完成，待确认', en: input.status === 'done' ? 'Done' : 'Reported complete, awaiting confirmation' };
  }
  if (input.now.getTime() > input.deadline.getTime()) return { light: 'red', code: 'overdue', zh: '已逾期未完成', en: 'Overdue and not done' };
  const left = workingDaysBetween(input.now, input.deadline, overrides).days;
  const warn = settings.warnWorkingDays[input.urgency];
  if (left <= warn) {
    return { light: 'yellow', code: 'deadline_near', zh: `距截止还有 ${left} 个工作日`, en: `${left} working day(s) to the deadline` };
  }
  const elapsed = elapsedPercent(input);
  if (elapsed - input.progress > settings.lagPoints) {
    const used = Math.round(elapsed);
    return { light: 'yellow', code: 'behind', zh: `时间已过 ${used}%，进度 ${input.progress}%`, en: `${used}% of the time used, ${input.progress}% done` };
  }
  return { light: 'green', code: 'on_track', zh: '正常推进', en: 'On track' };
}

/**
 * G6 结果运用: what a grade means for the subject — performance bonus coefficient or months, follow-up
 * actions of the level and of rank labels, consequences of repeated results, bonuses cancelled by violations.
 */
import { type Cents, formatCents, mulDiv, toCents } from './decimal.ts';
import type { BonusCancellation } from './methods/method.ts';
import type { FollowUpAction, GradeRules, ResultList } from './rule-set.ts';

export interface ResultApplication {
  /** Performance bonus as a multiple of the base, e.g. "1.20" for 120 %. */
  bonusCoefficient?: string;
  /** bonusBase × coefficient, when the base is known. */
  bonusAmount?: string;
  /** Months of performance bonus relative to the top grade, e.g. "-0.50". */
  bonusMonthsOffset?: string;
  bonusCancellations: BonusCancellation[];
  actions: string[];
  /** the lists the subject is on, in the order their actions were applied */
  lists: ResultList[];
}

export interface GradeTraceEntry {
  /** 'rank', 'quota', 'threshold', 'pool', 'tie', 'veto', 'uplift', 'otherwise', 'label', 'result', 'consecutive'. */
  rule: string;
  detail: string;
}

/** One earlier cycle of the subject, oldest first: its level (code or label) and rank labels. */
export interface HistoryEntry {
  level?: string;
  labels?: string[];
}

export interface GradedSubject {
  level: string;
  labels: string[];
  category?: string;
  history?: HistoryEntry[];
  bonusBase?: number | string;
  bonusCancellations?: BonusCancellation[];
}

function applicable(actions: readonly FollowUpAction[] | undefined, category: string | undefined): FollowUpAction[] {
  return (actions ?? []).filter((a) => !a.categories || (category !== undefined && a.categories.includes(category)));
}

function matchesLevel(grading: GradeRules, entry: HistoryEntry, codes: readonly string[]): boolean {
  if (entry.level === undefined) return false;
  const level = grading.levels.find((l) => l.code === entry.level || l.label === entry.level);
  return level !== undefined && codes.includes(level.code);
}

export function applyResults(grading: GradeRules, subject: GradedSubject): { application: ResultApplication; trace: GradeTraceEntry[] } {
  const trace: GradeTraceEntry[] = [];
  const application: ResultApplication = { bonusCancellations: subject.bonusCancellations ?? [], actions: [], lists: [] };
  const levelLabel = grading.levels.find((l) => l.code === subject.level)?.label ?? subject.level;
  const result = grading.results?.find((r) => r.level === subject.level);

  if (result?.bonusCoefficient !== undefined) {
    const coefficient: Cents = toCents(result.bonusCoefficient);
    application.bonusCoefficient = formatCents(coefficient);
    let amount = '';
    if (subject.bonusBase !== undefined) {
      application.bonusAmount = formatCents(mulDiv(toCents(subject.bonusBase), coefficient, 100));
      amount = `，基数 ${formatCents(toCents(subject.bonusBase))} → ${application.bonusAmount}`;
    }
    trace.push({ rule: 'result', detail: `「${levelLabel}」：绩效奖金按基准的 ${coefficient}% 发放${amount}` });
  }
  if (result?.bonusMonthsOffset !== undefined) {
    application.bonusMonthsOffset = formatCents(toCents(result.bonusMonthsOffset), true);
    const months = result.bonusMonthsOffset;
    trace.push({ rule: 'result', detail: `「${levelLabel}」：绩效奖${months === 0 ? '按最高等次标准发放' : `比照最高等次${months < 0 ? '减少' : '增加'} ${Math.abs(months)} 个月`}` });
  }
  const push = (rule: string, why: string, actions: FollowUpAction[]) => {
    for (const action of actions) {
      if (!application.actions.includes(action.label)) application.actions.push(action.label);
      if (action.list && !application.lists.includes(action.list)) application.lists.push(action.list);
      trace.push({ rule, detail: `${why}：${action.label}` });
    }
  };
  push('result', `「${levelLabel}」`, applicable(result?.actions, subject.category));
  for (const code of subject.labels) {
    const label = grading.labels?.find((l) => l.code === code);
    if (label) push('label', `「${label.label}」`, applicable(label.actions, subject.category));
  }
  const cycles: HistoryEntry[] = [...(subject.history ?? []), { level: subject.level, labels: subject.labels }];
  for (const rule of grading.consecutive ?? []) {
    const recent = cycles.slice(-rule.consecutive);
    const repeated = recent.length === rule.consecutive && recent.every((entry) =>
      matchesLevel(grading, entry, rule.levels ?? []) || (entry.labels ?? []).some((label) => rule.labels?.includes(label)));
    if (repeated) push('consecutive', rule.label, applicable(rule.actions, subject.category));
  }
  for (const cancellation of application.bonusCancellations) {
    const who = cancellation.person ? `「${cancellation.person}」：` : '';
    trace.push({ rule: 'result', detail: `${who}取消${cancellation.roles.join('、')}当年度绩效奖（${cancellation.reason}）` });
  }
  return { application, trace };
}

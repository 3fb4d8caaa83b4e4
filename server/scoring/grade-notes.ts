/**
 * The grading trace (评定依据): why each subject got its level. Notes of a whole cohort are kept in a few
 * flat lists while grading and written out per subject when read.
 */
import type { GradeTraceEntry } from './apply-results.ts';
import { type Cents, formatCents } from './decimal.ts';
import type { VetoRecord } from './methods/method.ts';
import { vetoEffectText } from './methods/vetoes.ts';
import type { LevelRule } from './rule-set.ts';

/** Writes one note from the two values recorded with it. */
export type Note = (a: any, b: any) => string;

/** A subject's place in its cohort, as the notes show it. */
export interface Placed {
  total: Cents;
  position: number;
  cohortSize: number;
}

export type LabelledRule = LevelRule & { label: string };

/** A rank window of one rule, described once for all subjects. */
export interface WindowText {
  scope: string;
  fromTop: boolean;
  label: string;
  size: string;
}

export const rankNote: Note = (s: Placed) => `综合得分 ${formatCents(s.total)}，在本类别 ${s.cohortSize} 个对象中排第 ${s.position} 名`;
export const poolNote: Note = (text: string, inPool: boolean) => (inPool ? `${text}，在入围范围内` : `${text}，不在入围范围内`);
export const barNote: Note = (veto: VetoRecord, label: string) => `出现一票否决事项「${veto.label}」，不得评为「${label}」`;
export const belowMinNote: Note = (s: Placed, rule: LabelledRule) => `综合得分 ${formatCents(s.total)} 低于「${rule.label}」的分数线 ${rule.minScore}`;
export const notBelowNote: Note = (s: Placed, rule: LabelledRule) => `综合得分 ${formatCents(s.total)} 不低于 ${rule.belowScore}，不属于「${rule.label}」`;
export const thresholdNote: Note = (s: Placed, rule: LabelledRule) => {
  const parts = [rule.minScore !== undefined ? `不低于 ${rule.minScore}` : '', rule.belowScore !== undefined ? `低于 ${rule.belowScore}` : ''].filter(Boolean);
  return `${parts.length ? `综合得分 ${formatCents(s.total)} ${parts.join('且')}` : '符合条件'}，评为「${rule.label}」`;
};
/** `place` is negative when the subject is outside the window. */
export const windowNote: Note = (w: WindowText, place: number) =>
  `在${w.scope}中${w.fromTop ? '' : '倒数'}排第 ${Math.abs(place)} 名；「${w.label}」为${w.fromTop ? '前' : '后'} ${w.size}，${place > 0 ? '入选' : '未入选'}`;
export const tieNote: Note = (size: number, included: boolean) => `与另外 ${size - 1} 个对象在名额边界并列（综合得分及排序依据均相同），按并列规则${included ? '全部入选' : '全部不入选'}`;
export const otherwiseNote: Note = (label: string) => `其余评为「${label}」`;
export const vetoNote: Note = (veto: VetoRecord, [from, to]: [string, string]) => `一票否决事项「${veto.label}」：${vetoEffectText[veto.effect]}，由「${from}」改为「${to}」`;
export const labelNote: Note = (s: Placed, [w, label]: [WindowText, string]) => `排第 ${s.position} 名，属于${w.fromTop ? '前' : '后'} ${w.size}：「${label}」`;

export class NoteBook {
  private readonly subjects: number[] = [];
  /** [rule, note, a, b] per note, flat. */
  private readonly entries: unknown[] = [];
  private index?: { order: Int32Array; start: Int32Array };

  constructor(private readonly size: number) {}

  add(subject: number, rule: string, note: Note, a?: unknown, b?: unknown): void {
    this.subjects.push(subject);
    this.entries.push(rule, note, a, b);
  }

  /** The notes of one subject, in the order they were taken. */
  read(subject: number): GradeTraceEntry[] {
    const { order, start } = (this.index ??= this.build());
    const out: GradeTraceEntry[] = [];
    for (let i = start[subject]; i < start[subject + 1]; i += 1) {
      const at = order[i] * 4;
      const e = this.entries;
      out.push({ rule: e[at] as string, detail: (e[at + 1] as Note)(e[at + 2], e[at + 3]) });
    }
    return out;
  }

  /** Groups the notes by subject (a counting sort, which keeps their order). */
  private build(): { order: Int32Array; start: Int32Array } {
    const start = new Int32Array(this.size + 1);
    for (const subject of this.subjects) start[subject + 1] += 1;
    for (let s = 0; s < this.size; s += 1) start[s + 1] += start[s];
    const next = start.slice(0, this.size);
    const order = new Int32Array(this.subjects.length);
    this.subjects.forEach((subject, i) => { order[next[subject]++] = i; });
    return { order, start };
  }
}

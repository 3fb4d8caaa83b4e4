/**
 * 评定等次: grades a cohort — all people or units of one cycle, graded per category — by thresholds, quotas
 * and rank windows with an explicit tie policy, eligibility pools and veto effects (G1–G5), then applies
 * the results (G6). Every subject's trace says why it got its level and why not a better one; like the
 * score trace it is recorded compactly and written out when read.
 */
import { type Cents, DecimalError, formatCents, toCents } from './decimal.ts';
import { applyResults, type GradeTraceEntry, type HistoryEntry, type ResultApplication } from './apply-results.ts';
import { resultCents, type ScoreResult } from './compute-score.ts';
import { ScoringInputError } from './errors.ts';
import type { VetoRecord } from './methods/method.ts';
import { quotaCount, quotaText } from './quota.ts';
import { compareKeys, type Direction, firstOf, rank, type Rankable } from './ranking.ts';
import type { EligibilityPool, GradeRules, RankKey, RankWindow, RuleSet } from './rule-set.ts';
import { TOTAL } from './scoring-plan.ts';
import { settle } from './trace.ts';
import {
  barNote, belowMinNote, labelNote, type LabelledRule, type Note, NoteBook, notBelowNote, otherwiseNote, poolNote, rankNote, thresholdNote, tieNote,
  vetoNote, windowNote, type WindowText,
} from './grade-notes.ts';

export interface CohortMember {
  subjectId: string;
  category?: string;
  score: Pick<ScoreResult, 'total' | 'intermediates' | 'vetoEffects'> & Partial<Pick<ScoreResult, 'bonusCancellations'>>;
  /** Earlier cycles, oldest first, for rules on consecutive results. */
  history?: HistoryEntry[];
  /** 绩效奖金基数, for the bonus amount. */
  bonusBase?: number | string;
}

export interface GradeContext {
  /** The grade of the unit the cohort belongs to, for quota uplifts (004: 20 % 优秀 in an 优秀 unit). */
  unitLevel?: string;
}

export interface GradeResult {
  subjectId: string;
  category?: string;
  total: string;
  /** Competition rank within the category (1, 2, 2, 4). */
  rank: number;
  /** Number of subjects graded in the category. */
  cohortSize: number;
  level: string;
  levelLabel: string;
  /** The level before veto effects, when they changed it. */
  baseLevel?: string;
  labels: Array<{ code: string; label: string }>;
  application: ResultApplication;
  trace: GradeTraceEntry[];
}

/** What the subjects of one gradeCohort call share. */
interface Shared {
  grading: GradeRules;
  book: NoteBook;
  /** Labels of levels and of rank labels, by code. */
  levelLabels: Map<string, string>;
  rankLabels: Map<string, string>;
}

interface Subject extends Rankable {
  member: CohortMember;
  /** Position in the input, which is also the subject's number in the note book. */
  index: number;
  shared: Shared;
  total: Cents;
  vetoes: VetoRecord[];
  cohortSize: number;
  level?: string;
  baseLevel?: string;
  labels: string[];
  /** The rule round in which the subject is a candidate. */
  round: number;
  applied?: ReturnType<typeof applyResults>;
}

interface Cohort {
  grading: GradeRules;
  ranked: Subject[];
  directions: Direction[];
  context: GradeContext;
  labelOf: (code: string) => string;
  tied: (a: Subject, b: Subject) => boolean;
}

function note(s: Subject, rule: string, text: Note, a?: unknown, b?: unknown): void {
  s.shared.book.add(s.index, rule, text, a, b);
}

function cents(member: CohortMember, key: string, path: string): Cents {
  try {
    return resultCents(member.score, key) ?? 0;
  } catch (err) {
    if (!(err instanceof DecimalError)) throw err;
    throw new ScoringInputError(path, 'grade.score', `考核对象「${member.subjectId}」的得分「${key}」不是数字`, `The score "${key}" of subject "${member.subjectId}" is not a number`);
  }
}

function prepare(member: CohortMember, index: number, rankBy: readonly RankKey[], shared: Shared): Subject {
  if (typeof member?.subjectId !== 'string' || member.score?.total === undefined) {
    throw new ScoringInputError(`[${index}]`, 'grade.member', `第 ${index + 1} 个考核对象缺少 subjectId 或得分`, `Member ${index + 1} needs a subjectId and a score`);
  }
  const total = cents(member, TOTAL, `[${index}].score.total`);
  const keys = [total];
  for (const key of rankBy) keys.push(cents(member, key.key, `[${index}].score.intermediates.${key.key}`));
  return { member, index, shared, total, keys, position: 0, vetoes: member.score.vetoEffects ?? [], cohortSize: 0, labels: [], round: -1 };
}

function windowSize(window: RankWindow, headcount: number, context: GradeContext): { size: number; text: string } {
  if (window.count !== undefined) return { size: window.count, text: `${window.count} 名` };
  const uplift = window.uplift && context.unitLevel === window.uplift.whenUnitLevel ? window.uplift : undefined;
  const share = uplift ? uplift.share : window.share!;
  const size = quotaCount(headcount, share, window.rounding!);
  const raised = uplift ? `本单位等次为「${uplift.whenUnitLevel}」，比例由 ${window.share}% 上浮至 ${share}%：` : '';
  return { size, text: `${raised}${quotaText(headcount, share, window.rounding!, size)} 名` };
}

/** G4: marks the open subjects ranked in the top share of the whole cohort by the pool's key. */
function markPool(pool: EligibilityPool, cohort: Cohort, levelLabel: string): Set<Subject> {
  const { ranked } = cohort;
  const by = pool.by ?? TOTAL;
  const ordered = by === TOTAL
    ? ranked.map((subject) => ({ subject, keys: subject.keys, position: 0 }))
    : rank(ranked.map((subject) => ({ subject, keys: [cents(subject.member, by, `score.intermediates.${by}`)], position: 0 })), ['desc']);
  const directions: Direction[] = by === TOTAL ? cohort.directions : ['desc'];
  const size = quotaCount(ranked.length, pool.share, pool.rounding);
  const window = firstOf(ordered, size, (a, b) => compareKeys(a.keys, b.keys, directions) === 0, pool.ties ?? cohort.grading.ties);
  const text = `「${levelLabel}」只从按${by === TOTAL ? '综合得分' : `「${by}」`}排名前 ${pool.share}% 的对象中产生（${quotaText(ranked.length, pool.share, pool.rounding, size)} 名）`;
  const inPool = new Set<Subject>();
  ordered.forEach(({ subject }, i) => {
    if (i < window.end) inPool.add(subject);
    if (subject.level === undefined) note(subject, 'pool', poolNote, text, i < window.end);
  });
  return inPool;
}

function isEligible(s: Subject, rule: LabelledRule, cohort: Cohort, pool: Set<Subject> | undefined): boolean {
  if (s.vetoes.length > 0 && rule.level === cohort.grading.levels[0].code) {
    const bar = s.vetoes.find((v) => v.effect === 'barTopGrade' || v.effect === 'forceLowest');
    if (bar) {
      note(s, 'veto', barNote, bar, rule.label);
      return false;
    }
  }
  if (rule.minScore !== undefined && s.total < toCents(rule.minScore)) {
    note(s, 'threshold', belowMinNote, s, rule);
    return false;
  }
  if (rule.belowScore !== undefined && s.total >= toCents(rule.belowScore)) {
    note(s, 'threshold', notBelowNote, s, rule);
    return false;
  }
  return !pool || pool.has(s);
}

/** Gives the rule's level to the candidates of this round inside its rank window (or all, without one). */
function assign(rule: LabelledRule, round: number, candidates: Subject[], cohort: Cohort): void {
  const window = rule.top ?? rule.bottom;
  if (!window) {
    for (const s of candidates) {
      s.level = rule.level;
      note(s, 'threshold', thresholdNote, s, rule);
    }
    return;
  }
  const fromTop = rule.top !== undefined;
  const { size, text } = windowSize(window, cohort.ranked.length, cohort.context);
  const among = window.among ?? 'eligible';
  const list = among === 'all' ? cohort.ranked : candidates;
  const ordered = fromTop ? list : [...list].reverse();
  const selected = firstOf(ordered, size, cohort.tied, window.ties ?? cohort.grading.ties);
  const described: WindowText = { scope: among === 'all' ? `本类别 ${cohort.ranked.length} 个对象` : `符合条件的 ${candidates.length} 个对象`, fromTop, label: rule.label, size: text };
  const traceRule = fromTop && window.share !== undefined ? 'quota' : 'rank';
  const tie = selected.tie;
  let place = 0;
  ordered.forEach((s, i) => {
    place = i > 0 && cohort.tied(ordered[i - 1], s) ? place : i + 1;
    if (s.round !== round) return;
    const hit = i < selected.end;
    note(s, traceRule, windowNote, described, hit ? place : -place);
    if (tie && i >= tie.start && i < tie.end) note(s, 'tie', tieNote, tie.end - tie.start, tie.included);
    if (hit) s.level = rule.level;
  });
}

function applyVetoes(s: Subject, levels: GradeRules['levels']): void {
  if (s.vetoes.length === 0) return;
  const force = s.vetoes.find((v) => v.effect === 'forceLowest');
  const event = force ?? s.vetoes.find((v) => v.effect === 'downgrade');
  if (!event) return;
  const from = levels.findIndex((l) => l.code === s.level);
  const to = force ? levels.length - 1 : Math.min(from + 1, levels.length - 1);
  if (to === from) return;
  s.baseLevel = s.level;
  s.level = levels[to].code;
  note(s, 'veto', vetoNote, event, [levels[from].label, levels[to].label]);
}

function applyLabels(cohort: Cohort): void {
  for (const label of cohort.grading.labels ?? []) {
    const window = (label.top ?? label.bottom)!;
    const fromTop = label.top !== undefined;
    const ordered = fromTop ? cohort.ranked : [...cohort.ranked].reverse();
    const { size, text } = windowSize(window, cohort.ranked.length, cohort.context);
    const selected = firstOf(ordered, size, cohort.tied, window.ties ?? cohort.grading.ties);
    const described: WindowText = { scope: '', fromTop, label: label.label, size: text };
    for (let i = 0; i < selected.end; i += 1) {
      ordered[i].labels.push(label.code);
      note(ordered[i], 'label', labelNote, ordered[i], [described, label.label]);
    }
  }
}

function gradeCategory(ruleSet: RuleSet, subjects: Subject[], context: GradeContext): void {
  const grading = ruleSet.grading;
  const directions: Direction[] = ['desc', ...(grading.rankBy ?? []).map((key) => key.direction)];
  const labelOf = (code: string) => grading.levels.find((l) => l.code === code)?.label ?? code;
  const tied = (a: Subject, b: Subject) => compareKeys(a.keys, b.keys, directions) === 0;
  const cohort: Cohort = { grading, ranked: rank(subjects, directions), directions, context, labelOf, tied };
  for (const s of cohort.ranked) {
    s.cohortSize = subjects.length;
    note(s, 'rank', rankNote, s);
  }
  grading.rules.forEach((levelRule, round) => {
    const rule = { ...levelRule, label: labelOf(levelRule.level) };
    const pool = rule.pool && markPool(rule.pool, cohort, rule.label);
    const candidates: Subject[] = [];
    for (const s of cohort.ranked) {
      if (s.level === undefined && isEligible(s, rule, cohort, pool)) {
        s.round = round;
        candidates.push(s);
      }
    }
    assign(rule, round, candidates, cohort);
  });
  const otherwise = labelOf(grading.otherwise);
  for (const s of cohort.ranked) {
    if (s.level === undefined) {
      s.level = grading.otherwise;
      note(s, 'otherwise', otherwiseNote, otherwise);
    }
    applyVetoes(s, grading.levels);
  }
  applyLabels(cohort);
}

const SUBJECT = Symbol('graded subject');
type Graded = GradeResult & { [SUBJECT]: Subject };

function applied(s: Subject): ReturnType<typeof applyResults> {
  return (s.applied ??= applyResults(s.shared.grading, {
    level: s.level!, labels: s.labels, category: s.member.category, history: s.member.history, bonusBase: s.member.bonusBase, bonusCancellations: s.member.score.bonusCancellations,
  }));
}

const lazyApplication: PropertyDescriptor = {
  get(this: Graded) {
    return settle(this, 'application', applied(this[SUBJECT]).application);
  },
  enumerable: true,
  configurable: true,
};
const lazyTrace: PropertyDescriptor = {
  get(this: Graded) {
    const s = this[SUBJECT];
    return settle(this, 'trace', [...s.shared.book.read(s.index), ...applied(s).trace]);
  },
  enumerable: true,
  configurable: true,
};

function gradeResult(s: Subject): GradeResult {
  const { levelLabels, rankLabels } = s.shared;
  const level = s.level!;
  const result = {
    subjectId: s.member.subjectId,
    category: s.member.category,
    total: formatCents(s.total),
    rank: s.position,
    cohortSize: s.cohortSize,
    level,
    levelLabel: levelLabels.get(level)!,
    baseLevel: s.baseLevel,
    labels: s.labels.map((code) => ({ code, label: rankLabels.get(code)! })),
    [SUBJECT]: s,
  } as Graded;
  Object.defineProperty(result, 'application', lazyApplication);
  Object.defineProperty(result, 'trace', lazyTrace);
  return result;
}

export function gradeCohort(ruleSet: RuleSet, members: readonly CohortMember[], context: GradeContext = {}): GradeResult[] {
  const grading = ruleSet.grading;
  const labels = (list: ReadonlyArray<{ code: string; label: string }>) => new Map(list.map((l) => [l.code, l.label]));
  const shared: Shared = { grading, book: new NoteBook(members.length), levelLabels: labels(grading.levels), rankLabels: labels(grading.labels ?? []) };
  const subjects = members.map((member, i) => prepare(member, i, grading.rankBy ?? [], shared));
  const byCategory = new Map<string, Subject[]>();
  for (const s of subjects) {
    const key = s.member.category ?? '';
    const group = byCategory.get(key);
    if (group) group.push(s);
    else byCategory.set(key, [s]);
  }
  for (const group of byCategory.values()) gradeCategory(ruleSet, group, context);
  return subjects.map(gradeResult);
}

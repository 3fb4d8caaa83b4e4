/** 试算: scores and grades a whole cohort input (what the CLI and the dry-run route show). */
import type { HistoryEntry } from './apply-results.ts';
import { computeScore, type ScoreResult, type SubjectInput } from './compute-score.ts';
import { type RuleSetError, ScoringInputError } from './errors.ts';
import { type CohortMember, type GradeContext, gradeCohort, type GradeResult } from './grade-cohort.ts';
import type { RuleSet } from './rule-set.ts';

/** A subject of a cohort file: its scoring input plus what grading needs beyond the score. */
export interface CohortSubject extends SubjectInput {
  history?: HistoryEntry[];
  bonusBase?: number | string;
}

export interface CohortInput {
  cycle?: string;
  context?: GradeContext;
  subjects: CohortSubject[];
}

export interface DryRunResult {
  ruleSet: { id: string; name: string; version: number };
  cycle?: string;
  subjects: Array<{ subjectId: string; name?: string; category?: string; score: ScoreResult; grade: GradeResult }>;
  /** Subjects that could not be scored; they are left out of grading. */
  errors: Array<RuleSetError & { subjectId?: string }>;
}

function cohortOf(input: unknown): CohortInput {
  const cohort = input as CohortInput;
  if (typeof cohort !== 'object' || cohort === null || !Array.isArray(cohort.subjects)) {
    throw new ScoringInputError('subjects', 'cohort.subjects', '试算输入应为对象，subjects 为考核对象列表', 'The cohort input must be an object with a subjects list');
  }
  return cohort;
}

export function dryRun(ruleSet: RuleSet, cohortInput: unknown): DryRunResult {
  const cohort = cohortOf(cohortInput);
  const errors: DryRunResult['errors'] = [];
  const scored: Array<{ subject: CohortSubject; score: ScoreResult }> = [];
  const seen = new Set<string>();
  cohort.subjects.forEach((subject, i) => {
    try {
      const score = computeScore(ruleSet, subject);
      if (seen.has(subject.subjectId)) {
        throw new ScoringInputError('subjectId', 'cohort.duplicate', `考核对象「${subject.subjectId}」重复出现`, `Subject "${subject.subjectId}" appears twice`);
      }
      seen.add(subject.subjectId);
      scored.push({ subject, score });
    } catch (err) {
      if (!(err instanceof ScoringInputError)) throw err;
      errors.push({ subjectId: subject?.subjectId, ...err.toJSON(), path: `subjects[${i}].${err.path}` });
    }
  });
  const members: CohortMember[] = scored.map(({ subject, score }) => ({
    subjectId: subject.subjectId, category: subject.category, score, history: subject.history, bonusBase: subject.bonusBase,
  }));
  const grades = gradeCohort(ruleSet, members, cohort.context ?? {});
  return {
    ruleSet: { id: ruleSet.id, name: ruleSet.name, version: ruleSet.version },
    ...(cohort.cycle !== undefined && { cycle: cohort.cycle }),
    subjects: scored.map(({ subject, score }, i) => ({
      subjectId: subject.subjectId,
      ...(subject.name !== undefined && { name: subject.name }),
      ...(subject.category !== undefined && { category: subject.category }),
      score,
      grade: grades[i],
    })),
    errors,
  };
}

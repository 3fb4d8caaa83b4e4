import { Op, type Transaction } from 'sequelize';
import type { Models } from '../models/index.ts';
import type { ScoreRow } from '../models/records.ts';
import type { RuleSets } from './rule-sets.ts';
import type { Audit } from './audit.ts';
import type { Notifications } from './notifications.ts';
import type { ResultApplications } from './result-applications.ts';
import type { InTransaction } from '../db.ts';
import type { Engine, Variables } from '../../engine/port.ts';
import { gradeCohort, type GradeResult, type RuleSet } from '../scoring/index.ts';
import type { HistoryEntry } from '../scoring/apply-results.ts';
import { cycleKey, cycleSubjects } from './cycle-subjects.ts';

/** The message each person's evaluation waits for once the whole cohort of their cycle is graded. */
export const COHORT_GRADED = 'cohort-graded';
/** Long enough for the last person's own instance to reach its wait after it graded everyone. */
const COHORT_GRADED_TTL_MS = 7 * 24 * 3600 * 1000;

export interface CohortGradingDeps {
  models: Models;
  ruleSets: RuleSets;
  audit: Audit;
  notifications: Notifications;
  resultApplications: ResultApplications;
  inTransaction: InTransaction;
  engine: Pick<Engine, 'publishMessage'>;
}

/**
 * Levels that are "not up to standard" (不达标) in a rule set: those its consecutive-results rules count (001: 基本称职
 * and 不称职), else the level given to everyone not placed by a rule.
 */
export function belowStandardLevels(ruleSet: RuleSet): string[] {
  const counted = (ruleSet.grading?.consecutive ?? []).flatMap((rule) => rule.levels ?? []);
  return counted.length ? [...new Set(counted)] : ruleSet.grading?.otherwise ? [ruleSet.grading.otherwise] : [];
}

/** What a person's instance learns of their grade: shown on the feedback forms, deciding improvement plan and talk. */
export function gradeVariables(grade: GradeResult, ruleSet: RuleSet): Variables {
  return {
    grade: grade.levelLabel,
    gradeCode: grade.level,
    finalScore: grade.total,
    rank: grade.rank,
    cohortSize: grade.cohortSize,
    belowStandard: belowStandardLevels(ruleSet).includes(grade.level),
    consecutiveBelowStandard: grade.trace.some((t) => t.rule === 'consecutive'),
  };
}

/** Whose score it is: `user:<id>` or `unit:<id>`. */
const subjectOf = (score: ScoreRow) => (score.subjectUnitId !== null ? `unit:${score.subjectUnitId}` : `user:${score.subjectUserId}`);

/**
 * Grading the cohort of a cycle (评定等次): every person (or unit) of the cycle, graded together with the cycle's rule set
 * as in force for its unit, once everyone is scored. Each person's instance then hears its grade by message. A
 * regrade (after an upheld appeal) grades again, tells everyone whose grade changed, and applies their results again.
 */
export function createCohortGrading(deps: CohortGradingDeps) {
  const { models } = deps;

  /** Earlier grades of each person or unit under the same rule set, oldest first (for 连续两次不达标 / 不合格). */
  async function histories(scores: ScoreRow[], transaction: Transaction): Promise<Map<string, HistoryEntry[]>> {
    const ids = (column: 'subjectUserId' | 'subjectUnitId') => scores.map((s) => s[column]).filter((id): id is number => id !== null);
    const earlier = await models.Score.findAll({
      where: { [Op.or]: [{ subjectUserId: ids('subjectUserId') }, { subjectUnitId: ids('subjectUnitId') }], id: { [Op.notIn]: scores.map((s) => s.id) }, gradeDetail: { [Op.ne]: null } },
      order: [['period', 'ASC'], ['id', 'ASC']],
      raw: true,
      transaction,
    });
    const bySubject = new Map<string, HistoryEntry[]>();
    for (const score of scores) {
      const own = earlier.filter((e) => subjectOf(e) === subjectOf(score) && e.ruleSet === score.ruleSet && e.period < score.period);
      bySubject.set(subjectOf(score), own.map((e) => ({ level: (JSON.parse(e.gradeDetail!) as GradeResult).level })));
    }
    return bySubject;
  }

  /** Grades the cycle's cohort; answers with the grade of `subjectUserId` (the person whose instance asked) when given. */
  async function grade(cycleId: number, mode: 'whenComplete' | 'regrade' | 'now', subjectUserId?: number) {
    const cycle = await models.Cycle.findByPk(cycleId, { raw: true });
    if (!cycle) throw new Error(`考核周期 ${cycleId} 不存在 / no cycle ${cycleId}`);
    const { ruleSet } = await deps.ruleSets.inForce(cycle.ruleSet, cycle.unitId);
    const subjects = cycleSubjects(models, cycle.subjectKind);
    const outcome = await deps.inTransaction(async (transaction) => {
      const members = await subjects.table.count({ where: { cycleId, status: 'started' }, transaction });
      const scores = await models.Score.findAll({ where: { cycleId }, order: [['id', 'ASC']], raw: true, transaction });
      if (mode === 'whenComplete' && scores.length < members) return { complete: false as const, scored: scores.length, members };
      const history = await histories(scores, transaction);
      const grades = gradeCohort(
        ruleSet,
        scores.map((s) => ({ subjectId: String(s.id), category: s.category ?? undefined, score: { total: Number(s.total).toFixed(2), ...JSON.parse(s.detail) }, history: history.get(subjectOf(s)) })),
      );
      const byScore = new Map(scores.map((s) => [String(s.id), s]));
      const changed: Array<{ score: ScoreRow; grade: GradeResult }> = [];
      for (const result of grades) {
        const score = byScore.get(result.subjectId)!;
        if (score.grade !== null && score.grade !== result.levelLabel) changed.push({ score, grade: result });
        await models.Score.update({ grade: result.levelLabel, gradeDetail: JSON.stringify(result) }, { where: { id: score.id }, transaction });
      }
      await deps.audit.record({ actor: 'system', action: mode === 'regrade' ? 'cohort.regrade' : 'cohort.grade', target: `cycle:${cycleId}`, detail: { graded: grades.length, changed: changed.map((c) => ({ subject: subjectOf(c.score), from: c.score.grade, to: c.grade.levelLabel })) } }, transaction);
      const people = changed.filter((c): c is { score: ScoreRow & { subjectUserId: number }; grade: GradeResult } => c.score.subjectUserId !== null);
      for (const { score, grade: result } of people) {
        await deps.notifications.send(
          score.subjectUserId,
          {
            kind: 'grade.changed',
            zh: `经复核，您在「${cycle.name}」中的等次由「${score.grade}」调整为「${result.levelLabel}」`,
            en: `After a review, your grade in "${cycle.name}" changed from "${score.grade}" to "${result.levelLabel}"`,
            link: '/results',
          },
          transaction,
        );
      }
      await deps.resultApplications.reapply(cycleId, people.map((c) => c.score.subjectUserId), transaction);
      return { complete: true as const, grades, scores, changed };
    });
    if (!outcome.complete) return { cohortComplete: false, scored: outcome.scored, members: outcome.members };
    if (mode !== 'regrade') {
      const idOf = (s: ScoreRow) => (subjects.kind === 'unit' ? s.subjectUnitId : s.subjectUserId)!;
      const keys = await subjects.describe(outcome.scores.map(idOf));
      const byScore = new Map(outcome.scores.map((s) => [String(s.id), s]));
      for (const result of outcome.grades) {
        const key = keys.get(idOf(byScore.get(result.subjectId)!))!.key;
        await deps.engine.publishMessage(COHORT_GRADED, cycleKey(cycleId, key), gradeVariables(result, ruleSet), { timeToLiveMs: COHORT_GRADED_TTL_MS });
      }
    }
    const own = outcome.scores.find((s) => s.subjectUserId === subjectUserId);
    const ownGrade = own && outcome.grades.find((g) => g.subjectId === String(own.id));
    return { cohortComplete: true, graded: outcome.grades.length, ...(mode === 'regrade' && ownGrade ? gradeVariables(ownGrade, ruleSet) : {}) };
  }

  return { grade };
}

export type CohortGrading = ReturnType<typeof createCohortGrading>;

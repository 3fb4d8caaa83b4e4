import type { JobHandler } from '../port.ts';
import type { Platform } from '../../server/platform.ts';
import { gradeCohort, type CohortMember } from '../../server/scoring/index.ts';
import { subtree } from '../../server/auth/scope.ts';

/**
 * `grade-cohort` (评定等次). In a cycle: grades the cycle's cohort once everyone is scored and tells each person's
 * instance its grade (server/services/cohort-grading.ts); header `mode` = `regrade` grades again after an upheld
 * appeal. Outside a cycle: grades every score of one period and rule set in a unit subtree as one cohort, with the
 * grade rules of the rule set in force for that unit, and stores each grade with the trace of why.
 */
export function gradeCohortWorker(p: Platform): JobHandler {
  return async ({ variables, customHeaders }) => {
    if (typeof variables.cycleId === 'number') return p.cohortGrading.grade(variables.cycleId, customHeaders.mode === 'regrade' ? 'regrade' : 'whenComplete', Number(variables.subjectUserId));
    const cohortUnitId = Number(variables.cohortUnitId ?? variables.unitId);
    const period = String(variables.period ?? '');
    const code = customHeaders.ruleSet ?? 'chengdu-2024';
    const { ruleSet } = await p.ruleSets.inForce(code, cohortUnitId);
    const units = [...subtree(await p.models.Unit.findAll({ attributes: ['id', 'parentId'], raw: true }), cohortUnitId)];
    const scores = await p.models.Score.findAll({ where: { period, ruleSet: code, unitId: units }, raw: true });
    const members: CohortMember[] = scores.map((s) => ({
      subjectId: String(s.id),
      category: s.category ?? undefined,
      score: { total: Number(s.total).toFixed(2), ...JSON.parse(s.detail) },
    }));
    const grades = gradeCohort(ruleSet, members);
    await p.inTransaction(async (transaction) => {
      for (const grade of grades) {
        await p.models.Score.update({ grade: grade.levelLabel, gradeDetail: JSON.stringify(grade) }, { where: { id: Number(grade.subjectId) }, transaction });
      }
      await p.audit.record({ actor: 'system', action: 'cohort.grade', target: `cohort:${code}:${period}:${cohortUnitId}`, detail: { graded: grades.length } }, transaction);
    });
    return { graded: grades.length };
  };
}

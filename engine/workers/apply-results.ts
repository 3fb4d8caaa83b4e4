import type { JobHandler } from '../port.ts';
import type { Platform } from '../../server/platform.ts';

/**
 * `apply-results` (结果运用): once a person's appeal window has closed or their appeal is answered, their final
 * grade of the cycle becomes their bonus coefficient, lists and follow-up actions (server/services/result-applications.ts).
 */
export function applyResultsWorker(p: Platform): JobHandler {
  return async ({ variables }) => {
    if (typeof variables.cycleId !== 'number') throw new Error('结果运用只用于考核周期内的流程（缺少 cycleId）/ apply-results needs a cycleId');
    const cycleId = variables.cycleId;
    const applied = await p.inTransaction((transaction) => p.resultApplications.apply(cycleId, Number(variables.subjectUserId), transaction));
    return { appliedGrade: applied.grade, bonusCoefficient: applied.bonusCoefficient, resultLists: applied.lists };
  };
}

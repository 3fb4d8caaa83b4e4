import type { JobHandler } from '../port.ts';
import type { Platform } from '../../server/platform.ts';
import { planTargets } from '../../server/services/plans/plan-targets.ts';

/**
 * `publish-plan` (发布绩效计划): stores the approved targets as the subject's published plan for the period. The
 * task header `subject` says whose: `person` (the commitment letter of `subjectUserId`, filled on the form
 * `commitment-letter`) or `unit` (the annual targets of `subjectUnitId`, filled on `unit-targets`).
 */
export function publishPlanWorker(p: Platform): JobHandler {
  return async ({ variables, customHeaders, instanceKey }) => {
    const unitPlan = customHeaders.subject === 'unit';
    const subjectUserId = unitPlan ? null : Number(variables.subjectUserId);
    const unitId = Number(unitPlan ? variables.subjectUnitId : variables.unitId);
    if ((!unitPlan && !Number.isInteger(subjectUserId)) || !Number.isInteger(unitId)) {
      throw new Error(`缺少考核对象变量（subjectUserId / subjectUnitId / unitId）/ the subject variables are missing`);
    }
    const published = await p.plans.publication.publish({
      instanceKey,
      subjectKind: unitPlan ? 'unit' : 'person',
      subjectUserId,
      unitId,
      period: String(variables.period ?? ''),
      targets: planTargets(variables.targets),
      fillForm: unitPlan ? 'unit-targets' : 'commitment-letter',
    });
    return { planId: published.planId, planVersion: published.version };
  };
}

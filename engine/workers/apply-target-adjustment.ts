import type { JobHandler } from '../port.ts';
import type { Platform } from '../../server/platform.ts';
import { planTargets } from '../../server/services/plans/plan-targets.ts';

/**
 * `apply-target-adjustment` (应用目标调整): makes the approved targets a new version of the published plan, keeping
 * the old ones. Refused with the BPMN error `adjustment-refused` (variable `refusal`) when the request was made
 * after the cut-off in force or the plan changed since the request.
 */
export function applyTargetAdjustmentWorker(p: Platform): JobHandler {
  return async ({ variables, instanceKey }) => {
    const applied = await p.plans.publication.applyAdjustment({
      instanceKey,
      planId: Number(variables.planId),
      baseVersion: Number(variables.baseVersion),
      targets: planTargets(variables.targets),
      reason: String(variables.adjustmentReason ?? ''),
      requestedBy: String(variables.requestedBy ?? ''),
      requestedAt: new Date(String(variables.requestedAt)),
    });
    return { planVersion: applied.version };
  };
}

import type { Models } from '../../models/index.ts';
import type { SessionUser } from '../../auth/session-user.ts';
import type { Scope } from '../../auth/scope.ts';
import { MANAGERS } from '../../auth/roles.ts';
import type { Audit } from '../audit.ts';
import type { FormRegistry } from '../forms.ts';
import type { Engine } from '../../../engine/port.ts';
import type { Cutoffs } from './cutoffs.ts';
import type { PlanRow, PlanTables } from './tables.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import { validateSubmission } from '../../../forms/validate-submission.ts';
import { planTargets } from './plan-targets.ts';
import { requestInTime } from './adjustment-cutoff.ts';
import { bureauHead } from './bureau-head.ts';
import { leaderNamed } from './approvers.ts';

export interface AdjustmentRequest {
  adjustmentReason: string;
  targets: unknown[];
  /** for a unit's targets: the leader in charge (分管领导) who approves first; a person's own is used otherwise */
  leaderInCharge?: string;
}

/** A person's targets add up to 100 points (commitment letter); a unit's total is the rule set's business. */
export const PERSON_POINTS_TOTAL = 100;

/**
 * 目标调整申请 (002 §8): a written request to change published targets, before the cut-off, by the person (or the
 * unit's admin) or a manager in scope; it starts the target-adjustment process (leader in charge → director →
 * applied).
 */
export function createAdjustmentRequests(deps: { models: Models; tables: PlanTables; scope: Scope; audit: Audit; forms: FormRegistry; engine: Engine; cutoffs: Cutoffs }) {
  const { models } = deps;

  async function mayRequest(plan: PlanRow, user: SessionUser) {
    if (plan.subjectKind === 'person' && plan.subjectUserId === user.id) return true;
    return (await deps.scope.unitsFor(user, MANAGERS)).has(plan.unitId);
  }

  async function firstApprover(plan: PlanRow, named: string | undefined): Promise<string> {
    if (plan.subjectKind === 'unit') {
      if (!named) throw new AppError(400, 'plan.leader_required', '单位目标调整须指定分管领导', 'A unit target adjustment needs the leader in charge');
      return leaderNamed(models, named);
    }
    const person = await models.User.findByPk(plan.subjectUserId!, { raw: true });
    const leader = person?.leaderInChargeId ? await models.User.findOne({ where: { id: person.leaderInChargeId, active: true }, raw: true }) : null;
    if (!leader) throw new AppError(409, 'plan.no_leader', '未设置分管领导，无法审核调整申请', 'No leader in charge is set to approve the request');
    return leader.username;
  }

  return async function request(plan: PlanRow, user: SessionUser, body: AdjustmentRequest) {
    if (!(await mayRequest(plan, user))) throw forbidden();
    const now = new Date();
    const cutoff = await deps.cutoffs.inForce(plan.unitId, plan.period);
    if (!requestInTime(now, cutoff.lastDay)) {
      throw new AppError(409, 'plan.adjustment_closed', `${plan.period} 年度目标调整已于 ${cutoff.lastDay} 截止，不能再申请调整`, `Target adjustments for ${plan.period} closed on ${cutoff.lastDay}`);
    }
    const { form } = await deps.forms.latest('target-adjustment');
    const shown = plan.subjectKind === 'person' ? { requiredTotal: PERSON_POINTS_TOTAL } : {};
    const checked = validateSubmission(form, { adjustmentReason: body.adjustmentReason, targets: body.targets }, shown);
    if (!checked.ok) throw new AppError(400, 'form.invalid', '表单填写有误，请按提示修改', 'The form has errors, please correct them', checked.errors);
    const current = await deps.tables.PlanVersion.findOne({ where: { planId: plan.id, version: plan.version }, raw: true });
    const subject = plan.subjectUserId ? await models.User.findByPk(plan.subjectUserId, { raw: true }) : null;
    const unit = await models.Unit.findByPk(plan.unitId, { raw: true });
    const variables = {
      staff: user.username,
      ...(subject ? { subjectUserId: subject.id } : { subjectUnitId: plan.unitId }),
      subjectName: subject?.displayName ?? unit?.name ?? '',
      unitId: plan.unitId,
      period: plan.period,
      planId: plan.id,
      baseVersion: plan.version,
      previousTargets: current ? JSON.parse(current.targets) : [],
      targets: planTargets(checked.data.targets),
      adjustmentReason: String(checked.data.adjustmentReason),
      requestedBy: user.username,
      requestedAt: now.toISOString(),
      leaderInCharge: await firstApprover(plan, body.leaderInCharge),
      director: await bureauHead(models, plan.unitId),
    };
    const started = await deps.engine.start('target-adjustment', variables, {
      unitId: plan.unitId,
      unitChain: await deps.scope.ancestry(plan.unitId),
      businessKey: `target-adjustment:${plan.subjectKey}:${plan.period}`,
      within: (transaction, instanceKey) =>
        deps.audit.record({ actor: user.username, action: 'plan.adjust.request', target: `plan:${plan.id}`, detail: { instanceKey, reason: variables.adjustmentReason, baseVersion: plan.version } }, transaction),
    });
    return { instanceId: started.instanceKey, cutoff: cutoff.lastDay };
  };
}

import type { Models } from '../../models/index.ts';
import type { SessionUser } from '../../auth/session-user.ts';
import type { Scope } from '../../auth/scope.ts';
import type { Audit } from '../audit.ts';
import type { Engine } from '../../../engine/port.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { bureauHead } from './bureau-head.ts';
import { unitAdminOf } from './unit-admin.ts';
import { approverNamed, leaderNamed } from './approvers.ts';
import { defaultLastDay } from './adjustment-cutoff.ts';

export interface UnitProposal {
  unitId: number;
  period: string;
  /** the head of the responsible department (局机关相关科室) who reviews first */
  departmentReviewer: string;
  leaderInCharge: string;
}

/**
 * 单位年度目标申报 (002 §7): the office asks a unit for its annual targets; the unit's admin proposes them and they go
 * up the chain (responsible department → leader in charge → office consolidates → director on behalf of the
 * bureau meeting) to publication. A unit's process gets these variables instead of a person's.
 */
export function createUnitProposals(deps: { models: Models; scope: Scope; audit: Audit; engine: Engine }) {
  const { models } = deps;

  return async function propose(proposal: UnitProposal, user: SessionUser) {
    const unit = await models.Unit.findByPk(proposal.unitId, { raw: true });
    if (!unit || !(await deps.scope.unitsFor(user, ['admin', 'office'])).has(unit.id)) throw notFound('unit', '单位');
    if (!defaultLastDay(proposal.period)) throw new AppError(400, 'plan.period_invalid', `考核期间「${proposal.period}」没有年份`, `The period "${proposal.period}" names no year`);
    const variables = {
      unitAdmin: await unitAdminOf(models, unit.id),
      departmentReviewer: await approverNamed(models, proposal.departmentReviewer),
      leaderInCharge: await leaderNamed(models, proposal.leaderInCharge),
      director: await bureauHead(models, unit.id),
      subjectUnitId: unit.id,
      subjectName: unit.name,
      unitId: unit.id,
      period: proposal.period,
    };
    const started = await deps.engine.start('unit-target-plan', variables, {
      unitId: unit.id,
      unitChain: await deps.scope.ancestry(unit.id),
      businessKey: `unit-target-plan:unit:${unit.id}:${proposal.period}`,
      within: (transaction, instanceKey) =>
        deps.audit.record({ actor: user.username, action: 'instance.start', target: `instance:${instanceKey}`, detail: { processId: 'unit-target-plan', unitId: unit.id, period: proposal.period } }, transaction),
    });
    return { instanceId: started.instanceKey, version: started.version };
  };
}

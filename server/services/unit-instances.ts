import type { Transaction } from 'sequelize';
import type { Models } from '../models/index.ts';
import type { CycleRow } from '../models/records.ts';
import type { SessionUser } from '../auth/session-user.ts';
import { MANAGERS } from '../auth/roles.ts';
import type { Scope } from '../auth/scope.ts';
import type { Audit } from './audit.ts';
import type { Plans } from './plans/index.ts';
import type { Engine } from '../../engine/port.ts';
import { AppError, forbidden, notFound } from '../http/errors.ts';
import { bureauHead } from './plans/bureau-head.ts';
import { unitAdminOf } from './plans/unit-admin.ts';
import { cycleKey } from './cycle-subjects.ts';

/**
 * Starting an organisational cycle's process for one unit (组织绩效, 002 §9–12). The unit's process gets, like a unit
 * target proposal: `unitAdmin` (who reports), `director` (the head of the assessing bureau: the cycle's unit or the
 * nearest one above it that names one), `subjectUnitId`, `subjectName`, `unitId`, `period`; and for the cycle:
 * `cycleId`, `ruleSet`, `cycleKey` (`<cycleId>:unit:<unitId>`), `category` (the unit's ranking category, G3),
 * `targets` (its published annual targets, which it reports against) and `leaders` (who vote, R3: everyone holding
 * the leader role in the units above it, and the director; a unit's own leaders do not vote on it).
 */
export function createUnitInstances(deps: { models: Models; scope: Scope; audit: Audit; engine: Engine; plans: Plans }) {
  const { models } = deps;

  async function leadersAbove(unitId: number, director: string): Promise<string[]> {
    const above = (await deps.scope.ancestry(unitId)).filter((id) => id !== unitId);
    const holders = await models.UserRole.findAll({ where: { role: 'leader', unitId: above }, attributes: ['userId'], raw: true });
    const people = await models.User.findAll({ where: { id: holders.map((h) => h.userId), active: true }, attributes: ['username'], raw: true });
    return [...new Set([director, ...people.map((p) => p.username)])].sort();
  }

  return async function startForUnit(cycle: CycleRow, unitId: number, actor: SessionUser | null, within: (transaction: Transaction, instanceKey: string) => Promise<void>) {
    const unit = await models.Unit.findByPk(unitId, { raw: true });
    if (!unit) throw notFound('unit', '单位');
    if (actor && !(await deps.scope.unitsFor(actor, MANAGERS)).has(unit.id)) throw forbidden();
    const targets = await deps.plans.unitTargetsOf(unit.id, cycle.period);
    if (!targets.length) {
      throw new AppError(409, 'cycle.unit_no_targets', `「${unit.name}」尚未发布 ${cycle.period} 年度目标`, `"${unit.name}" has no published targets for ${cycle.period}`);
    }
    const director = await bureauHead(models, cycle.unitId);
    const variables = {
      unitAdmin: await unitAdminOf(models, unit.id),
      director,
      leaders: await leadersAbove(unit.id, director),
      subjectUnitId: unit.id,
      subjectName: unit.name,
      unitId: unit.id,
      category: unit.category,
      targets,
      period: cycle.period,
      cycleId: cycle.id,
      ruleSet: cycle.ruleSet,
      cycleKey: cycleKey(cycle.id, `unit:${unit.id}`),
    };
    const started = await deps.engine.start(cycle.processId, variables, {
      unitId: unit.id,
      unitChain: await deps.scope.ancestry(unit.id),
      businessKey: `${cycle.processId}:unit:${unit.id}:${cycle.period}`,
      within,
    });
    await deps.audit.record({ actor: actor?.username ?? 'system', action: 'instance.start', target: `instance:${started.instanceKey}`, detail: { processId: cycle.processId, unitId: unit.id, period: cycle.period } });
    return { instanceId: started.instanceKey, version: started.version };
  };
}

export type StartForUnit = ReturnType<typeof createUnitInstances>;

import type { Models } from '../../models/index.ts';
import type { SessionUser } from '../../auth/session-user.ts';
import { MANAGERS } from '../../auth/roles.ts';
import type { Scope } from '../../auth/scope.ts';
import type { Audit } from '../audit.ts';
import type { FormRegistry } from '../forms.ts';
import type { InTransaction } from '../../db.ts';
import type { Engine } from '../../../engine/port.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { isoDate } from '../../http/iso-date.ts';
import { planTables, type PlanRow, type PlanVersionRow } from './tables.ts';
import { coreTasks, planTargets, type CoreTask, type PlanTarget } from './plan-targets.ts';
import { createCutoffs } from './cutoffs.ts';
import { createPublication, subjectKey } from './publication.ts';
import { createAdjustmentRequests, type AdjustmentRequest } from './adjustment-requests.ts';
import { createUnitProposals } from './unit-proposals.ts';
import { mayRead, planReach, reachCondition } from './plan-readers.ts';

export interface PlanDeps {
  models: Models;
  scope: Scope;
  audit: Audit;
  forms: FormRegistry;
  engine: Engine;
  inTransaction: InTransaction;
}

/**
 * The plan stage (绩效计划): published plans per person or unit and period with every version of their targets,
 * adjustment requests and their cut-off, the unit target proposals, and the core tasks the evaluation reads.
 */
export function createPlans(deps: PlanDeps) {
  const { models } = deps;
  const tables = planTables(models.User.sequelize!);
  const cutoffs = createCutoffs(tables, deps.scope, deps.audit);
  const publication = createPublication({ models, tables, audit: deps.audit, inTransaction: deps.inTransaction, cutoffs });
  const requestAdjustment = createAdjustmentRequests({ ...deps, tables, cutoffs });

  async function present(plans: PlanRow[]) {
    const people = new Map((await models.User.findAll({ where: { id: plans.map((p) => p.subjectUserId).filter((id): id is number => id !== null) }, raw: true })).map((u) => [u.id, u]));
    const units = new Map((await models.Unit.findAll({ where: { id: plans.map((p) => p.unitId) }, raw: true })).map((u) => [u.id, u.name]));
    const current = await tables.PlanVersion.findAll({ where: { planId: plans.map((p) => p.id) }, raw: true });
    return plans.map((plan) => {
      const person = plan.subjectUserId === null ? undefined : people.get(plan.subjectUserId);
      const inForce = current.find((v) => v.planId === plan.id && v.version === plan.version);
      return {
        id: plan.id,
        subjectKind: plan.subjectKind,
        subject: person ? { username: person.username, displayName: person.displayName } : null,
        unit: { id: plan.unitId, name: units.get(plan.unitId) ?? null },
        period: plan.period,
        version: plan.version,
        targets: inForce ? planTargets(JSON.parse(inForce.targets)) : [],
        publishedAt: isoDate(plan.publishedAt),
        updatedAt: isoDate(plan.updatedAt),
      };
    });
  }

  const presentVersion = (v: PlanVersionRow) => ({
    version: v.version,
    kind: v.kind,
    targets: planTargets(JSON.parse(v.targets)),
    reason: v.reason,
    requestedBy: v.requestedBy,
    requestedAt: isoDate(v.requestedAt),
    approvals: JSON.parse(v.approvals) as unknown[],
    instanceId: v.instanceKey,
    createdAt: isoDate(v.createdAt),
  });

  async function targetsInForce(key: string, period: string): Promise<PlanTarget[]> {
    const plan = await tables.Plan.findOne({ where: { subjectKey: key, period }, raw: true });
    if (!plan) return [];
    const inForce = await tables.PlanVersion.findOne({ where: { planId: plan.id, version: plan.version }, raw: true });
    return inForce ? planTargets(JSON.parse(inForce.targets)) : [];
  }

  async function find(id: number, user: SessionUser): Promise<PlanRow> {
    const plan = await tables.Plan.findByPk(id, { raw: true });
    if (!plan || !mayRead(await planReach(models, deps.scope, user), plan)) throw notFound('plan', '绩效计划');
    return plan;
  }

  return {
    tables,
    cutoffs,
    publication,
    proposeUnitTargets: createUnitProposals(deps),

    /** Published plans the caller may read, optionally of one period and one person (whom the caller must reach). */
    async list(user: SessionUser, filter: { period?: string; userId?: number }) {
      const reach = await planReach(models, deps.scope, user);
      if (filter.userId !== undefined && !reach.userIds.has(filter.userId)) {
        const person = await models.User.findByPk(filter.userId, { raw: true });
        if (!person || !reach.unitIds.has(person.unitId)) throw forbidden();
      }
      const rows = await tables.Plan.findAll({
        where: { ...reachCondition(reach), ...(filter.period ? { period: filter.period } : {}), ...(filter.userId !== undefined ? { subjectUserId: filter.userId } : {}) },
        order: [['period', 'DESC'], ['id', 'ASC']],
        raw: true,
      });
      return present(rows);
    },

    /** A plan with every version, oldest first: what changed, who asked, when, why, and who approved. */
    async get(id: number, user: SessionUser) {
      const plan = await find(id, user);
      const [presented] = await present([plan]);
      const versions = await tables.PlanVersion.findAll({ where: { planId: plan.id }, order: [['version', 'ASC']], raw: true });
      return { ...presented, versions: versions.map(presentVersion) };
    },

    async requestAdjustment(id: number, user: SessionUser, body: AdjustmentRequest) {
      return requestAdjustment(await find(id, user), user, body);
    },

    /** The cut-off in force for a unit (the caller's own unit unless given) and period. */
    async cutoff(user: SessionUser, period: string, unitId = user.unit.id) {
      const mine = await deps.scope.ancestry(user.unit.id);
      if (!mine.includes(unitId) && !(await deps.scope.unitsFor(user, MANAGERS)).has(unitId)) throw notFound('unit', '单位');
      return cutoffs.inForce(unitId, period);
    },

    async setCutoff(user: SessionUser, setting: { period: string; unitId?: number; lastDay: string }) {
      const office = user.roles.find((r) => r.role === 'office' || r.role === 'admin');
      const unitId = setting.unitId ?? office?.unitId;
      if (unitId === undefined || !(await deps.scope.unitsFor(user, ['admin', 'office'])).has(unitId)) throw forbidden();
      await deps.inTransaction((transaction) => cutoffs.set(unitId, setting.period, setting.lastDay, user.username, transaction));
      return cutoffs.inForce(unitId, setting.period);
    },

    /** The published core tasks of a person for a period (the version in force), [] when none is published. */
    async coreTasksOf(userId: number, period: string): Promise<CoreTask[]> {
      return coreTasks(await targetsInForce(subjectKey('person', userId, 0), period));
    },

    /** The published annual targets of a unit for a period (单位年度目标, the version in force), [] when none is published. */
    async unitTargetsOf(unitId: number, period: string): Promise<CoreTask[]> {
      return coreTasks(await targetsInForce(subjectKey('unit', null, unitId), period));
    },
  };
}

export type Plans = ReturnType<typeof createPlans>;

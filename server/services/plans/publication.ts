import type { Transaction } from 'sequelize';
import type { Models } from '../../models/index.ts';
import type { Audit } from '../audit.ts';
import type { InTransaction } from '../../db.ts';
import type { Cutoffs } from './cutoffs.ts';
import type { PlanRow, PlanSubjectKind, PlanTables } from './tables.ts';
import type { PlanTarget } from './plan-targets.ts';
import { approvalTrail, lastFilled, type TrailSubmission } from './approval-trail.ts';
import { requestInTime } from './adjustment-cutoff.ts';
import { BpmnError } from '../../../engine/bpmn-error.ts';

export interface Publication {
  instanceKey: string;
  subjectKind: PlanSubjectKind;
  subjectUserId: number | null;
  unitId: number;
  period: string;
  targets: PlanTarget[];
  /** the form that filled the plan in: who submitted it last is who requested it */
  fillForm: string;
}

export interface Adjustment {
  instanceKey: string;
  planId: number;
  /** the version the request was made against */
  baseVersion: number;
  targets: PlanTarget[];
  reason: string;
  requestedBy: string;
  requestedAt: Date;
}

/** The BPMN error the target-adjustment process catches when an approved adjustment may not be applied. */
export const ADJUSTMENT_REFUSED = 'adjustment-refused';

export const subjectKey = (kind: PlanSubjectKind, subjectUserId: number | null, unitId: number) => (kind === 'person' ? `user:${subjectUserId}` : `unit:${unitId}`);

/**
 * Storing what the plan processes decide, called by their job workers: the published plan (发布) and each applied
 * adjustment (目标调整) as a new version, keeping every earlier one. A redelivered job finds the version its
 * instance already stored and stores nothing.
 */
export function createPublication(deps: { models: Models; tables: PlanTables; audit: Audit; inTransaction: InTransaction; cutoffs: Cutoffs }) {
  const { models, tables } = deps;

  async function trail(instanceKey: string, transaction: Transaction): Promise<TrailSubmission[]> {
    const submissions = await models.Submission.findAll({ where: { instanceKey }, raw: true, transaction });
    const steps = new Map((await models.Task.findAll({ where: { instanceKey }, attributes: ['id', 'name'], raw: true, transaction })).map((t) => [t.id, t.name]));
    return submissions.map((s) => ({ formKey: s.formKey, step: steps.get(s.taskId) ?? '', submittedBy: s.submittedBy, at: new Date(s.createdAt), data: JSON.parse(s.data) }));
  }

  async function alreadyStored(instanceKey: string, transaction: Transaction) {
    return tables.PlanVersion.findOne({ where: { instanceKey }, raw: true, transaction });
  }

  async function addVersion(plan: PlanRow, fields: { kind: 'publish' | 'adjust'; targets: PlanTarget[]; reason: string | null; requestedBy: string; requestedAt: Date; instanceKey: string }, transaction: Transaction) {
    const version = plan.version + 1;
    const approvals = approvalTrail(await trail(fields.instanceKey, transaction));
    await tables.PlanVersion.create(
      { planId: plan.id, version, kind: fields.kind, targets: JSON.stringify(fields.targets), reason: fields.reason, requestedBy: fields.requestedBy, requestedAt: fields.requestedAt, approvals: JSON.stringify(approvals), instanceKey: fields.instanceKey, createdAt: new Date() },
      { transaction },
    );
    await tables.Plan.update({ version, updatedAt: new Date() }, { where: { id: plan.id }, transaction });
    return version;
  }

  return {
    /** 发布: the approved plan becomes the subject's plan for the period (a new version if one was published before). */
    async publish(p: Publication): Promise<{ planId: number; version: number }> {
      return deps.inTransaction(async (transaction) => {
        const stored = await alreadyStored(p.instanceKey, transaction);
        if (stored) return { planId: stored.planId, version: stored.version };
        const key = subjectKey(p.subjectKind, p.subjectUserId, p.unitId);
        const now = new Date();
        const plan =
          (await tables.Plan.findOne({ where: { subjectKey: key, period: p.period }, raw: true, transaction, lock: transaction.LOCK.UPDATE })) ??
          (await tables.Plan.create({ subjectKind: p.subjectKind, subjectUserId: p.subjectUserId, unitId: p.unitId, subjectKey: key, period: p.period, version: 0, publishedAt: now, updatedAt: now }, { transaction })).get({ plain: true });
        const filled = lastFilled(await trail(p.instanceKey, transaction), p.fillForm);
        const version = await addVersion(plan, { kind: 'publish', targets: p.targets, reason: null, requestedBy: filled?.submittedBy ?? 'system', requestedAt: filled?.at ?? now, instanceKey: p.instanceKey }, transaction);
        await deps.audit.record({ actor: 'system', action: 'plan.publish', target: `plan:${plan.id}`, detail: { subject: key, period: p.period, version, instanceKey: p.instanceKey } }, transaction);
        return { planId: plan.id, version };
      });
    },

    /**
     * 目标调整: applies an approved adjustment when it was requested on or before the cut-off in force now (the
     * request date counts, not the approval date) and the plan has not changed since; otherwise refuses it with a
     * BPMN error the process catches, and the plan stays as it was.
     */
    async applyAdjustment(a: Adjustment): Promise<{ version: number }> {
      type Outcome = { applied: number } | { refused: { code: string; zh: string; en: string } };
      const outcome = await deps.inTransaction(async (transaction): Promise<Outcome> => {
        const stored = await alreadyStored(a.instanceKey, transaction);
        if (stored) return { applied: stored.version };
        const plan = await tables.Plan.findByPk(a.planId, { raw: true, transaction, lock: transaction.LOCK.UPDATE });
        if (!plan) throw new Error(`绩效计划 ${a.planId} 不存在 / no plan ${a.planId}`);
        const cutoff = await deps.cutoffs.inForce(plan.unitId, plan.period, transaction);
        if (!requestInTime(a.requestedAt, cutoff.lastDay)) {
          return { refused: { code: 'cutoff_passed', zh: `申请提交时已过调整截止日期 ${cutoff.lastDay}，目标未调整`, en: `The request was made after the cut-off ${cutoff.lastDay}; the targets were not changed` } };
        }
        if (plan.version !== a.baseVersion) {
          return { refused: { code: 'plan_changed', zh: `申请提交后计划已更新为第 ${plan.version} 版，请按新版本重新申请`, en: `The plan changed to version ${plan.version} after the request; request again against it` } };
        }
        const version = await addVersion(plan, { kind: 'adjust', targets: a.targets, reason: a.reason, requestedBy: a.requestedBy, requestedAt: a.requestedAt, instanceKey: a.instanceKey }, transaction);
        await deps.audit.record({ actor: 'system', action: 'plan.adjust', target: `plan:${plan.id}`, detail: { version, reason: a.reason, requestedBy: a.requestedBy, instanceKey: a.instanceKey } }, transaction);
        return { applied: version };
      });
      if (!('refused' in outcome)) return { version: outcome.applied };
      await deps.audit.record({ actor: 'system', action: 'plan.adjust.refused', target: `plan:${a.planId}`, detail: { ...outcome.refused, instanceKey: a.instanceKey } });
      throw new BpmnError(ADJUSTMENT_REFUSED, outcome.refused.en, { refusal: outcome.refused });
    },
  };
}

export type PlanPublication = ReturnType<typeof createPublication>;

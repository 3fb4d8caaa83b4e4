import type { Models } from '../models/index.ts';
import type { CycleRow } from '../models/records.ts';
import type { SessionUser } from '../auth/session-user.ts';
import { MANAGERS } from '../auth/roles.ts';
import type { Scope } from '../auth/scope.ts';
import type { Audit } from './audit.ts';
import type { Cycles } from './cycles.ts';
import type { ResultApplications } from './result-applications.ts';
import type { InTransaction } from '../db.ts';
import type { Engine } from '../../engine/port.ts';
import { Op } from 'sequelize';
import { AppError, forbidden, notFound } from '../http/errors.ts';
import { subtree } from '../auth/scope.ts';

/** The message every person's cycle waits on between execution and evaluation. */
export const EVALUATION_OPENED = 'evaluation-opened';
/** People still planning when the evaluation opens get it when their plan is published, within the year. */
const EVALUATION_OPENED_TTL_MS = 366 * 24 * 3600 * 1000;

export interface CycleStageDeps {
  models: Models;
  scope: Scope;
  audit: Audit;
  cycles: Cycles;
  resultApplications: ResultApplications;
  inTransaction: InTransaction;
  engine: Pick<Engine, 'publishMessage'>;
}

/** What the performance office does to a whole cycle between its stages: open the evaluation, read the applied results. */
export function createCycleStages(deps: CycleStageDeps) {
  const { models } = deps;

  async function managed(id: number, user: SessionUser) {
    const cycle = await deps.cycles.get(id, user);
    if (!(await deps.scope.unitsFor(user, MANAGERS)).has(cycle.unitId)) throw forbidden();
    return cycle;
  }

  async function gradedCycleIds(): Promise<number[]> {
    const rows = await models.Score.findAll({ where: { cycleId: { [Op.ne]: null }, grade: { [Op.ne]: null } }, attributes: ['cycleId'], group: ['cycleId'], raw: true });
    return rows.map((r) => r.cycleId!);
  }

  /** The publicity of each cycle the user belongs to (their unit is in its subtree) or manages or leads. */
  async function publicities(user: SessionUser, cycles: CycleRow[]) {
    const units = await models.Unit.findAll({ attributes: ['id', 'name', 'parentId'], raw: true });
    const reading = await deps.scope.unitsFor(user, [...MANAGERS, 'leader']);
    const visible = cycles.filter((c) => subtree(units, c.unitId).has(user.unit.id) || reading.has(c.unitId));
    const graded = await models.Score.findAll({ where: { cycleId: visible.map((c) => c.id), grade: { [Op.ne]: null } }, order: [['id', 'ASC']], raw: true });
    const people = new Map((await models.User.findAll({ where: { id: graded.map((s) => s.subjectUserId).filter((u): u is number => u !== null) }, raw: true })).map((u) => [u.id, u.displayName]));
    const unitNames = new Map(units.map((u) => [u.id, u.name]));
    return visible.map((cycle) => ({
      cycle: { id: cycle.id, name: cycle.name, period: cycle.period },
      entries: graded
        .filter((s) => s.cycleId === cycle.id)
        .map((s) => ({
          name: s.subjectUserId !== null ? people.get(s.subjectUserId) : unitNames.get(s.subjectUnitId ?? s.unitId),
          unit: unitNames.get(s.unitId),
          grade: s.grade,
        })),
    }));
  }

  return {
    /** 开启评价: every person of the cycle moves from execution to evaluation (those still planning, once published). */
    async openEvaluation(id: number, user: SessionUser) {
      const cycle = await managed(id, user);
      if (cycle.status !== 'launched') throw new AppError(409, 'cycle.not_launched', '考核周期尚未发起完成，不能开启评价', 'The cycle has not been launched completely yet');
      const [opened] = await models.Cycle.update({ evaluationOpenedAt: new Date() }, { where: { id, evaluationOpenedAt: null } });
      if (opened !== 1) throw new AppError(409, 'cycle.evaluation_open', '该考核周期已经开启评价', 'The evaluation of this cycle is already open');
      const members = await models.CycleMember.findAll({ where: { cycleId: id, status: 'started' }, attributes: ['userId'], raw: true });
      const people = await models.User.findAll({ where: { id: members.map((m) => m.userId) }, attributes: ['username'], raw: true });
      for (const person of people) {
        await deps.engine.publishMessage(EVALUATION_OPENED, `${id}:${person.username}`, {}, { timeToLiveMs: EVALUATION_OPENED_TTL_MS });
      }
      await deps.audit.record({ actor: user.username, action: 'cycle.open_evaluation', target: `cycle:${id}`, detail: { people: people.length } });
      return { ...(await deps.cycles.get(id, user)), opened: people.length };
    },

    /**
     * 公示: the grades of a cycle's cohort, once graded, to everyone of the cycle's units (and those who manage or lead
     * them) — names, units and grades, never scores or traces (001 §6: results are published through the publicity step).
     */
    async publicity(id: number, user: SessionUser) {
      const cycle = await models.Cycle.findByPk(id, { raw: true });
      const shown = cycle && (await publicities(user, [cycle]))[0];
      if (!shown) throw notFound('cycle', '考核周期');
      return shown;
    },

    /** 结果公示: every graded cycle the caller may see the publicity of, newest first. */
    async publicities(user: SessionUser) {
      const cycles = await models.Cycle.findAll({ where: { id: await gradedCycleIds() }, order: [['createdAt', 'DESC']], raw: true });
      return (await publicities(user, cycles)).filter((p) => p.entries.length);
    },

    /** 结果运用: each person's applied result and the lists they make, for those who manage or lead the cycle's unit. */
    async results(id: number, user: SessionUser) {
      await deps.cycles.get(id, user);
      return deps.resultApplications.ofCycle(id);
    },
  };
}

export type CycleStages = ReturnType<typeof createCycleStages>;

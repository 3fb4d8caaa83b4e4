import type { Models } from '../models/index.ts';
import type { SessionUser } from '../auth/session-user.ts';
import { MANAGERS } from '../auth/roles.ts';
import type { Scope } from '../auth/scope.ts';
import type { Audit } from './audit.ts';
import type { Cycles } from './cycles.ts';
import type { ResultApplications } from './result-applications.ts';
import type { InTransaction } from '../db.ts';
import type { Engine } from '../../engine/port.ts';
import { AppError, forbidden } from '../http/errors.ts';

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

    /** 结果运用: each person's applied result and the lists they make, for those who manage or lead the cycle's unit. */
    async results(id: number, user: SessionUser) {
      await deps.cycles.get(id, user);
      return deps.resultApplications.ofCycle(id);
    },
  };
}

export type CycleStages = ReturnType<typeof createCycleStages>;

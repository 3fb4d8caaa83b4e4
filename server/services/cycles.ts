import { Op, type Transaction } from 'sequelize';
import type { Logger } from 'pino';
import type { Models } from '../models/index.ts';
import type { CycleRow } from '../models/records.ts';
import type { SessionUser } from '../auth/session-user.ts';
import { MANAGERS } from '../auth/roles.ts';
import type { Scope } from '../auth/scope.ts';
import type { Audit } from './audit.ts';
import type { Processes } from './processes.ts';
import type { RuleSets } from './rule-sets.ts';
import type { InTransaction } from '../db.ts';
import { AppError, forbidden, notFound } from '../http/errors.ts';
import { isoDate } from '../http/iso-date.ts';
import { EngineError } from '../../engine/errors.ts';
import { taskLight, type Light } from './task-light.ts';
import { cycleSubjects } from './cycle-subjects.ts';
import type { StartForUnit } from './unit-instances.ts';

export interface CycleDeps {
  models: Models;
  scope: Scope;
  audit: Audit;
  processes: Processes;
  ruleSets: RuleSets;
  startForUnit: StartForUnit;
  inTransaction: InTransaction;
  logger: Logger;
}

export interface NewCycle {
  name: string;
  kind: CycleRow['kind'];
  /** person (default): every staff member of the subtree; unit: every unit below the cycle's unit */
  subjectKind?: CycleRow['subjectKind'];
  period: string;
  processId: string;
  ruleSet: string;
  unitId: number;
}

/** How many subjects a launch starts at once (the engine saves their new instances together). */
export const LAUNCH_BATCH = 50;

/**
 * Assessment cycles (考核周期): one process for every person (个人绩效) or every unit (组织绩效) of a unit subtree and
 * period. Launching records every subject first, then starts their instances in the background; each start marks
 * its subject in the same transaction, so an interrupted launch resumes where it stopped and nobody gets two
 * instances. A person or unit is assessed once per process and period, whatever the cycle (a unique index says so).
 */
export function createCycles(deps: CycleDeps) {
  const { models } = deps;
  const launching = new Map<number, Promise<void>>();

  async function find(id: number, user: SessionUser): Promise<CycleRow> {
    const cycle = await models.Cycle.findByPk(id, { raw: true });
    if (!cycle || !(await deps.scope.unitsFor(user, [...MANAGERS, 'leader'])).has(cycle.unitId)) throw notFound('cycle', '考核周期');
    return cycle;
  }

  async function progress(cycle: CycleRow) {
    const subjects = cycleSubjects(models, cycle.subjectKind);
    const counts = (await subjects.table.count({ where: { cycleId: cycle.id }, group: ['status'] })) as unknown as Array<{ status: string; count: number }>;
    const of = (status: string) => Number(counts.find((c) => c.status === status)?.count ?? 0);
    const failures = await subjects.table.findAll({ where: { cycleId: cycle.id, status: 'failed' }, limit: 50, raw: true });
    const names = await subjects.describe(failures.map(subjects.subjectId));
    return {
      total: of('pending') + of('started') + of('failed'),
      started: of('started'),
      pending: of('pending'),
      failed: of('failed'),
      failures: failures.map((f) => ({ [subjects.column]: subjects.subjectId(f), name: names.get(subjects.subjectId(f))?.name, error: f.error })),
    };
  }

  const present = async (cycle: CycleRow) => ({
    ...cycle,
    createdAt: isoDate(cycle.createdAt),
    launchedAt: isoDate(cycle.launchedAt),
    evaluationOpenedAt: isoDate(cycle.evaluationOpenedAt),
    progress: await progress(cycle),
  });

  /** Starts one subject's instance, marking its row started in the instance's own transaction. */
  async function start(cycle: CycleRow, row: { id: number; subjectId: number }, actor: SessionUser | null) {
    const subjects = cycleSubjects(models, cycle.subjectKind);
    const within = async (transaction: Transaction, instanceKey: string) => {
      const [marked] = await subjects.table.update({ status: 'started', instanceKey }, { where: { id: row.id, status: 'pending' }, transaction });
      if (marked !== 1) throw new AppError(409, 'cycle.member_started', '该考核对象已经发起', 'Already started for this subject');
    };
    if (cycle.subjectKind === 'unit') return deps.startForUnit(cycle, row.subjectId, actor, within);
    const person = await models.User.findByPk(row.subjectId, { raw: true });
    return deps.processes.startFor(cycle.processId, person!.username, actor, cycle.period, { cycleId: cycle.id, ruleSet: cycle.ruleSet, within });
  }

  /** Starts the instances of every subject still pending, in batches, until none is left. */
  async function run(cycle: CycleRow, actor: SessionUser | null) {
    const subjects = cycleSubjects(models, cycle.subjectKind);
    for (;;) {
      const pending = await subjects.table.findAll({ where: { cycleId: cycle.id, status: 'pending' }, limit: LAUNCH_BATCH, raw: true });
      if (!pending.length) break;
      // a batch starts at once, so the engine saves its new instances together (group commit)
      await Promise.all(
        pending.map(async (member) => {
          try {
            await start(cycle, { id: member.id, subjectId: subjects.subjectId(member) }, actor);
          } catch (err) {
            const message = err instanceof AppError || err instanceof EngineError ? `${err.zh} / ${err.en}` : err instanceof Error ? err.message : String(err);
            await subjects.table.update({ status: 'failed', error: message }, { where: { id: member.id, status: 'pending' } });
          }
        }),
      );
    }
    await models.Cycle.update({ status: 'launched' }, { where: { id: cycle.id } });
    deps.logger.info({ cycleId: cycle.id }, 'cycle launched');
  }

  function runInBackground(cycle: CycleRow, actor: SessionUser | null): Promise<void> {
    let running = launching.get(cycle.id);
    if (!running) {
      running = run(cycle, actor)
        .catch((err) => deps.logger.error({ err, cycleId: cycle.id }, 'cycle launch interrupted'))
        .finally(() => launching.delete(cycle.id));
      launching.set(cycle.id, running);
    }
    return running;
  }

  return {
    async list(user: SessionUser) {
      const units = [...(await deps.scope.unitsFor(user, [...MANAGERS, 'leader']))];
      const cycles = await models.Cycle.findAll({ where: { unitId: units }, order: [['createdAt', 'DESC']], raw: true });
      return Promise.all(cycles.map(present));
    },

    async get(id: number, user: SessionUser) {
      return present(await find(id, user));
    },

    async create(user: SessionUser, input: NewCycle) {
      if (!(await deps.scope.unitsFor(user, MANAGERS)).has(input.unitId)) throw forbidden();
      await deps.processes.get(input.processId);
      await deps.ruleSets.inForce(input.ruleSet, input.unitId);
      const row = await models.Cycle.create({ ...input, subjectKind: input.subjectKind ?? 'person', status: 'draft', createdBy: user.username, createdAt: new Date(), launchedAt: null, evaluationOpenedAt: null });
      await deps.audit.record({ actor: user.username, action: 'cycle.create', target: `cycle:${row.id}`, detail: input });
      return present(row.get({ plain: true }) as CycleRow);
    },

    /**
     * Records every staff member of the unit subtree (or every unit below the cycle's unit) not yet assessed for this
     * process and period, and starts their instances in the background (resuming an interrupted launch). Answers at
     * once with progress.
     */
    async launch(id: number, user: SessionUser | null, options: { wait?: boolean } = {}) {
      const cycle = user ? await find(id, user) : await models.Cycle.findByPk(id, { raw: true });
      if (!cycle) throw notFound('cycle', '考核周期');
      if (user && !(await deps.scope.unitsFor(user, MANAGERS)).has(cycle.unitId)) throw forbidden();
      if (cycle.status === 'launched') throw new AppError(409, 'cycle.already_launched', '该考核周期已经发起', 'This cycle has already been launched');
      const subjects = cycleSubjects(models, cycle.subjectKind);
      const skipped = await deps.inTransaction(async (transaction) => {
        const eligible = await subjects.eligible(cycle, transaction);
        const assessed = new Set(
          (await subjects.table.findAll({ where: { processId: cycle.processId, period: cycle.period, [subjects.column]: eligible }, attributes: [subjects.column], raw: true, transaction })).map(subjects.subjectId),
        );
        const fresh = eligible.filter((id) => !assessed.has(id));
        if (fresh.length) {
          await subjects.table.bulkCreate(
            fresh.map((id) => ({ cycleId: cycle.id, [subjects.column]: id, processId: cycle.processId, period: cycle.period, status: 'pending' as const, instanceKey: null, error: null })),
            { transaction },
          );
        }
        await models.Cycle.update({ status: 'launching', launchedAt: cycle.launchedAt ?? new Date() }, { where: { id: cycle.id, status: { [Op.ne]: 'launched' } }, transaction });
        return eligible.length - fresh.length;
      });
      if (user) await deps.audit.record({ actor: user.username, action: 'cycle.launch', target: `cycle:${cycle.id}`, detail: { alreadyAssessed: skipped } });
      const running = runInBackground({ ...cycle, status: 'launching' }, user);
      if (options.wait) await running;
      return present((await models.Cycle.findByPk(cycle.id, { raw: true }))!);
    },

    /** After a restart: launches that were interrupted go on. */
    async resumeLaunches() {
      for (const cycle of await models.Cycle.findAll({ where: { status: 'launching' }, raw: true })) void runInBackground(cycle, null);
    },

    /**
     * How far the cycle is: per step (also in called processes), how many people (or units) are at it, its open tasks, how many
     * are overdue and their lights (红 overdue, 黄 due within 48 hours, 绿 otherwise); how many are scored, graded, applied.
     */
    async overview(id: number, user: SessionUser) {
      const cycle = await find(id, user);
      const open = await models.Task.findAll({ where: { cycleId: cycle.id, state: 'open' }, attributes: ['name', 'dueDate', 'subjectUserId', 'unitId'], order: [['createdAt', 'ASC']], raw: true });
      const now = new Date();
      const steps = new Map<string, { name: string; people: Set<number>; open: number; overdue: number; lights: Record<Light, number> }>();
      for (const task of open) {
        const step = steps.get(task.name) ?? { name: task.name, people: new Set<number>(), open: 0, overdue: 0, lights: { red: 0, yellow: 0, green: 0 } };
        const light = taskLight(task.dueDate ? new Date(task.dueDate) : null, now);
        step.open++;
        step.lights[light]++;
        if (light === 'red') step.overdue++;
        const subject = cycle.subjectKind === 'unit' ? task.unitId : task.subjectUserId;
        if (subject !== null) step.people.add(subject);
        steps.set(task.name, step);
      }
      const [scored, graded, applied] = await Promise.all([
        models.Score.count({ where: { cycleId: cycle.id } }),
        models.Score.count({ where: { cycleId: cycle.id, grade: { [Op.ne]: null } } }),
        models.ResultApplication.count({ where: { cycleId: cycle.id } }),
      ]);
      return {
        cycle: await present(cycle),
        steps: [...steps.values()].map(({ people, ...step }) => ({ ...step, people: people.size })),
        scored,
        graded,
        applied,
      };
    },
  };
}

export type Cycles = ReturnType<typeof createCycles>;

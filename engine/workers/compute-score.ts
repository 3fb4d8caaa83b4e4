import type { JobHandler, Variables } from '../port.ts';
import type { Platform } from '../../server/platform.ts';
import type { ScoreRow } from '../../server/models/records.ts';
import { computeScore, type SubjectInput } from '../../server/scoring/index.ts';
import { declarationSubject } from './declaration-subject.ts';
import { evaluationSubject } from './evaluation-subject.ts';
import { unitSubject } from './unit-subject.ts';

/** Who is scored (a person, or a unit in an organisational cycle) and the scoring input the process collected. */
interface ScoringSubject {
  subjectUserId: number | null;
  subjectUnitId: number | null;
  /** the person's unit or the unit scored: whose rule set is in force, whose managers read the score */
  unitId: number;
  category: string | null;
  /** a username or a unit name, for the audit log */
  label: string;
  input: SubjectInput;
}

/**
 * What the process collected, by the task header `input`: a person's quarterly declaration (`declaration`) or annual
 * evaluation (`evaluation`), both with the person's 点赞 / 错情 / 察访核验 records of the period, or a unit's annual
 * target assessment (`unit`) against its published targets.
 */
async function scoringSubject(p: Platform, input: string, variables: Variables): Promise<ScoringSubject> {
  const period = String(variables.period ?? '');
  if (input === 'unit') {
    const unit = await p.models.Unit.findByPk(Number(variables.subjectUnitId), { raw: true });
    if (!unit) throw new Error(`考核单位不存在（subjectUnitId=${String(variables.subjectUnitId)}）/ no such unit`);
    const collected = unitSubject(`unit:${unit.id}`, variables, await p.plans.unitTargetsOf(unit.id, period));
    return { subjectUserId: null, subjectUnitId: unit.id, unitId: unit.id, category: unit.category, label: unit.name, input: { ...collected, category: unit.category ?? undefined } };
  }
  const person = await p.models.User.findByPk(Number(variables.subjectUserId), { raw: true });
  if (!person) throw new Error(`考核对象不存在（subjectUserId=${String(variables.subjectUserId)}）/ no such subject`);
  let collected: SubjectInput;
  if (input === 'evaluation') collected = evaluationSubject(String(person.id), variables, await p.plans.coreTasksOf(person.id, period));
  else if (input === 'declaration') collected = declarationSubject(String(person.id), variables);
  else throw new Error(`任务头 input 应为 declaration、evaluation 或 unit（当前为「${input}」）/ task header "input" must be declaration, evaluation or unit`);
  const records = await p.performanceRecords.inputsFor(person.id, period);
  return {
    subjectUserId: person.id,
    subjectUnitId: null,
    unitId: person.unitId,
    category: person.postCategory,
    label: person.username,
    input: { ...collected, inputs: { ...records, ...collected.inputs }, category: person.postCategory ?? undefined },
  };
}

/**
 * `compute-score` (计算得分): scores one person or unit with the cycle's rule set (else the one named in the task
 * header `ruleSet`), as in force for their unit, from what the process collected, and stores the score with its
 * trace. One score per person or unit and cycle (an upheld appeal recomputes it in place), else per instance; a
 * redelivered job overwrites the same row.
 */
export function computeScoreWorker(p: Platform): JobHandler {
  return async ({ variables, customHeaders, instanceKey }) => {
    const subject = await scoringSubject(p, customHeaders.input ?? 'declaration', variables);
    const code = typeof variables.ruleSet === 'string' ? variables.ruleSet : (customHeaders.ruleSet ?? 'chengdu-2024');
    const cycleId = typeof variables.cycleId === 'number' ? variables.cycleId : null;
    const { row, ruleSet } = await p.ruleSets.inForce(code, subject.unitId);
    const result = computeScore(ruleSet, subject.input);
    const score: Omit<ScoreRow, 'id'> = {
      instanceKey,
      subjectUserId: subject.subjectUserId,
      subjectUnitId: subject.subjectUnitId,
      unitId: subject.unitId,
      period: String(variables.period ?? ''),
      ruleSet: code,
      ruleSetVersion: row.version,
      category: subject.category,
      total: result.total,
      trace: JSON.stringify(result.trace),
      detail: JSON.stringify({ intermediates: result.intermediates, vetoEffects: result.vetoEffects, bonusCancellations: result.bonusCancellations }),
      grade: null,
      gradeDetail: null,
      cycleId,
      createdAt: new Date(),
    };
    await p.inTransaction(async (transaction) => {
      const bySubject = subject.subjectUnitId === null ? { subjectUserId: subject.subjectUserId } : { subjectUnitId: subject.subjectUnitId };
      const where = cycleId === null ? { instanceKey } : { cycleId, ...bySubject };
      const existing = await p.models.Score.findOne({ where, transaction, raw: true });
      if (existing) await p.models.Score.update({ ...score, instanceKey: existing.instanceKey, grade: existing.grade, gradeDetail: existing.gradeDetail }, { where: { id: existing.id }, transaction });
      else await p.models.Score.create(score, { transaction });
      await p.audit.record({ actor: 'system', action: existing ? 'score.recompute' : 'score.compute', target: `instance:${instanceKey}`, detail: { subject: subject.label, total: result.total, previous: existing?.total, ruleSet: code, version: row.version } }, transaction);
    });
    return { score: result.total };
  };
}

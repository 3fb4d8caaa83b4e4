import type { JobHandler, Variables } from '../port.ts';
import type { Platform } from '../../server/platform.ts';
import type { ScoreRow } from '../../server/models/records.ts';
import type { UserRow } from '../../server/models/org.ts';
import { computeScore, type SubjectInput } from '../../server/scoring/index.ts';
import { declarationSubject } from './declaration-subject.ts';
import { evaluationSubject } from './evaluation-subject.ts';

/** What the process collected, by the task header `input`: a quarterly declaration or an annual evaluation. */
async function subjectInput(p: Platform, input: string, subject: UserRow, variables: Variables): Promise<SubjectInput> {
  const period = String(variables.period ?? '');
  if (input === 'evaluation') return evaluationSubject(String(subject.id), variables, await p.plans.coreTasksOf(subject.id, period));
  if (input === 'declaration') return declarationSubject(String(subject.id), variables);
  throw new Error(`任务头 input 应为 declaration 或 evaluation（当前为「${input}」）/ task header "input" must be declaration or evaluation`);
}

/**
 * `compute-score` (计算得分): scores one person with the cycle's rule set (else the one named in the task header
 * `ruleSet`), as in force for the person's unit, from what the process collected plus the person's 点赞 / 错情 /
 * 察访核验 records of the period, and stores the score with its trace. One score per person and
 * cycle (an upheld appeal recomputes it in place), else per instance; a redelivered job overwrites the same row.
 */
export function computeScoreWorker(p: Platform): JobHandler {
  return async ({ variables, customHeaders, instanceKey }) => {
    const subjectUserId = Number(variables.subjectUserId);
    const subject = await p.models.User.findByPk(subjectUserId, { raw: true });
    if (!subject) throw new Error(`考核对象不存在（subjectUserId=${String(variables.subjectUserId)}）/ no such subject`);
    const code = typeof variables.ruleSet === 'string' ? variables.ruleSet : (customHeaders.ruleSet ?? 'chengdu-2024');
    const cycleId = typeof variables.cycleId === 'number' ? variables.cycleId : null;
    const { row, ruleSet } = await p.ruleSets.inForce(code, subject.unitId);
    const input = await subjectInput(p, customHeaders.input ?? 'declaration', subject, variables);
    const records = await p.performanceRecords.inputsFor(subject.id, String(variables.period ?? ''));
    const result = computeScore(ruleSet, { ...input, inputs: { ...records, ...input.inputs }, category: subject.postCategory ?? undefined });
    const score: Omit<ScoreRow, 'id'> = {
      instanceKey,
      subjectUserId: subject.id,
      unitId: subject.unitId,
      period: String(variables.period ?? ''),
      ruleSet: code,
      ruleSetVersion: row.version,
      category: subject.postCategory,
      total: result.total,
      trace: JSON.stringify(result.trace),
      detail: JSON.stringify({ intermediates: result.intermediates, vetoEffects: result.vetoEffects, bonusCancellations: result.bonusCancellations }),
      grade: null,
      gradeDetail: null,
      cycleId,
      createdAt: new Date(),
    };
    await p.inTransaction(async (transaction) => {
      const where = cycleId === null ? { instanceKey } : { cycleId, subjectUserId: subject.id };
      const existing = await p.models.Score.findOne({ where, transaction, raw: true });
      if (existing) await p.models.Score.update({ ...score, instanceKey: existing.instanceKey, grade: existing.grade, gradeDetail: existing.gradeDetail }, { where: { id: existing.id }, transaction });
      else await p.models.Score.create(score, { transaction });
      await p.audit.record({ actor: 'system', action: existing ? 'score.recompute' : 'score.compute', target: `instance:${instanceKey}`, detail: { subject: subject.username, total: result.total, previous: existing?.total, ruleSet: code, version: row.version } }, transaction);
    });
    return { score: result.total };
  };
}

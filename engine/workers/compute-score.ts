import type { JobHandler } from '../port.ts';
import type { Platform } from '../../server/platform.ts';
import { computeScore } from '../../server/scoring/index.ts';
import { declarationSubject } from './declaration-subject.ts';

/**
 * `compute-score` (计算得分): scores one person with the rule set named in the task header `ruleSet`, as in
 * force for the person's unit (inherited and overridden per unit), and stores the score with its trace.
 * Idempotent per instance: a redelivered job overwrites the same row (jobs are delivered at least once).
 */
export function computeScoreWorker(p: Platform): JobHandler {
  return async ({ variables, customHeaders, instanceKey }) => {
    const subjectUserId = Number(variables.subjectUserId);
    const subject = await p.models.User.findByPk(subjectUserId, { raw: true });
    if (!subject) throw new Error(`考核对象不存在（subjectUserId=${String(variables.subjectUserId)}）/ no such subject`);
    const code = customHeaders.ruleSet ?? 'chengdu-2024';
    const { row, ruleSet } = await p.ruleSets.inForce(code, subject.unitId);
    const result = computeScore(ruleSet, { ...declarationSubject(String(subject.id), variables), category: subject.postCategory ?? undefined });
    const score = {
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
      createdAt: new Date(),
    };
    await p.inTransaction(async (transaction) => {
      const existing = await p.models.Score.findOne({ where: { instanceKey }, transaction, raw: true });
      if (existing) await p.models.Score.update(score, { where: { instanceKey }, transaction });
      else await p.models.Score.create(score, { transaction });
      await p.audit.record({ actor: 'system', action: 'score.compute', target: `instance:${instanceKey}`, detail: { total: result.total, ruleSet: code, version: row.version } }, transaction);
    });
    return { score: result.total };
  };
}

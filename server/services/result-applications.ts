import type { Transaction } from 'sequelize';
import type { Models } from '../models/index.ts';
import type { Audit } from './audit.ts';
import type { GradeResult } from '../scoring/index.ts';
import type { ResultList } from '../scoring/rule-set.ts';
import { isoDate } from '../http/iso-date.ts';

const LISTS: Record<ResultList, { zh: string; en: string }> = {
  commendation: { zh: '表彰名单', en: 'Commendation' },
  promotion: { zh: '晋升优先名单', en: 'Promotion priority' },
  training: { zh: '培训名单', en: 'Training' },
  talk: { zh: '约谈名单', en: 'Talks' },
};

/**
 * Applying results (结果运用): a person's final grade of a cycle becomes their bonus coefficient, the lists they are
 * on and the follow-up actions of their grade, stored once per person and cycle (applied again when a regrade
 * changes the grade), and read back as the office's lists.
 */
export function createResultApplications(models: Models, audit: Audit) {
  async function apply(cycleId: number, subjectUserId: number, transaction: Transaction) {
    const score = await models.Score.findOne({ where: { cycleId, subjectUserId }, raw: true, transaction });
    if (!score?.gradeDetail) throw new Error(`尚未评定等次，无法运用结果（周期 ${cycleId}，人员 ${subjectUserId}）/ not graded yet`);
    const grade = JSON.parse(score.gradeDetail) as GradeResult;
    const row = {
      cycleId,
      subjectUserId,
      unitId: score.unitId,
      period: score.period,
      grade: grade.levelLabel,
      total: score.total,
      bonusCoefficient: grade.application.bonusCoefficient ?? null,
      bonusMonthsOffset: grade.application.bonusMonthsOffset ?? null,
      lists: JSON.stringify(grade.application.lists ?? []),
      actions: JSON.stringify(grade.application.actions),
      trace: JSON.stringify(grade.trace),
      appliedAt: new Date(),
    };
    const existing = await models.ResultApplication.findOne({ where: { cycleId, subjectUserId }, raw: true, transaction });
    if (existing) await models.ResultApplication.update(row, { where: { id: existing.id }, transaction });
    else await models.ResultApplication.create(row, { transaction });
    await audit.record({ actor: 'system', action: existing ? 'result.reapply' : 'result.apply', target: `cycle:${cycleId}`, detail: { subjectUserId, grade: row.grade, bonusCoefficient: row.bonusCoefficient, lists: grade.application.lists } }, transaction);
    return { grade: row.grade, bonusCoefficient: row.bonusCoefficient, lists: grade.application.lists ?? [] };
  }

  return {
    apply,

    /** Applies again for those whose grade changed, if their results were already applied. */
    async reapply(cycleId: number, subjectUserIds: number[], transaction: Transaction) {
      for (const subjectUserId of subjectUserIds) {
        if (await models.ResultApplication.findOne({ where: { cycleId, subjectUserId }, raw: true, transaction })) await apply(cycleId, subjectUserId, transaction);
      }
    },

    /** The applied results of a cycle, and the lists they make (表彰 / 晋升优先 / 培训 / 约谈). */
    async ofCycle(cycleId: number) {
      const rows = await models.ResultApplication.findAll({ where: { cycleId }, order: [['total', 'DESC'], ['id', 'ASC']], raw: true });
      const people = new Map((await models.User.findAll({ where: { id: rows.map((r) => r.subjectUserId) }, raw: true })).map((u) => [u.id, u]));
      const results = rows.map((r) => ({
        subject: { id: r.subjectUserId, username: people.get(r.subjectUserId)?.username, displayName: people.get(r.subjectUserId)?.displayName },
        period: r.period,
        grade: r.grade,
        score: Number(r.total).toFixed(2),
        bonusCoefficient: r.bonusCoefficient,
        bonusMonthsOffset: r.bonusMonthsOffset,
        lists: JSON.parse(r.lists) as ResultList[],
        actions: JSON.parse(r.actions) as string[],
        appliedAt: isoDate(r.appliedAt),
      }));
      const lists = (Object.keys(LISTS) as ResultList[]).map((code) => ({
        code,
        ...LISTS[code],
        people: results.filter((r) => r.lists.includes(code)).map((r) => r.subject),
      }));
      return { results, lists };
    },
  };
}

export type ResultApplications = ReturnType<typeof createResultApplications>;

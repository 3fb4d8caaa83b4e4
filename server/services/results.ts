import { Op } from 'sequelize';
import type { Models } from '../models/index.ts';
import type { SessionUser } from '../auth/session-user.ts';
import type { Scope } from '../auth/scope.ts';
import type { Role } from '../auth/roles.ts';
import type { ScoreRow } from '../models/records.ts';
import { isoDate } from '../http/iso-date.ts';

/**
 * Who may read scores of a unit subtree (001 §6: the person, their supervisors and authorised reviewers). A unit's
 * score (组织绩效) belongs to the unit scored, so its admins, the leaders and the office above it read it; the admin
 * of another unit does not.
 */
const REVIEWERS: Role[] = ['admin', 'office', 'unit_admin', 'leader'];

export function createResults(models: Models, scope: Scope) {
  return {
    async visibleTo(user: SessionUser) {
      const reports = await models.User.findAll({ where: { supervisorId: user.id }, attributes: ['id'], raw: true });
      const units = [...(await scope.unitsFor(user, REVIEWERS))];
      const rows = await models.Score.findAll({
        where: { [Op.or]: [{ subjectUserId: [user.id, ...reports.map((r) => r.id)] }, { unitId: units }] },
        order: [['createdAt', 'DESC']],
        raw: true,
      });
      const people = new Map((await models.User.findAll({ where: { id: rows.map((r) => r.subjectUserId).filter((id): id is number => id !== null) }, raw: true })).map((u) => [u.id, u]));
      const unitNames = new Map((await models.Unit.findAll({ raw: true })).map((u) => [u.id, u.name]));
      const subject = (r: ScoreRow) => {
        if (r.subjectUnitId !== null) return { kind: 'unit' as const, unitId: r.subjectUnitId, displayName: unitNames.get(r.subjectUnitId) };
        const person = r.subjectUserId === null ? undefined : people.get(r.subjectUserId);
        return { kind: 'person' as const, username: person?.username, displayName: person?.displayName };
      };
      return rows.map((r) => ({
        id: r.id,
        instanceId: r.instanceKey,
        cycleId: r.cycleId,
        subject: subject(r),
        category: r.category,
        unit: { id: r.unitId, name: unitNames.get(r.unitId) },
        period: r.period,
        ruleSet: r.ruleSet,
        score: Number(r.total).toFixed(2),
        grade: r.grade,
        trace: JSON.parse(r.trace),
        gradeTrace: r.gradeDetail ? (JSON.parse(r.gradeDetail) as { trace: unknown[] }).trace : [],
        createdAt: isoDate(r.createdAt),
      }));
    },
  };
}

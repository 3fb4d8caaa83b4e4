import { Op } from 'sequelize';
import type { Models } from '../../models/index.ts';
import { definePerformanceRecords, type PerformanceRecordRow, type RecordKind } from '../../models/performance-records.ts';
import type { SessionUser } from '../../auth/session-user.ts';
import type { Scope } from '../../auth/scope.ts';
import type { Audit } from '../audit.ts';
import type { InTransaction } from '../../db.ts';
import { chinaDate } from '../../calendar/index.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { isoDate } from '../../http/iso-date.ts';
import { inspectionMethod, RECORD_LABELS, RECORD_LEAVES, commendationMethod, errorNoticeMethod } from './record-catalogue.ts';
import { resolveEntry, type RecordInput } from './record-entry.ts';
import { RECORD_KEEPERS, RECORD_READERS } from './record-roles.ts';
import { periodRange } from './period-range.ts';

export interface NewRecord extends RecordInput {
  username: string;
  date: string;
  reason: string;
}

export interface PerformanceRecordDeps {
  models: Models;
  scope: Scope;
  audit: Audit;
  inTransaction: InTransaction;
}

const outOfScope = () => new AppError(403, 'record.out_of_scope', '只能为本人管理范围内的人员登记', 'You may enter records only for people of your units');
const kindForbidden = (kind: RecordKind) => new AppError(403, 'record.kind_forbidden', `您无权登记${RECORD_LABELS[kind]}`, `You may not enter this kind of record (${kind})`);
const unknownPerson = (username: string) => new AppError(400, 'user.not_found', `用户「${username}」不存在或已停用`, `No active user "${username}"`);
const futureDate = () => new AppError(400, 'record.future_date', '日期不能晚于今天', 'The date cannot be later than today');
const alreadyRevoked = () => new AppError(409, 'record.revoked', '该记录已撤销', 'This record has already been revoked');
const badPeriod = (period: string) =>
  new AppError(400, 'period.invalid', `考核期「${period}」格式不正确，应为 2026、2026-Q4 或 2026-11`, `Period "${period}" is not valid: use 2026, 2026-Q4 or 2026-11`);

/**
 * Performance records (绩效记录): 点赞 adds points, 错情 and 察访核验 deduct; entered by the roles that keep each
 * kind over their units, visible to the person and the people over them, revoked with a reason but never
 * deleted, every change audited. `inputsFor` turns a person's records of a period into scoring inputs.
 */
export function createPerformanceRecords(deps: PerformanceRecordDeps) {
  const { models } = deps;
  const RecordTable = definePerformanceRecords(models.User.sequelize!);

  async function keeperUnits(user: SessionUser, kind: RecordKind) {
    return deps.scope.unitsFor(user, RECORD_KEEPERS[kind]);
  }

  async function present(rows: PerformanceRecordRow[], user: SessionUser) {
    if (!rows.length) return [];
    const people = new Map((await models.User.findAll({ where: { id: [...new Set(rows.map((r) => r.userId))] }, raw: true })).map((u) => [u.id, u]));
    const units = new Map((await models.Unit.findAll({ where: { id: [...new Set(rows.map((r) => r.unitId))] }, raw: true })).map((u) => [u.id, u]));
    const keeps = new Map<RecordKind, Set<number>>();
    for (const kind of Object.keys(RECORD_KEEPERS) as RecordKind[]) keeps.set(kind, await keeperUnits(user, kind));
    const inspection = inspectionMethod();
    const items = [...commendationMethod().items, ...errorNoticeMethod().items];
    return rows.map((r) => {
      const person = people.get(r.userId);
      const violation = r.kind === 'inspection' ? inspection.kinds.find((k) => k.code === r.code) : undefined;
      return {
        id: r.id,
        kind: r.kind,
        kindLabel: RECORD_LABELS[r.kind],
        person: person ? { username: person.username, displayName: person.displayName } : null,
        unit: { id: r.unitId, name: units.get(r.unitId)?.name ?? null },
        date: r.date,
        reason: r.reason,
        code: r.code,
        itemLabel: violation?.label ?? items.find((i) => i.code === r.code)?.label ?? r.code,
        /** signed: 点赞 adds, 错情 and 察访核验 deduct */
        points: r.kind === 'commendation' ? Number(r.points) : -Number(r.points),
        work: r.work,
        rank: r.rank,
        rankLabel: inspection.ranks.find((k) => k.code === r.rank)?.label ?? null,
        multiplier: r.multiplier,
        bonusCancelled: (r.rank && violation?.bonusCancelled?.[r.rank]) || [],
        recordedBy: r.recordedBy,
        recordedAt: isoDate(r.recordedAt),
        revoked: r.revokedAt ? { by: r.revokedBy, at: isoDate(r.revokedAt), reason: r.revokeReason } : null,
        mayRevoke: !r.revokedAt && (keeps.get(r.kind)?.has(r.unitId) ?? false),
      };
    });
  }

  async function find(id: number, user: SessionUser): Promise<PerformanceRecordRow> {
    const row = await RecordTable.findByPk(id, { raw: true });
    if (!row || (row.userId !== user.id && !(await deps.scope.unitsFor(user, RECORD_READERS)).has(row.unitId))) throw notFound('record', '绩效记录');
    return row;
  }

  /** Records in the period (all when none), not revoked, of one person. */
  async function activeOf(userId: number, period: string) {
    const range = periodRange(period);
    if (!range) throw badPeriod(period);
    return RecordTable.findAll({ where: { userId, revokedAt: null, date: { [Op.between]: [range.from, range.to] } }, order: [['date', 'ASC'], ['id', 'ASC']], raw: true });
  }

  return {
    async create(input: NewRecord, user: SessionUser) {
      if (!user.roles.some((r) => RECORD_KEEPERS[input.kind].includes(r.role))) throw kindForbidden(input.kind);
      const person = await models.User.findOne({ where: { username: input.username, active: true }, raw: true });
      if (!person) throw unknownPerson(input.username);
      if (!(await keeperUnits(user, input.kind)).has(person.unitId)) throw outOfScope();
      if (input.date > chinaDate(new Date())) throw futureDate();
      const entry = resolveEntry(input);
      const row = await deps.inTransaction(async (transaction) => {
        const created = await RecordTable.create(
          { kind: input.kind, userId: person.id, unitId: person.unitId, date: input.date, reason: input.reason, ...entry, recordedBy: user.username, recordedAt: new Date(), revokedBy: null, revokedAt: null, revokeReason: null },
          { transaction },
        );
        await deps.audit.record({ actor: user.username, action: `record.${input.kind}.create`, target: `record:${created.id}`, detail: { person: person.username, date: input.date, reason: input.reason, ...entry } }, transaction);
        return created.get({ plain: true }) as PerformanceRecordRow;
      });
      return (await present([row], user))[0];
    },

    /** What the caller may see: their own records and those of the units they keep or read records for. */
    async list(user: SessionUser, filter: { username?: string; period?: string; kind?: RecordKind }) {
      const units = [...(await deps.scope.unitsFor(user, RECORD_READERS))];
      const where: Record<string | symbol, unknown> = { [Op.or]: [{ userId: user.id }, { unitId: { [Op.in]: units } }] };
      if (filter.kind) where.kind = filter.kind;
      if (filter.period) {
        const range = periodRange(filter.period);
        if (!range) throw badPeriod(filter.period);
        where.date = { [Op.between]: [range.from, range.to] };
      }
      if (filter.username) where.userId = (await models.User.findOne({ where: { username: filter.username }, raw: true }))?.id ?? -1;
      return present(await RecordTable.findAll({ where, order: [['date', 'DESC'], ['id', 'DESC']], raw: true }), user);
    },

    async get(id: number, user: SessionUser) {
      return (await present([await find(id, user)], user))[0];
    },

    /** 撤销: by whoever may enter the kind for that person; the record stays, marked with who, when and why. */
    async revoke(id: number, user: SessionUser, reason: string) {
      const row = await find(id, user);
      if (!(await keeperUnits(user, row.kind)).has(row.unitId)) throw forbidden();
      await deps.inTransaction(async (transaction) => {
        const [changed] = await RecordTable.update({ revokedBy: user.username, revokedAt: new Date(), revokeReason: reason }, { where: { id, revokedAt: null }, transaction });
        if (changed !== 1) throw alreadyRevoked();
        await deps.audit.record({ actor: user.username, action: `record.${row.kind}.revoke`, target: `record:${id}`, detail: { reason } }, transaction);
      });
      return (await present([(await RecordTable.findByPk(id, { raw: true }))!], user))[0];
    },

    /**
     * A person's records of a period ("2026", "2026-Q4", "2026-11") as scoring inputs by leaf key: chengdu-2024
     * `commendation` (bonusItems) and `errorNotice` (deductions), quanzhou-2019 `violations` (rankDeductions).
     * Revoked records count for nothing; a leaf without records is left out.
     */
    async inputsFor(userId: number, period: string): Promise<Record<string, unknown[]>> {
      const person = await models.User.findByPk(userId, { raw: true });
      const rows = await activeOf(userId, period);
      const variable = new Set([...commendationMethod().items, ...errorNoticeMethod().items].filter((i) => i.points === undefined).map((i) => i.code));
      const inputs: Record<string, unknown[]> = {};
      const add = (kind: RecordKind, entry: unknown) => (inputs[RECORD_LEAVES[kind].leaf] ??= []).push(entry);
      for (const r of rows) {
        if (r.kind === 'inspection') {
          add(r.kind, { kind: r.code, rank: r.rank, person: person?.displayName, caseId: `record-${r.id}`, ...(r.multiplier ? { multiplier: r.multiplier } : {}) });
        } else {
          add(r.kind, { code: r.code, ...(variable.has(r.code) ? { points: Number(r.points) } : {}), ...(r.work ? { work: r.work } : {}), note: `${r.date} ${r.reason}` });
        }
      }
      return inputs;
    },
  };
}

export type PerformanceRecords = ReturnType<typeof createPerformanceRecords>;

import { Op, type Transaction } from 'sequelize';
import type { Models } from '../../models/index.ts';
import { defineLedgerTables, type LedgerItemRow, type LedgerStatus, type ReminderKind, type Urgency } from '../../models/ledger.ts';
import type { UserRow } from '../../models/org.ts';
import type { SessionUser } from '../../auth/session-user.ts';
import type { Scope } from '../../auth/scope.ts';
import type { Audit } from '../audit.ts';
import type { Inbox } from '../inbox.ts';
import type { Engine } from '../../../engine/port.ts';
import type { InTransaction } from '../../db.ts';
import { defineCalendarOverrides } from '../../calendar/override-table.ts';
import { chinaDate } from '../../calendar/index.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { isoDate } from '../../http/iso-date.ts';
import { DEFAULT_LEDGER_SETTINGS, URGENCY_LABELS, type LedgerSettings } from './ledger-settings.ts';
import { LEDGER_ASSIGNERS, LEDGER_READERS } from './ledger-roles.ts';
import { trafficLight } from './traffic-light.ts';

const LEDGER_PROCESS = 'task-ledger-item';

export interface NewLedgerItem {
  title: string;
  description?: string;
  owner: string;
  /** the end of this Beijing day, or an exact instant */
  deadline: string;
  urgency: Urgency;
  period?: string;
  /** ISO 8601 durations; the settings' defaults for the urgency otherwise */
  reminders?: { before?: string; every?: string };
}

/** What the process reports back to its ledger item. */
export type LedgerStep = 'reported' | 'confirmed' | 'returned';

export interface LedgerDeps {
  models: Models;
  scope: Scope;
  audit: Audit;
  inbox: Inbox;
  engine: Pick<Engine, 'start'>;
  inTransaction: InTransaction;
  settings?: LedgerSettings;
}

const outOfScope = () => new AppError(403, 'ledger.out_of_scope', '只能为本人管理范围内的人员交办台账任务', 'You may assign ledger items only to people of your units');
const unknownOwner = (username: string) => new AppError(400, 'user.not_found', `用户「${username}」不存在或已停用`, `No active user "${username}"`);
const deadlinePassed = () => new AppError(400, 'ledger.deadline_passed', '截止时间不能早于现在', 'The deadline must be in the future');

/** The deadline instant: a YYYY-MM-DD day ends at 23:59:59 Beijing time (as the working-day calendar counts). */
function deadlineInstant(text: string): Date {
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T23:59:59+08:00` : text);
}

/** The quarter a Beijing date falls in, e.g. 2026-Q4. */
const quarterOf = (date: string) => `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

/**
 * The work ledger (工作台账): items assigned to a person with a deadline and urgency, each run by its own
 * task-ledger-item process (progress reports, reminders, 催办, confirmation), with its red/yellow/green light.
 */
export function createLedger(deps: LedgerDeps) {
  const { models } = deps;
  const settings = deps.settings ?? DEFAULT_LEDGER_SETTINGS;
  const tables = defineLedgerTables(models.User.sequelize!);
  const { LedgerItem, LedgerReminder } = tables;
  const CalendarOverride = defineCalendarOverrides(models.User.sequelize!);

  /** The admins' working-calendar overrides (管理员设置), which the lights count working days with. */
  async function calendarOverrides() {
    return (await CalendarOverride.findAll({ raw: true })).map((o) => ({ date: o.date, working: Boolean(o.working), note: o.note }));
  }

  async function present(items: LedgerItemRow[]) {
    if (!items.length) return [];
    const owners = new Map((await models.User.findAll({ where: { id: [...new Set(items.map((i) => i.ownerId))] }, raw: true })).map((u) => [u.id, u]));
    const units = new Map((await models.Unit.findAll({ where: { id: [...new Set(items.map((i) => i.unitId))] }, raw: true })).map((u) => [u.id, u]));
    const reminders = await LedgerReminder.findAll({ where: { itemId: items.map((i) => i.id) }, order: [['id', 'ASC']], raw: true });
    const overrides = await calendarOverrides();
    const now = new Date();
    return items.map((item) => {
      const owner = owners.get(item.ownerId);
      const own = reminders.filter((r) => r.itemId === item.id);
      const deadline = new Date(item.deadline);
      return {
        id: item.id,
        title: item.title,
        description: item.description,
        owner: owner ? { username: owner.username, displayName: owner.displayName } : null,
        unit: { id: item.unitId, name: units.get(item.unitId)?.name ?? null },
        period: item.period,
        deadline: isoDate(deadline),
        deadlineDate: chinaDate(deadline),
        urgency: item.urgency,
        urgencyLabel: URGENCY_LABELS[item.urgency],
        progress: item.progress,
        progressNote: item.progressNote,
        status: item.status,
        light: trafficLight({ status: item.status, progress: item.progress, urgency: item.urgency, startedAt: new Date(item.createdAt), deadline, now }, settings, overrides),
        reminders: own.map((r) => ({ kind: r.kind, recipient: r.recipient, at: isoDate(r.at) })),
        instanceId: item.instanceKey,
        createdBy: item.createdBy,
        createdAt: isoDate(item.createdAt),
        completedAt: isoDate(item.completedAt),
      };
    });
  }

  async function visibleUnits(user: SessionUser) {
    return deps.scope.unitsFor(user, LEDGER_READERS);
  }

  async function find(id: number, user: SessionUser): Promise<LedgerItemRow> {
    const item = await LedgerItem.findByPk(id, { raw: true });
    if (!item || (item.ownerId !== user.id && !(await visibleUnits(user)).has(item.unitId))) throw notFound('ledger_item', '台账任务');
    return item;
  }

  function processVariables(item: NewLedgerItem, owner: UserRow, assigner: SessionUser, deadline: Date, period: string) {
    return {
      owner: owner.username,
      assigner: assigner.username,
      staff: owner.username,
      subjectUserId: owner.id,
      subjectName: owner.displayName,
      unitId: owner.unitId,
      period,
      title: item.title,
      description: item.description ?? '',
      deadline: deadline.toISOString(),
      deadlineDate: chinaDate(deadline),
      urgency: URGENCY_LABELS[item.urgency],
      remindBefore: item.reminders?.before ?? settings.remindBefore[item.urgency],
      urgeEvery: item.reminders?.every ?? settings.urgeEvery[item.urgency],
    };
  }

  return {
    /** 交办: records the item and starts its process in one transaction. */
    async create(input: NewLedgerItem, user: SessionUser) {
      const owner = await models.User.findOne({ where: { username: input.owner, active: true }, raw: true });
      if (!owner) throw unknownOwner(input.owner);
      if (!(await deps.scope.unitsFor(user, LEDGER_ASSIGNERS)).has(owner.unitId)) throw outOfScope();
      const deadline = deadlineInstant(input.deadline);
      if (deadline.getTime() <= Date.now()) throw deadlinePassed();
      const period = input.period ?? quarterOf(chinaDate(deadline));
      let created: LedgerItemRow | null = null;
      await deps.engine.start(LEDGER_PROCESS, processVariables(input, owner, user, deadline, period), {
        unitId: owner.unitId,
        unitChain: await deps.scope.ancestry(owner.unitId),
        within: async (transaction, instanceKey) => {
          const now = new Date();
          created = await LedgerItem.create(
            {
              title: input.title,
              description: input.description ?? null,
              ownerId: owner.id,
              unitId: owner.unitId,
              period,
              deadline,
              urgency: input.urgency,
              progress: 0,
              progressNote: null,
              status: 'in_progress',
              instanceKey,
              createdBy: user.username,
              createdAt: now,
              updatedAt: now,
              completedAt: null,
            },
            { transaction, raw: true },
          );
          await deps.audit.record({ actor: user.username, action: 'ledger.create', target: `ledger:${created.id}`, detail: { title: input.title, owner: owner.username, deadline, urgency: input.urgency, instanceKey } }, transaction);
        },
      });
      const row = (await LedgerItem.findByPk(created!.id, { raw: true }))!;
      return (await present([row]))[0];
    },

    /** The caller's own items and those of the units they assign or lead, filtered by period, owner or status. */
    async list(user: SessionUser, filter: { period?: string; owner?: string; status?: LedgerStatus }) {
      const units = [...(await visibleUnits(user))];
      const where: Record<string | symbol, unknown> = { [Op.or]: [{ ownerId: user.id }, { unitId: { [Op.in]: units } }] };
      if (filter.period) where.period = filter.period;
      if (filter.status) where.status = filter.status;
      if (filter.owner) {
        const owner = await models.User.findOne({ where: { username: filter.owner }, raw: true });
        where.ownerId = owner?.id ?? -1;
      }
      return present(await LedgerItem.findAll({ where, order: [['deadline', 'ASC'], ['id', 'ASC']], raw: true }));
    },

    async get(id: number, user: SessionUser) {
      return (await present([await find(id, user)]))[0];
    },

    /** The process reports a step of its item: progress reported, confirmed done, or sent back. */
    async applyStep(instanceKey: string, step: LedgerStep, report: { progress?: unknown; progressNote?: unknown }) {
      const item = await LedgerItem.findOne({ where: { instanceKey }, raw: true });
      if (!item) throw new Error(`没有流程实例 ${instanceKey} 的台账任务 / no ledger item for instance ${instanceKey}`);
      const now = new Date();
      const change: Partial<LedgerItemRow> =
        step === 'reported'
          ? reportedProgress(report)
          : step === 'confirmed'
            ? { status: 'done', completedAt: now }
            : { status: 'in_progress' };
      await deps.inTransaction(async (transaction) => {
        await LedgerItem.update({ ...change, updatedAt: now }, { where: { id: item.id }, transaction });
        await deps.audit.record({ actor: 'system', action: `ledger.${step}`, target: `ledger:${item.id}`, detail: change }, transaction);
      });
    },

    /**
     * A reminder (提醒) or 催办 the item's timer sent: recorded on the item and as an urge on the open task of its
     * instance, so the assignee's inbox shows it. Once per job; one 提醒 per item; nothing once the item is done.
     */
    async remind(instanceKey: string, kind: ReminderKind, jobKey: string, transaction: Transaction) {
      const item = await LedgerItem.findOne({ where: { instanceKey }, raw: true, transaction });
      if (!item || item.status === 'done') return null;
      if (await LedgerReminder.findOne({ where: { jobKey }, raw: true, transaction })) return null;
      if (kind === 'remind' && (await LedgerReminder.findOne({ where: { itemId: item.id, kind }, raw: true, transaction }))) return null;
      const task = await models.Task.findOne({ where: { instanceKey, state: 'open' }, order: [['createdAt', 'DESC']], raw: true, transaction });
      const recipient = task?.assignee ?? null;
      await LedgerReminder.create({ itemId: item.id, kind, jobKey, recipient, at: new Date() }, { transaction });
      const due = chinaDate(new Date(item.deadline));
      const comment =
        kind === 'remind'
          ? `台账任务「${item.title}」将于 ${due} 截止，当前进度 ${item.progress}%，请按期完成`
          : `台账任务「${item.title}」已于 ${due} 逾期，当前进度 ${item.progress}%，请尽快办理`;
      if (task) await deps.inbox.events.record({ task, action: 'urge', actor: 'system', targetUser: recipient, comment }, transaction);
      else await deps.audit.record({ actor: 'system', action: `ledger.${kind}`, target: `ledger:${item.id}`, detail: { comment } }, transaction);
      return { itemId: item.id, recipient };
    },
  };
}

/** The progress the owner reported, as whole percent; 100 % waits for the assigner's confirmation. */
function reportedProgress(report: { progress?: unknown; progressNote?: unknown }): Partial<LedgerItemRow> {
  const progress = Math.min(100, Math.max(0, Math.floor(Number(report.progress))));
  if (!Number.isFinite(progress)) throw new Error(`流程变量 progress 不是数字 / process variable progress is not a number: ${String(report.progress)}`);
  return {
    progress,
    progressNote: typeof report.progressNote === 'string' ? report.progressNote : null,
    status: progress >= 100 ? 'awaiting_confirmation' : 'in_progress',
  };
}

export type Ledger = ReturnType<typeof createLedger>;

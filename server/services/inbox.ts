import { randomUUID } from 'node:crypto';
import { Op, type Transaction } from 'sequelize';
import type { Models, } from '../models/index.ts';
import type { TaskRow } from '../models/records.ts';
import type { InboxSink, UserTaskSpec, Variables } from '../../engine/port.ts';
import type { SessionUser } from '../auth/session-user.ts';
import { MANAGERS } from '../auth/roles.ts';
import type { Scope } from '../auth/scope.ts';
import type { Audit } from './audit.ts';
import type { FormRegistry } from './forms.ts';
import { AppError, notFound } from '../http/errors.ts';
import { delegatedNotResolved, notAssignee, taskClosed } from './task-operations/refusals.ts';
import { isoDate } from '../http/iso-date.ts';
import { validateSubmission } from '../../forms/validate-submission.ts';
import { readOnlyKeys, editableKeys } from '../../forms/form-schema.ts';
import { taskOperationTables } from './task-operations/tables.ts';
import { createTaskEvents } from './task-operations/task-events.ts';

export interface InboxDeps {
  models: Models;
  forms: FormRegistry;
  scope: Scope;
  audit: Audit;
  engine: {
    completeUserTask(instanceKey: string, executionId: string, variables: Variables, within?: (t: Transaction) => Promise<void>): Promise<void>;
    getVariables(instanceKey: string): Promise<Variables>;
  };
  /** Display names of processes by id (the latest deployed version's name). */
  processNames(): Promise<Map<string, string>>;
}

const parseList = (text: string): string[] => JSON.parse(text) as string[];

function isCandidate(task: TaskRow, user: SessionUser): boolean {
  return (
    parseList(task.candidateUsers).includes(user.username) ||
    parseList(task.candidateGroups).some((group) => user.roles.some((r) => r.role === group))
  );
}

/** Who handles the task now: its assignee, or any candidate while nobody is assigned. */
export function mayHandle(task: TaskRow, user: SessionUser): boolean {
  return task.assignee === user.username || (task.assignee === null && isCandidate(task, user));
}

export type TaskAccess = 'handler' | 'owner' | 'manager' | 'copied';

/** Which tasks a list shows: the caller's open tasks (待办) or the tasks copied to them (抄送我的). */
export type InboxView = 'todo' | 'cc';

/**
 * The inbox (待办): user tasks of running instances, who may see and complete them, their submissions, and the
 * approval record (审批记录) of every action on them.
 */
export function createInbox(deps: InboxDeps) {
  const { models } = deps;
  const tables = taskOperationTables(models.Task.sequelize!);
  const events = createTaskEvents(tables, deps.audit);

  /** Called by the engine, inside the transaction of its step: new waits become tasks, ended ones close. */
  const sink: InboxSink = {
    async tasksWaiting(update, transaction) {
      const waiting = new Set(update.tasks.map((t) => t.executionId));
      const existing = await models.Task.findAll({ where: { instanceKey: update.instanceKey }, attributes: ['executionId', 'state'], raw: true, transaction });
      const known = new Set(existing.map((t) => t.executionId));
      for (const spec of update.tasks.filter((t) => !known.has(t.executionId))) {
        await models.Task.create(taskRow(spec, update.processId, update.variables), { transaction });
      }
      if (!update.complete) return;
      const ended = existing.filter((t) => t.state === 'open' && !waiting.has(t.executionId)).map((t) => t.executionId);
      if (ended.length) await models.Task.update({ state: 'cancelled', completedAt: new Date() }, { where: { executionId: { [Op.in]: ended }, state: 'open' }, transaction });
    },
    async taskEnded(executionId, transaction) {
      await models.Task.update({ state: 'cancelled', completedAt: new Date() }, { where: { executionId, state: 'open' }, transaction });
    },
  };

  function taskRow(spec: UserTaskSpec, processId: string, variables: Variables): TaskRow {
    return {
      id: `t_${randomUUID().replace(/-/g, '')}`,
      instanceKey: spec.instanceKey,
      executionId: spec.executionId,
      elementId: spec.elementId,
      processId,
      name: spec.name,
      assignee: spec.assignee,
      candidateUsers: JSON.stringify(spec.candidateUsers),
      candidateGroups: JSON.stringify(spec.candidateGroups),
      formKey: spec.formKey,
      dueDate: spec.dueDate ? new Date(spec.dueDate) : null,
      followUpDate: spec.followUpDate ? new Date(spec.followUpDate) : null,
      priority: spec.priority,
      state: 'open',
      subjectUserId: typeof variables.subjectUserId === 'number' ? variables.subjectUserId : null,
      unitId: typeof variables.unitId === 'number' ? variables.unitId : null,
      cycleId: typeof variables.cycleId === 'number' ? variables.cycleId : null,
      createdAt: new Date(),
      completedAt: null,
      completedBy: null,
    };
  }

  /** Presents tasks with what they show from other tables (subject, delegation, urges, process name), read once per list. */
  async function presentAll(tasks: TaskRow[]) {
    if (!tasks.length) return [];
    const subjectIds = [...new Set(tasks.map((t) => t.subjectUserId).filter((id): id is number => id !== null))];
    const subjects = new Map((await models.User.findAll({ where: { id: subjectIds }, raw: true })).map((u) => [u.id, u]));
    const owners = new Map((await tables.TaskDelegation.findAll({ where: { taskId: tasks.map((t) => t.id) }, raw: true })).map((d) => [d.taskId, d.owner]));
    const urges = await events.urgesOf(tasks.map((t) => t.id));
    const processNames = await deps.processNames();
    return tasks.map((task) => {
      const subject = task.subjectUserId === null ? undefined : subjects.get(task.subjectUserId);
      return {
        id: task.id,
        name: task.name,
        elementId: task.elementId,
        processId: task.processId,
        processName: processNames.get(task.processId) ?? task.processId,
        instanceId: task.instanceKey,
        formKey: task.formKey,
        assignee: task.assignee,
        /** while delegated (委派): who gets the task back when the delegate resolves it */
        owner: owners.get(task.id) ?? null,
        candidateUsers: parseList(task.candidateUsers),
        candidateGroups: parseList(task.candidateGroups),
        dueDate: isoDate(task.dueDate),
        priority: task.priority,
        state: task.state,
        createdAt: isoDate(task.createdAt),
        completedAt: isoDate(task.completedAt),
        completedBy: task.completedBy,
        urgeCount: urges.get(task.id)?.count ?? 0,
        lastUrgedAt: isoDate(urges.get(task.id)?.lastAt),
        subject: subject ? { username: subject.username, displayName: subject.displayName } : null,
      };
    });
  }

  const present = async (task: TaskRow) => (await presentAll([task]))[0];

  /** Why the caller may see the task: they handle or handled it, own it while delegated, manage its unit, or were copied. */
  async function access(task: TaskRow, user: SessionUser): Promise<TaskAccess | null> {
    if (task.assignee === user.username || task.completedBy === user.username || isCandidate(task, user)) return 'handler';
    if ((await tables.TaskDelegation.findByPk(task.id, { raw: true }))?.owner === user.username) return 'owner';
    if (task.unitId !== null && (await deps.scope.unitsFor(user, MANAGERS)).has(task.unitId)) return 'manager';
    if (await events.isCopiedTo(task.id, user.username)) return 'copied';
    return null;
  }

  async function find(id: string, user: SessionUser): Promise<TaskRow> {
    const task = await models.Task.findByPk(id, { raw: true });
    if (!task || !(await access(task, user))) throw notFound('task', '待办任务');
    return task;
  }

  /** The task, if the caller is the one to act on it now: open, theirs, and not handed to a delegate. */
  async function handling(id: string, user: SessionUser): Promise<TaskRow> {
    const task = await find(id, user);
    if (task.state !== 'open') throw taskClosed();
    if (!mayHandle(task, user)) throw notAssignee();
    if (await tables.TaskDelegation.findByPk(task.id, { raw: true })) throw delegatedNotResolved();
    return task;
  }

  /**
   * Inside the engine step that completes the task: marks it completed by `by` and keeps what they submitted. False
   * when the task is no longer open (or, with `heldBy`, no longer with that person), for the caller to refuse.
   */
  async function closeAsCompleted(
    task: TaskRow,
    by: string,
    submission: { formKey: string; formVersion: number; data: Variables } | null,
    transaction: Transaction,
    heldBy?: string,
  ): Promise<boolean> {
    const [closed] = await models.Task.update(
      { state: 'completed', completedAt: new Date(), completedBy: by },
      { where: { id: task.id, state: 'open', ...(heldBy ? { assignee: heldBy } : {}) }, transaction },
    );
    if (closed !== 1) return false;
    if (submission) {
      await models.Submission.create(
        { taskId: task.id, instanceKey: task.instanceKey, formKey: submission.formKey, formVersion: submission.formVersion, data: JSON.stringify(submission.data), submittedBy: by, createdAt: new Date() },
        { transaction },
      );
    }
    return true;
  }

  /** 抄送我的: tasks others copied to the caller, open or done, newest first. */
  async function copiedTo(user: SessionUser) {
    const copied = await models.Task.findAll({ where: { id: { [Op.in]: await events.copiedTaskIds(user.username) } }, order: [['createdAt', 'DESC']], raw: true });
    return presentAll(copied);
  }

  return {
    sink,
    tables,
    events,
    find,
    access,
    present,

    async list(user: SessionUser, view: InboxView = 'todo') {
      if (view === 'cc') return copiedTo(user);
      const open = await models.Task.findAll({
        where: { state: 'open', [Op.or]: [{ assignee: user.username }, { assignee: null }] },
        order: [['createdAt', 'DESC']],
        raw: true,
      });
      return presentAll(open.filter((t) => t.assignee === user.username || isCandidate(t, user)));
    },

    /** The task, its form, and the data to show: read-only fields from the process, the person's own last answer. */
    async get(id: string, user: SessionUser) {
      const task = await find(id, user);
      if (!task.formKey) return { task: await present(task), form: null, data: {} };
      const { form, version } = await deps.forms.latest(task.formKey);
      const variables = task.state === 'open' ? await deps.engine.getVariables(task.instanceKey) : {};
      const previous = await models.Submission.findOne({
        // only the caller's own answer: approvers sharing a form, or peers reviewing one person, never see each other's
        where: { instanceKey: task.instanceKey, formKey: task.formKey, submittedBy: user.username },
        order: [['id', 'DESC']],
        raw: true,
      });
      const own = previous ? (JSON.parse(previous.data) as Variables) : {};
      const data: Variables = {};
      for (const key of readOnlyKeys(form)) if (key in variables) data[key] = variables[key];
      for (const key of editableKeys(form)) if (key in own) data[key] = own[key];
      return { task: await present(task), form, formVersion: version, data };
    },

    handling,
    closeAsCompleted,

    async complete(id: string, user: SessionUser, submitted: Record<string, unknown>) {
      const task = await handling(id, user);
      const form = task.formKey ? await deps.forms.latest(task.formKey) : null;
      let data: Variables = {};
      if (form) {
        const result = validateSubmission(form.form, submitted, await deps.engine.getVariables(task.instanceKey));
        if (!result.ok) throw new AppError(400, 'form.invalid', '表单填写有误，请按提示修改', 'The form has errors, please correct them', result.errors);
        data = result.data;
      }
      await deps.engine.completeUserTask(task.instanceKey, task.executionId, data, async (transaction) => {
        if (!(await closeAsCompleted(task, user.username, form && { formKey: form.formKey, formVersion: form.version, data }, transaction))) throw taskClosed();
        await events.record({ task, action: 'complete', actor: user.username }, transaction);
      });
      return present((await models.Task.findByPk(task.id, { raw: true })) as TaskRow);
    },
  };
}

export type Inbox = ReturnType<typeof createInbox>;

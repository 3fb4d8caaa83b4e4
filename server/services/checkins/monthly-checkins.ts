import type { Models } from '../../models/index.ts';
import type { SessionUser } from '../../auth/session-user.ts';
import type { Role } from '../../auth/roles.ts';
import type { Scope } from '../../auth/scope.ts';
import type { Processes } from '../processes.ts';
import type { Audit } from '../audit.ts';
import { AppError, forbidden } from '../../http/errors.ts';

export const CHECKIN_PROCESS = 'monthly-checkin';

/** Who starts a month's check-in for people of their units; the talk itself is the person's supervisor's task. */
export const CHECKIN_STARTERS: Role[] = ['supervisor', 'office', 'unit_admin'];

const unknownPerson = (username: string) => new AppError(400, 'user.not_found', `用户「${username}」不存在或已停用`, `No active user "${username}"`);
const noSupervisor = (name: string) => new AppError(400, 'checkin.no_supervisor', `「${name}」未设置直接领导，无法安排月度沟通`, `${name} has no supervisor to hold the check-in`);

/**
 * 月度沟通 (001 「每月与被考核者沟通1次」): starts monthly-checkin.bpmn for a person and month; the supervisor
 * records the talk (progress review, problems, next steps) and the person acknowledges it.
 */
export function createMonthlyCheckins(deps: { models: Models; scope: Scope; processes: Processes; audit: Audit }) {
  return {
    async start(input: { username: string; month: string }, user: SessionUser) {
      const person = await deps.models.User.findOne({ where: { username: input.username, active: true }, raw: true });
      if (!person) throw unknownPerson(input.username);
      if (!(await deps.scope.unitsFor(user, CHECKIN_STARTERS)).has(person.unitId)) throw forbidden();
      if (person.supervisorId === null) throw noSupervisor(person.displayName);
      const started = await deps.processes.startFor(CHECKIN_PROCESS, person.username, null, input.month);
      await deps.audit.record({ actor: user.username, action: 'checkin.start', target: `instance:${started.instanceId}`, detail: { person: person.username, month: input.month } });
      return started;
    },
  };
}

export type MonthlyCheckins = ReturnType<typeof createMonthlyCheckins>;

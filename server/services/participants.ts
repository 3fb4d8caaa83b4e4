import type { Models } from '../models/index.ts';
import type { UnitRow, UserRow } from '../models/org.ts';
import { Op } from 'sequelize';
import { ancestry, subtree } from '../auth/scope.ts';
import { headsUp, nearestHead } from './unit-head.ts';

/** How many colleagues review a person (同事互评) by default. */
export const PEERS_PER_PERSON = 4;

export interface Participants {
  supervisor: string | null;
  leaderInCharge: string | null;
  /** 单位主要负责人 of the nearest unit above the person that names one */
  director: string | null;
  /** everyone holding the leader role in the person's unit chain (领导评价) */
  leaders: string[];
  /** colleagues who review the person: the next ones of the same unit going round, else of the parent unit's subtree */
  peers: string[];
}

interface OrgSnapshot {
  units: Array<Pick<UnitRow, 'id' | 'parentId' | 'headUserId'>>;
  users: Array<Pick<UserRow, 'id' | 'username' | 'unitId' | 'active'>>;
  roles: Array<{ userId: number; role: string; unitId: number }>;
}

/**
 * The `count` colleagues after the person in the list, going round: everyone of a unit reviews as many people as
 * review them, and nobody reviews themselves.
 */
export function nextAround(ids: number[], self: number, count: number): number[] {
  const others = ids.filter((id) => id !== self);
  const start = others.findIndex((id) => id > self);
  const from = start === -1 ? 0 : start;
  return [...others.slice(from), ...others.slice(0, from)].slice(0, count);
}

/** Who takes part in a person's assessment, from the org tree (pure, so the choice can be tested on its own). */
export function participantsOf(org: OrgSnapshot, person: Pick<UserRow, 'id' | 'unitId' | 'supervisorId' | 'leaderInChargeId'>): Participants {
  const byId = new Map(org.users.filter((u) => u.active).map((u) => [u.id, u]));
  const name = (id: number | null | undefined) => (id ? (byId.get(id)?.username ?? null) : null);
  const chain = ancestry(org.units, person.unitId);
  const director = name(nearestHead(org.units, person.unitId, (id) => byId.has(id)));
  const leaders = [...new Set(org.roles.filter((r) => r.role === 'leader' && chain.includes(r.unitId)).map((r) => name(r.userId)))]
    .filter((n): n is string => n !== null && n !== name(person.id))
    .sort();
  const staffIn = (units: Set<number>) => [
    ...new Set(
      org.roles
        .filter((r) => r.role === 'staff' && units.has(r.unitId))
        .map((r) => r.userId)
        .filter((id) => byId.has(id)),
    ),
  ].sort((a, b) => a - b);
  let colleagues = staffIn(new Set([person.unitId]));
  const parent = chain[1];
  if (colleagues.filter((id) => id !== person.id).length === 0 && parent !== undefined) colleagues = staffIn(subtree(org.units, parent));
  return {
    supervisor: name(person.supervisorId),
    leaderInCharge: name(person.leaderInChargeId),
    director,
    leaders,
    peers: nextAround(colleagues, person.id, PEERS_PER_PERSON).map((id) => byId.get(id)!.username),
  };
}

/**
 * Reads what one person's participants need — the unit tree, the leaders of their unit chain, the staff of their
 * unit (of the parent unit's subtree only when nobody else is there) and those people — and answers for them.
 */
export async function loadParticipants(models: Models, person: UserRow): Promise<Participants> {
  const units = await models.Unit.findAll({ attributes: ['id', 'parentId', 'headUserId'], raw: true });
  const chain = ancestry(units, person.unitId);
  const roleAttributes = ['userId', 'role', 'unitId'];
  const roles = await models.UserRole.findAll({ where: { [Op.or]: [{ role: 'leader', unitId: chain }, { role: 'staff', unitId: person.unitId }] }, attributes: roleAttributes, raw: true });
  const users: OrgSnapshot['users'] = [];
  const readUsers = async (more: Array<number | null>) => {
    const known = new Set(users.map((u) => u.id));
    const ids = [...new Set(more)].filter((id): id is number => id !== null && !known.has(id));
    if (ids.length) users.push(...(await models.User.findAll({ where: { id: ids }, attributes: ['id', 'username', 'unitId', 'active'], raw: true })));
  };
  await readUsers([person.id, person.supervisorId, person.leaderInChargeId, ...headsUp(units, person.unitId), ...roles.map((r) => r.userId)]);
  const answer = participantsOf({ units, users, roles }, person);
  const parent = chain[1];
  if (answer.peers.length || parent === undefined) return answer;
  const wider = await models.UserRole.findAll({ where: { role: 'staff', unitId: [...subtree(units, parent)] }, attributes: roleAttributes, raw: true });
  await readUsers(wider.map((r) => r.userId));
  return participantsOf({ units, users, roles: [...roles, ...wider] }, person);
}

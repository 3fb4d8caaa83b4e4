import type { Models } from '../models/index.ts';
import type { UnitRow, UserRow } from '../models/org.ts';
import { ancestry, subtree } from '../auth/scope.ts';

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
  const heads = new Map(org.units.map((u) => [u.id, u.headUserId]));
  const director = chain.map((id) => name(heads.get(id))).find((n) => n !== null && n !== undefined) ?? null;
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

/** Reads the org tree once and answers for one person. */
export async function loadParticipants(models: Models, person: UserRow): Promise<Participants> {
  const [units, users, roles] = await Promise.all([
    models.Unit.findAll({ attributes: ['id', 'parentId', 'headUserId'], raw: true }),
    models.User.findAll({ attributes: ['id', 'username', 'unitId', 'active'], raw: true }),
    models.UserRole.findAll({ attributes: ['userId', 'role', 'unitId'], raw: true }),
  ]);
  return participantsOf({ units, users, roles }, person);
}

import type { Route } from './router.svelte';
import { hasRole } from './session.svelte';
import type { Role, User } from './types';

/** Who manages flows, forms and rule sets of their unit subtree: administrators, the office, unit administrators. */
export const managers: Role[] = ['admin', 'office', 'unit_admin'];

/** Who reads rule sets and dry-runs them: the managers and the leaders. */
export const ruleSetReaders: Role[] = [...managers, 'leader'];

/** Who follows assessment cycles (考核周期): the managers and the leaders. */
export const cycleReaders: Role[] = ruleSetReaders;

/** Pages only some roles may open (the server checks every request again); the others are open to everyone. */
const pageRoles: Partial<Record<Route['name'], Role[]>> = {
  processes: managers,
  designer: managers,
  ruleSets: ruleSetReaders,
  ruleSet: ruleSetReaders,
  cycles: cycleReaders,
  cycle: cycleReaders
};

export function mayOpen(user: User, page: Route['name']): boolean {
  const roles = pageRoles[page];
  return roles === undefined || hasRole(user, ...roles);
}

import { t } from '../i18n/index.svelte';
import { managers } from '../lib/access';
import type { UnitRef, User } from '../lib/types';

/**
 * The units a user may start a cycle for: those they hold a managing role in. The API names only the user's own
 * unit, so another managed unit shows by its number.
 */
export function managedUnits(user: User): UnitRef[] {
  const ids = [...new Set(user.roles.filter((grant) => managers.includes(grant.role)).map((grant) => grant.unitId))];
  return ids.map((id) => ({ id, name: id === user.unit?.id ? user.unit.name : t('cycles.unitNumber', { id }) }));
}

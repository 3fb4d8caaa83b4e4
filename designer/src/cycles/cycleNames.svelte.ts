import { managers } from '../lib/access';
import { api } from '../lib/api';
import { resource } from '../lib/resource.svelte';
import { hasRole } from '../lib/session.svelte';
import type { User } from '../lib/types';
import { ruleSetChoices } from './ruleSetNames';

/**
 * The names of the processes and rule sets cycles name by id and code. Processes are listed to managers only,
 * so a leader sees the process id.
 */
export function cycleNames(user: User) {
  const processes = resource(() => (hasRole(user, ...managers) ? api.processes() : Promise.resolve([])));
  const ruleSets = resource(api.ruleSets);
  const ruleSetList = $derived(ruleSetChoices(ruleSets.value ?? []));

  return {
    process: (id: string) => processes.value?.find((p) => p.processId === id)?.name ?? id,
    ruleSet: (code: string) => ruleSetList.find((r) => r.code === code)?.name ?? code,
  };
}

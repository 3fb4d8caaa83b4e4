import type { RuleSetSummary } from '../lib/types';

/** Each rule set code once, with its name, as a cycle names its rule set by code. */
export function ruleSetChoices(ruleSets: RuleSetSummary[]): Array<{ code: string; name: string }> {
  const names = new Map<string, string>();
  for (const ruleSet of ruleSets) if (!names.has(ruleSet.code)) names.set(ruleSet.code, ruleSet.name);
  return [...names].map(([code, name]) => ({ code, name }));
}

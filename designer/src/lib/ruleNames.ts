import { hasMessage, t } from '../i18n/index.svelte';

/** Names of the rule kinds the scoring library writes into rule sets and traces; the code itself when unknown. */
function nameOf(code: string, prefixes: string[]): string {
  const key = prefixes.map((prefix) => prefix + code).find(hasMessage);
  return key ? t(key) : code;
}

/** 计分方式: `raterGroups` → 评价主体加权. */
export function methodName(type: string): string {
  return nameOf(type, ['method.']);
}

/** What produced a line of a score trace: a scoring method, a formula, a single rating, a cap … */
export function scoreRuleName(rule: string): string {
  return nameOf(rule, ['method.', 'scoreRule.']);
}

/** What produced a line of a grade trace: ranking, quota, threshold, pool, tie, veto, result application … */
export function gradeRuleName(rule: string): string {
  return nameOf(rule, ['gradeRule.']);
}

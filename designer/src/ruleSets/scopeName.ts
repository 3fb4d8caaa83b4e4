import { t } from '../i18n/index.svelte';
import type { RuleSetSummary } from '../lib/types';

/** Whom a rule-set version applies to: 全局预置 for the shipped presets, else its unit. */
export function scopeName(ruleSet: Pick<RuleSetSummary, 'unitId' | 'unitName'>): string {
  if (ruleSet.unitId === null) return t('ruleSets.global');
  return ruleSet.unitName ?? t('ruleSets.unit', { id: ruleSet.unitId });
}

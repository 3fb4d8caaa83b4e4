/** The rule sets of the source documents, shipped as presets (预置规则集). */
import type { RuleSet } from '../rule-set.ts';
import { chengdu2024 } from './chengdu-2024.ts';
import { civilServantModel } from './civil-servant-model.ts';
import { guangyuan2017 } from './guangyuan-2017.ts';
import { quanzhou2019 } from './quanzhou-2019.ts';
import { yiyuan2022 } from './yiyuan-2022.ts';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

const presets: readonly RuleSet[] = [guangyuan2017, quanzhou2019, civilServantModel, chengdu2024, yiyuan2022].map(deepFreeze);

export interface PresetSummary {
  id: string;
  name: string;
  source?: string;
  subjectKind: RuleSet['subjectKind'];
}

/** A preset by id (e.g. "chengdu-2024"); presets are frozen, derive a unit's rule set with `effectiveRuleSet`. */
export function getPreset(name: string): RuleSet | undefined {
  return presets.find((preset) => preset.id === name);
}

export function listPresets(): PresetSummary[] {
  return presets.map(({ id, name, source, subjectKind }) => ({ id, name, source, subjectKind }));
}

import { t, type MessageKey } from '../i18n/index.svelte';
import type { GradeRules, Indicator, RuleSet } from '../lib/types';
import type { RulePath, Step } from './overridePath';

/** A number of the rule set the quick form offers to change, with its value in force. */
export interface AdjustableField {
  path: RulePath;
  label: string;
  unit: '%' | 'points' | 'places';
  value: number;
}

export interface FieldGroup {
  title: string;
  fields: AdjustableField[];
  /** Weights of siblings, which must add up to 100 %. */
  sumsTo100: boolean;
}

/** R1/R8 weights: the weighted children of every indicator and the rater groups of every leaf. */
export function weightGroups(ruleSet: RuleSet): FieldGroup[] {
  const groups: FieldGroup[] = [];
  const visit = (nodes: Indicator[], list: 'indicators' | 'children', at: Step[], parent?: Indicator) => {
    const weighted = nodes.filter((node) => node.weight !== undefined);
    if (parent && weighted.length > 0) {
      groups.push({
        title: t('adjust.childWeights', { name: parent.name }),
        sumsTo100: true,
        fields: weighted.map((node) => ({ path: [...at, { list, by: 'key', id: node.key }, 'weight'], label: node.name, unit: '%', value: node.weight! }))
      });
    }
    for (const node of nodes) {
      const here: Step[] = [...at, { list, by: 'key', id: node.key }];
      if (node.method?.type === 'raterGroups') {
        groups.push({
          title: t('adjust.groupWeights', { name: node.name }),
          sumsTo100: true,
          fields: node.method.groups.map((group) => ({
            path: [...here, 'method', { list: 'groups', by: 'code', id: group.code }, 'weight'],
            label: group.label,
            unit: '%',
            value: group.weight
          }))
        });
      }
      visit(node.children ?? [], 'children', here, node);
    }
  };
  visit(ruleSet.indicators, 'indicators', []);
  return groups;
}

type LevelRule = GradeRules['rules'][number];

/** The numbers of a level rule: score lines, quota windows and the eligibility pool (G1–G5). */
function ruleFields(rule: LevelRule, at: Step[]): AdjustableField[] {
  const field = (path: Step[], label: MessageKey, unit: AdjustableField['unit'], value: number | undefined) =>
    value === undefined ? [] : [{ path: [...at, ...path] as RulePath, label: t(label), unit, value }];
  return [
    ...field(['minScore'], 'adjust.minScore', 'points', rule.minScore),
    ...field(['belowScore'], 'adjust.belowScore', 'points', rule.belowScore),
    ...field(['top', 'share'], 'adjust.topShare', '%', rule.top?.share),
    ...field(['top', 'count'], 'adjust.topCount', 'places', rule.top?.count),
    ...field(['top', 'uplift', 'share'], 'adjust.upliftShare', '%', rule.top?.uplift?.share),
    ...field(['bottom', 'share'], 'adjust.bottomShare', '%', rule.bottom?.share),
    ...field(['bottom', 'count'], 'adjust.bottomCount', 'places', rule.bottom?.count),
    ...field(['pool', 'share'], 'adjust.poolShare', '%', rule.pool?.share)
  ];
}

/** Grade quotas and score lines, one group per level (overrides address a rule by its level). */
export function gradeGroups(ruleSet: RuleSet): FieldGroup[] {
  const { levels, rules } = ruleSet.grading;
  return rules
    .filter((rule, index) => rules.findIndex((other) => other.level === rule.level) === index)
    .map((rule) => ({
      title: levels.find((level) => level.code === rule.level)?.label ?? rule.level,
      sumsTo100: false,
      fields: ruleFields(rule, ['grading', { list: 'rules', by: 'level', id: rule.level }])
    }))
    .filter((group) => group.fields.length > 0);
}

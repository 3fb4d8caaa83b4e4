import { getPreset } from '../../scoring/presets/index.ts';
import type { BonusItemsMethod, DeductionsMethod, Indicator, RankDeductionsMethod, RuleSet, ScoringMethod } from '../../scoring/rule-set.ts';
import type { RecordKind } from '../../models/performance-records.ts';

/**
 * What a performance record may say, read from the rule-set presets whose leaves score it, so an entry is
 * always an input those leaves accept: 点赞 → chengdu-2024 `commendation` (bonusItems), 错情 → chengdu-2024
 * `errorNotice` (deductions), 察访核验 → quanzhou-2019 `violations` (rankDeductions, under 察访核验扣分).
 */
export const RECORD_LEAVES: Record<RecordKind, { ruleSet: string; leaf: string }> = {
  commendation: { ruleSet: 'chengdu-2024', leaf: 'commendation' },
  errorNotice: { ruleSet: 'chengdu-2024', leaf: 'errorNotice' },
  inspection: { ruleSet: 'quanzhou-2019', leaf: 'violations' },
};

export const RECORD_LABELS: Record<RecordKind, string> = { commendation: '点赞', errorNotice: '错情', inspection: '察访核验' };

function leafMethod(ruleSet: RuleSet, key: string): ScoringMethod {
  const find = (nodes: Indicator[]): Indicator | undefined => nodes.map((n) => (n.key === key ? n : find(n.children ?? []))).find(Boolean);
  const method = find(ruleSet.indicators)?.method;
  if (!method) throw new Error(`规则集 ${ruleSet.id} 没有叶子指标 ${key} / rule set ${ruleSet.id} has no leaf ${key}`);
  return method;
}

function methodOf<T extends ScoringMethod['type']>(kind: RecordKind, type: T): Extract<ScoringMethod, { type: T }> {
  const { ruleSet, leaf } = RECORD_LEAVES[kind];
  const method = leafMethod(getPreset(ruleSet)!, leaf);
  if (method.type !== type) throw new Error(`${ruleSet}.${leaf} 不是 ${type} / is not ${type}`);
  return method as Extract<ScoringMethod, { type: T }>;
}

export const commendationMethod = (): BonusItemsMethod => methodOf('commendation', 'bonusItems');
export const errorNoticeMethod = (): DeductionsMethod => methodOf('errorNotice', 'deductions');
export const inspectionMethod = (): RankDeductionsMethod => methodOf('inspection', 'rankDeductions');

/** The catalogue the entry form offers: items with their points, violation kinds, ranks and multipliers. */
export function recordCatalogue() {
  const inspection = inspectionMethod();
  return {
    commendation: { leaf: RECORD_LEAVES.commendation, items: commendationMethod().items },
    errorNotice: { leaf: RECORD_LEAVES.errorNotice, items: errorNoticeMethod().items },
    inspection: { leaf: RECORD_LEAVES.inspection, kinds: inspection.kinds, ranks: inspection.ranks, multipliers: inspection.multipliers ?? [] },
  };
}

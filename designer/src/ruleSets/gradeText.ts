import { t } from '../i18n/index.svelte';
import type { GradeRules } from '../lib/types';

type LevelRule = GradeRules['rules'][number];
type RankWindow = NonNullable<LevelRule['top']>;
type TiePolicy = GradeRules['ties'];

/** Sentences about grade rules (G1–G5), for the rules and the rank labels of a rule set. */
export function gradeText(grading: GradeRules, names: Map<string, string>) {
  const levelLabel = (code: string) => grading.levels.find((level) => level.code === code)?.label ?? code;
  const keyLabel = (key: string) => names.get(key) ?? key;
  const ties = (policy: TiePolicy | undefined) => t(`grade.ties.${policy ?? grading.ties}`);

  /**
   * 前 15%（向下取整）, 后 3 名 …, and how ties at the edge are settled; for a level rule also where places
   * are counted (rank labels always count them in the whole ranking).
   */
  function windowText(window: RankWindow, side: 'top' | 'bottom', ofLevelRule = false): string[] {
    const size = window.count !== undefined
      ? t(`grade.${side}Count`, { count: window.count })
      : t(`grade.${side}Share`, { share: window.share ?? 0, rounding: t(`grade.rounding.${window.rounding ?? 'halfUp'}`) });
    return [
      size,
      ...(window.uplift ? [t('grade.uplift', { level: window.uplift.whenUnitLevel, share: window.uplift.share })] : []),
      ...(ofLevelRule ? [t(window.among === 'all' ? 'grade.amongAll' : 'grade.amongEligible')] : []),
      ties(window.ties)
    ];
  }

  /** The conditions of a level rule, one per line. */
  function ruleConditions(rule: LevelRule): string[] {
    return [
      ...(rule.minScore !== undefined ? [t('grade.minScore', { score: rule.minScore })] : []),
      ...(rule.belowScore !== undefined ? [t('grade.belowScore', { score: rule.belowScore })] : []),
      ...(rule.pool
        ? [t('grade.pool', {
            by: rule.pool.by ? keyLabel(rule.pool.by) : t('formulas.total'),
            share: rule.pool.share,
            rounding: t(`grade.rounding.${rule.pool.rounding}`)
          }), ties(rule.pool.ties)]
        : []),
      ...(rule.top ? windowText(rule.top, 'top', true) : []),
      ...(rule.bottom ? windowText(rule.bottom, 'bottom', true) : [])
    ];
  }

  /** 按综合得分排名；同分时比较 … */
  function ranking(): string {
    const keys = (grading.rankBy ?? []).map((key) => t(`grade.${key.direction}`, { name: keyLabel(key.key) }));
    return keys.length === 0 ? t('grade.rankByTotal') : t('grade.rankBy', { keys: keys.join(t('list.separator')) });
  }

  return { levelLabel, windowText, ruleConditions, ranking, ties };
}

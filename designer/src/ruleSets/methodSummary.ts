import { t } from '../i18n/index.svelte';
import type { ScoringMethod } from '../lib/types';
import { signed } from './numbers';

type Of<T extends ScoringMethod['type']> = Extract<ScoringMethod, { type: T }>;
interface Entry { label: string; value: number }
interface CatalogueItem { label: string; points?: number; maxPoints?: number }

const list = (parts: string[]) => parts.join(t('list.separator'));
const scaleText = (scale: Entry[]) => list(scale.map((entry) => `${entry.label} ${entry.value}`));

/** An item's points, or "case by case, at most n" when the points are set for each case. */
function itemText(item: CatalogueItem, sign: 1 | -1): string {
  if (item.points !== undefined) return `${item.label} ${signed(sign * item.points)}`;
  return item.maxPoints === undefined
    ? t('summary.caseByCase', { item: item.label })
    : t('summary.caseByCaseUpTo', { item: item.label, points: item.maxPoints });
}

const summaries: { [T in ScoringMethod['type']]: (method: Of<T>) => string[] } = {
  completion: (method) => [
    method.overAchievementCap > 0 ? t('summary.completion', { cap: method.overAchievementCap }) : t('summary.completionNoBonus'),
    ...(method.declaredItems ? [t('summary.declaredItems')] : [])
  ],
  ratingScale: (method) => [
    method.scale ? t('summary.scale', { scale: scaleText(method.scale) }) : t('summary.hundredScale'),
    ...(method.maxRatings ? [t('summary.maxRatings', { count: method.maxRatings })] : [])
  ],
  raterGroups: (method) => [
    t('summary.groups', { groups: list(method.groups.map((group) => `${group.label} ${group.weight}%`)) }),
    method.scale ? t('summary.scale', { scale: scaleText(method.scale) }) : t('summary.hundredScale'),
    t(`summary.missingGroup.${method.missingGroup}`)
  ],
  leaderVotes: (method) =>
    method.roles.map((role) =>
      t(role.maxVotes ? 'summary.votesUpTo' : 'summary.votes', {
        role: role.label,
        values: list(role.values.map((entry) => `${entry.label} ${signed(entry.value)}`)),
        count: role.maxVotes ?? ''
      })
    ),
  bonusItems: (method) => [
    ...method.items.map((item) => itemText(item, 1)),
    ...(method.oncePerWork ? [t('summary.oncePerWork')] : []),
    ...(method.cap !== undefined ? [t('summary.cap', { cap: method.cap })] : [])
  ],
  deductions: (method) => [
    ...method.items.map((item) => itemText(item, -1)),
    ...(method.multipliers?.length ? [t('summary.multipliers', { list: list(method.multipliers.map((m) => `${m.label} ×${m.factor}`)) })] : []),
    ...(method.cap !== undefined ? [t('summary.cap', { cap: method.cap })] : [])
  ],
  rankAdjustment: (method) => [t('summary.rankAdjustment', { baseline: method.baseline, of: method.of, perPlace: method.perPlace })],
  vetoes: (method) =>
    method.events.map((event) =>
      t(event.deduct > 0 ? 'summary.veto' : 'summary.vetoNoDeduction', { event: event.label, deduct: event.deduct, effect: t(`vetoEffect.${event.effect}`) })),
  rankDeductions: (method) => {
    const rankLabel = (code: string) => method.ranks.find((rank) => rank.code === code)?.label ?? code;
    return method.kinds.flatMap((kind) => {
      const points = list(Object.entries(kind.points).map(([rank, value]) => `${rankLabel(rank)} ${signed(-value)}`));
      const cancelled = Object.entries(kind.bonusCancelled ?? {}).map(([rank, whom]) => t('summary.cancelledFor', { rank: rankLabel(rank), whom: list(whom) }));
      return [
        t('summary.violation', { kind: kind.label, points }),
        ...(cancelled.length > 0 ? [t('summary.bonusCancelled', { list: cancelled.join(t('list.clauseSeparator')) })] : [])
      ];
    });
  }
};

/** 规则要点: the configuration of a scoring method in a few readable lines. */
export function methodSummary(method: ScoringMethod): string[] {
  return (summaries[method.type] as (method: ScoringMethod) => string[])(method);
}

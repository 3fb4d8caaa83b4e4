import type { Indicator, RuleSet, ScoringMethod } from '../lib/types';

const people = ['张三', '李四', '王五', '赵六'];
const units = ['甲单位', '乙单位', '丙单位', '丁单位'];

type Of<T extends ScoringMethod['type']> = Extract<ScoringMethod, { type: T }>;
type Scale = Array<{ label: string; value: number }> | undefined;
interface Leaf { key: string; method: ScoringMethod; full: number }

/** The `step`-th rating from the top: a label of the scale, else a number on the 100 scale. */
const rating = (scale: Scale, step: number) => (scale ? scale[Math.min(step, scale.length - 1)].label : 95 - step * 8);

const entry = (item: { code: string; points?: number; maxPoints?: number }) =>
  item.points !== undefined ? { code: item.code } : { code: item.code, points: Math.min(1, item.maxPoints ?? 1) };

/** An input per method for the subject at `place` (0 the best) of `count`; undefined leaves the leaf out. */
const inputs: { [T in ScoringMethod['type']]: (method: Of<T>, place: number, count: number, full: number) => unknown } = {
  completion: (method, place, _count, full) => {
    const achieved = { target: 100, actual: 100 - place * 10 };
    return method.declaredItems ? [{ name: '重点工作任务', points: full, ...achieved }] : achieved;
  },
  ratingScale: (method, place) => rating(method.scale, place),
  raterGroups: (method, place) =>
    Object.fromEntries(method.groups.map((group) => [
      group.code,
      (group.maxRatings ?? 1) > 1 ? [rating(method.scale, place), rating(method.scale, place + 1)] : rating(method.scale, place)
    ])),
  leaderVotes: (method, place) =>
    Object.fromEntries(method.roles.map((role) => {
      const vote = (step: number) => role.values[Math.min(step, role.values.length - 1)].label;
      return [role.code, role.maxVotes === 1 ? vote(place) : [vote(place), vote(place + 1)]];
    })),
  bonusItems: (method, place) => (place === 0 && method.items.length > 0 ? [entry(method.items[0])] : undefined),
  deductions: (method, place, count) => (place === count - 1 && method.items.length > 0 ? [entry(method.items[0])] : undefined),
  rankAdjustment: (method, place) => Math.min(method.of, Math.max(1, method.baseline - 2 + place * 2)),
  vetoes: () => undefined,
  rankDeductions: () => undefined
};

/** The leaves that apply to subjects of `variant` (post or unit category), with their full points. */
function leaves(nodes: Indicator[], variant: string | undefined): Leaf[] {
  return nodes
    .filter((node) => !(variant && node.variants?.[variant]?.omit))
    .flatMap((node) => {
      if (!node.method) return leaves(node.children ?? [], variant);
      const full = (variant ? node.variants?.[variant]?.points : undefined) ?? node.points ?? 100;
      return [{ key: node.key, method: node.method, full }];
    });
}

/** 试算样例: four subjects, from the best to the weakest, with an input for every leaf that applies to them. */
export function sampleCohort(ruleSet: RuleSet) {
  const category = ruleSet.categories?.[0];
  const postCategory = ruleSet.postCategories?.[0];
  const names = ruleSet.subjectKind === 'unit' ? units : people;
  const applicable = leaves(ruleSet.indicators, postCategory ?? category);
  return {
    subjects: names.map((name, place) => ({
      subjectId: `s${place + 1}`,
      name,
      ...(category ? { category } : {}),
      ...(postCategory ? { postCategory } : {}),
      inputs: Object.fromEntries(
        applicable
          .map((leaf) => [leaf.key, (inputs[leaf.method.type] as (m: ScoringMethod, p: number, c: number, f: number) => unknown)(leaf.method, place, names.length, leaf.full)])
          .filter(([, input]) => input !== undefined)
      )
    }))
  };
}

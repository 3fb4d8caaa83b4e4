/** Checks of the indicator tree (R1): keys, depth, methods, weights and points of siblings per post category. */
import type { Issues } from './issues.ts';
import { methodOf } from './methods/index.ts';
import type { Indicator, RuleSet } from './rule-set.ts';
import { TOTAL } from './scoring-plan.ts';

const MAX_DEPTH = 3;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** FEEL words that cannot name a value in a formula. */
const FEEL_WORDS = new Set([
  'and', 'or', 'not', 'if', 'then', 'else', 'for', 'in', 'return', 'some', 'every', 'satisfies', 'between', 'instance', 'of',
  'function', 'external', 'true', 'false', 'null',
]);

/** Checks a key usable as a FEEL name and not taken yet. */
export function checkKey(key: string, path: string, zhWhat: string, enWhat: string, taken: Set<string>, issues: Issues): void {
  if (!IDENTIFIER.test(key) || FEEL_WORDS.has(key)) {
    issues.add(path, 'key.invalid', `${zhWhat}编号「${key}」只能由字母、数字和下划线组成，不能以数字开头，也不能是 FEEL 保留字`,
      `${enWhat} key "${key}" must be letters, digits and underscores, not start with a digit, and not be a FEEL keyword`);
  } else if (key === TOTAL) {
    issues.add(path, 'key.reserved', `编号「${TOTAL}」保留给综合得分，请换一个编号`, `Key "${TOTAL}" is reserved for the total score`);
  } else if (taken.has(key)) {
    issues.add(path, 'key.duplicate', `编号「${key}」重复：指标和公式的编号必须唯一`, `Key "${key}" is used twice: indicator and formula keys must be unique`);
  }
  taken.add(key);
}

interface Sibling {
  indicator: Indicator;
  path: string;
}

function resolved(indicator: Indicator, variant: string | undefined) {
  const override = variant === undefined ? undefined : indicator.variants?.[variant];
  return { omit: override?.omit === true, weight: override?.weight ?? indicator.weight, points: override?.points ?? indicator.points };
}

function isScaled(indicator: Indicator): boolean {
  return indicator.children?.length ? true : indicator.method !== undefined && methodOf(indicator.method).scaled;
}

/** Weights and points of one group of siblings, for one post category (undefined: the default). */
function checkSiblings(parent: Indicator | undefined, parentPath: string, siblings: Sibling[], variant: string | undefined, issues: Issues): void {
  const present = siblings.map((s) => ({ ...s, ...resolved(s.indicator, variant) })).filter((s) => !s.omit);
  const where = variant === undefined ? '' : `（岗位类别「${variant}」）`;
  const whereEn = variant === undefined ? '' : ` (post category "${variant}")`;
  const owner = parent ? `「${parent.name}」下` : '一级指标';
  const ownerEn = parent ? `under "${parent.name}"` : 'of the top level';
  const weighted = present.filter((s) => s.weight !== undefined);
  if (weighted.length > 0 && !parent) {
    issues.add(parentPath, 'weights.topLevel', `一级指标不能设置权重${where}：请把它们放在一个上级指标下，或在综合得分公式中加权`,
      `Top-level indicators cannot have weights${whereEn}: put them under a parent indicator or weight them in the total formula`);
    return;
  }
  if (weighted.length > 0 && weighted.length < present.length) {
    issues.add(parentPath, 'weights.mixed', `${owner}的指标要么都设置权重，要么都不设置${where}`, `Indicators ${ownerEn} must all have a weight or none${whereEn}`);
    return;
  }
  if (weighted.length > 0) {
    issues.hundredPercent(weighted.map((s) => s.weight!), parentPath, `${owner}${where}`, `${ownerEn}${whereEn}`);
    for (const s of weighted) {
      if (!isScaled(s.indicator)) {
        issues.add(`${s.path}.weight`, 'weights.unscaled', `「${s.indicator.name}」是加减分项，没有满分，不能按权重计入`, `"${s.indicator.name}" adds or deducts points and has no full score, so it cannot be weighted`);
      }
    }
    return;
  }
  const parentPoints = parent ? resolved(parent, variant).points : undefined;
  if (parentPoints !== undefined && present.length > 0 && present.every((s) => s.points !== undefined)) {
    const sum = present.reduce((total, s) => total + Math.round(s.points! * 100), 0);
    if (sum !== Math.round(parentPoints * 100)) {
      issues.add(parentPath, 'points.sum', `${owner}各指标分值之和为 ${sum / 100}${where}，应为「${parent!.name}」的分值 ${parentPoints}`,
        `Points ${ownerEn} add up to ${sum / 100}${whereEn}, must be the ${parentPoints} points of "${parent!.name}"`);
    }
  }
}

function checkIndicator(ruleSet: RuleSet, indicator: Indicator, path: string, depth: number, taken: Set<string>, issues: Issues): void {
  checkKey(indicator.key, `${path}.key`, '指标', 'Indicator', taken, issues);
  const zh = `「${indicator.name}」`;
  issues.amount(indicator.weight, `${path}.weight`, `${zh}的权重（%）`, `The weight (%) of "${indicator.name}"`, { above: 0, max: 100 });
  issues.amount(indicator.points, `${path}.points`, `${zh}的分值`, `The points of "${indicator.name}"`, { above: 0 });
  for (const [variant, override] of Object.entries(indicator.variants ?? {})) {
    const at = `${path}.variants.${variant}`;
    if (!ruleSet.postCategories?.includes(variant)) {
      issues.add(at, 'variants.unknown', `${zh}的变体「${variant}」不是规则集的岗位类别（postCategories）`, `Variant "${variant}" of "${indicator.name}" is not a post category of the rule set`);
    }
    issues.amount(override.weight, `${at}.weight`, `${zh}在「${variant}」的权重（%）`, `The weight (%) of "${indicator.name}" for "${variant}"`, { above: 0, max: 100 });
    issues.amount(override.points, `${at}.points`, `${zh}在「${variant}」的分值`, `The points of "${indicator.name}" for "${variant}"`, { above: 0 });
  }
  const children = indicator.children ?? [];
  if (depth > MAX_DEPTH) {
    issues.add(path, 'indicators.depth', `${zh}超出三级指标：指标最多分三级`, `"${indicator.name}" is below the third level: indicators have at most three levels`);
  }
  if (children.length > 0 && indicator.method) {
    issues.add(`${path}.method`, 'indicator.methodOnParent', `${zh}有下级指标，其得分是下级之和，不能再设置计分方法`, `"${indicator.name}" has children and scores their sum, so it cannot have a scoring method`);
  }
  if (children.length === 0 && !indicator.method) {
    issues.add(path, 'indicator.noMethod', `${zh}是末级指标，需要设置计分方法`, `"${indicator.name}" is a leaf and needs a scoring method`);
  }
  if (indicator.method) methodOf(indicator.method).validate(indicator.method, `${path}.method`, indicator.name, issues);
  checkChildren(ruleSet, indicator, children, `${path}.children`, depth + 1, taken, issues);
}

function checkChildren(ruleSet: RuleSet, parent: Indicator | undefined, indicators: Indicator[], path: string, depth: number, taken: Set<string>, issues: Issues): void {
  indicators.forEach((indicator, i) => checkIndicator(ruleSet, indicator, `${path}[${i}]`, depth, taken, issues));
  if (indicators.length === 0) return;
  const siblings = indicators.map((indicator, i) => ({ indicator, path: `${path}[${i}]` }));
  checkSiblings(parent, path, siblings, undefined, issues);
  for (const variant of ruleSet.postCategories ?? []) {
    const varies = parent?.variants?.[variant] !== undefined || indicators.some((indicator) => indicator.variants?.[variant] !== undefined);
    if (varies) checkSiblings(parent, path, siblings, variant, issues);
  }
}

/** Checks the tree and returns every indicator key in use. */
export function checkIndicators(ruleSet: RuleSet, issues: Issues): Set<string> {
  const taken = new Set<string>();
  checkChildren(ruleSet, undefined, ruleSet.indicators, 'indicators', 1, taken, issues);
  return taken;
}

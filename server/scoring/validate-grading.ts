/** Checks of the grade rules (G1–G6): levels, windows and quotas, pools, tie keys, results and follow-ups. */
import type { Issues } from './issues.ts';
import type { FollowUpAction, GradeRules, RankWindow, RuleSet } from './rule-set.ts';
import { TOTAL } from './scoring-plan.ts';

function checkShare(share: number | undefined, path: string, zhWhat: string, enWhat: string, issues: Issues): void {
  if (share === undefined) return;
  if (share > 100) {
    issues.add(path, 'quota.over100', `${zhWhat}为 ${share}%，不能超过 100%`, `${enWhat} is ${share} %, it cannot exceed 100 %`);
    return;
  }
  issues.amount(share, path, zhWhat, enWhat, { above: 0 });
}

function checkWindow(window: RankWindow, path: string, zhWhat: string, enWhat: string, issues: Issues): void {
  if ((window.count === undefined) === (window.share === undefined)) {
    issues.add(path, 'window.size', `${zhWhat}应填写名次数（count）或比例（share）之一`, `${enWhat} needs either a count or a share`);
  }
  checkShare(window.share, `${path}.share`, `${zhWhat}的比例`, `The share of ${enWhat}`, issues);
  if (window.share !== undefined && window.rounding === undefined) {
    issues.add(`${path}.rounding`, 'window.rounding', `${zhWhat}按比例计算名额，需要指定取整方式（四舍五入 halfUp / 向上 up / 向下 down）`, `${enWhat} is a share and needs a rounding rule (halfUp / up / down)`);
  }
  if (window.uplift) {
    if (window.share === undefined) {
      issues.add(`${path}.uplift`, 'window.uplift', `${zhWhat}的名额上浮只适用于按比例计算的名额`, `The uplift of ${enWhat} only applies to a share`);
    }
    checkShare(window.uplift.share, `${path}.uplift.share`, `${zhWhat}上浮后的比例`, `The raised share of ${enWhat}`, issues);
  }
}

function checkActions(actions: readonly FollowUpAction[] | undefined, path: string, ruleSet: RuleSet, issues: Issues): void {
  actions?.forEach((action, i) => {
    for (const category of action.categories ?? []) {
      if (ruleSet.categories && !ruleSet.categories.includes(category)) {
        issues.add(`${path}[${i}].categories`, 'category.unknown', `结果运用「${action.label}」引用了未定义的考核类别「${category}」`, `Follow-up "${action.label}" names an unknown category "${category}"`);
      }
    }
  });
}

function checkLevelRef(code: string, path: string, levels: Set<string>, issues: Issues): void {
  if (!levels.has(code)) {
    const known = [...levels].join('、');
    issues.add(path, 'level.unknown', `等次「${code}」未在等次列表中定义（已定义：${known}）`, `Grade level "${code}" is not defined (defined: ${known})`);
  }
}

export function checkGrading(ruleSet: RuleSet, names: Set<string>, issues: Issues): void {
  const g: GradeRules = ruleSet.grading;
  issues.unique(g.levels, (level) => level.code, 'grading.levels', '等次', 'Grade level');
  const levels = new Set(g.levels.map((level) => level.code));
  const labelOf = (code: string) => g.levels.find((level) => level.code === code)?.label ?? code;
  const keys = new Set([...names, TOTAL]);
  const checkKeyRef = (key: string, path: string) => {
    if (!keys.has(key)) issues.add(path, 'grading.unknownKey', `排序依据「${key}」不是指标或公式的编号`, `Ranking key "${key}" is not an indicator or formula key`);
  };

  issues.unique(g.rules, (rule) => rule.level, 'grading.rules', '等次规则', 'Grade rule', false);
  g.rules.forEach((rule, i) => {
    const path = `grading.rules[${i}]`;
    const zh = `「${labelOf(rule.level)}」`;
    checkLevelRef(rule.level, `${path}.level`, levels, issues);
    if (rule.top && rule.bottom) issues.add(path, 'window.both', `${zh}不能同时按前几名和后几名评定`, `"${rule.level}" cannot use both a top and a bottom window`);
    if (rule.top) checkWindow(rule.top, `${path}.top`, `${zh}名额`, `the quota of "${rule.level}"`, issues);
    if (rule.bottom) checkWindow(rule.bottom, `${path}.bottom`, `${zh}的后几名`, `the bottom places of "${rule.level}"`, issues);
    issues.amount(rule.minScore, `${path}.minScore`, `${zh}的最低分`, `The minimum score of "${rule.level}"`);
    issues.amount(rule.belowScore, `${path}.belowScore`, `${zh}的分数线`, `The score limit of "${rule.level}"`);
    if (rule.pool) {
      checkShare(rule.pool.share, `${path}.pool.share`, `${zh}的入围比例`, `The eligibility pool of "${rule.level}"`, issues);
      if (rule.pool.by !== undefined) checkKeyRef(rule.pool.by, `${path}.pool.by`);
    }
  });
  checkLevelRef(g.otherwise, 'grading.otherwise', levels, issues);
  g.rankBy?.forEach((key, i) => checkKeyRef(key.key, `grading.rankBy[${i}].key`));

  issues.unique(g.labels ?? [], (label) => label.code, 'grading.labels', '名次标记', 'Rank label', false);
  g.labels?.forEach((label, i) => {
    const path = `grading.labels[${i}]`;
    if ((label.top === undefined) === (label.bottom === undefined)) {
      issues.add(path, 'window.size', `名次标记「${label.label}」应按前几名（top）或后几名（bottom）之一确定`, `Rank label "${label.label}" needs either a top or a bottom window`);
    }
    const window = label.top ?? label.bottom;
    if (window) checkWindow(window, `${path}.${label.top ? 'top' : 'bottom'}`, `名次标记「${label.label}」`, `rank label "${label.label}"`, issues);
    checkActions(label.actions, `${path}.actions`, ruleSet, issues);
  });

  issues.unique(g.results ?? [], (result) => result.level, 'grading.results', '结果运用等次', 'Result level', false);
  g.results?.forEach((result, i) => {
    const path = `grading.results[${i}]`;
    checkLevelRef(result.level, `${path}.level`, levels, issues);
    issues.amount(result.bonusCoefficient, `${path}.bonusCoefficient`, `「${labelOf(result.level)}」的绩效奖金系数`, `The bonus coefficient of "${result.level}"`, { min: 0 });
    issues.amount(result.bonusMonthsOffset, `${path}.bonusMonthsOffset`, `「${labelOf(result.level)}」的绩效奖增减月数`, `The bonus months offset of "${result.level}"`);
    checkActions(result.actions, `${path}.actions`, ruleSet, issues);
  });

  const labels = new Set((g.labels ?? []).map((label) => label.code));
  issues.unique(g.consecutive ?? [], (rule) => rule.code, 'grading.consecutive', '连续结果规则', 'Consecutive rule', false);
  g.consecutive?.forEach((rule, i) => {
    const path = `grading.consecutive[${i}]`;
    rule.levels?.forEach((code, j) => checkLevelRef(code, `${path}.levels[${j}]`, levels, issues));
    rule.labels?.forEach((code, j) => {
      if (!labels.has(code)) issues.add(`${path}.labels[${j}]`, 'label.unknown', `名次标记「${code}」未定义`, `Rank label "${code}" is not defined`);
    });
    if (!rule.levels?.length && !rule.labels?.length) {
      issues.add(path, 'consecutive.empty', `连续结果规则「${rule.label}」需要指定等次或名次标记`, `Consecutive rule "${rule.label}" needs levels or labels`);
    }
    checkActions(rule.actions, `${path}.actions`, ruleSet, issues);
  });
}

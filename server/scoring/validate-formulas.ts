/** Checks of the formulas: syntax, names they use, references between formulas, a numeric result. */
import { evaluate } from 'feelin';
import { formulaNames, isBuiltinFunction, linearForm, parseFormula, type ParsedFormula } from './formula.ts';
import type { Issues } from './issues.ts';
import type { RuleSet } from './rule-set.ts';
import { TOTAL } from './scoring-plan.ts';
import { checkKey } from './validate-indicators.ts';

interface Checked {
  key: string;
  label: string;
  path: string;
  parsed?: ParsedFormula;
  variables: string[];
}

function checkOne(key: string, label: string, expression: string, path: string, known: Set<string>, issues: Issues): Checked {
  const parsed = parseFormula(expression);
  if (!('tree' in parsed)) {
    const zh = parsed.message === 'empty' ? `公式「${label}」为空` : `公式「${label}」有语法错误：第 ${parsed.position + 1} 个字符附近「${parsed.message}」无法识别`;
    const en = parsed.message === 'empty' ? `Formula "${label}" is empty` : `Formula "${label}" has a syntax error near character ${parsed.position + 1} ("${parsed.message}")`;
    issues.add(path, 'formula.syntax', zh, en);
    return { key, label, path, variables: [] };
  }
  const names = formulaNames(parsed);
  const available = [...known].filter((name) => name !== key).join('、');
  for (const name of names.variables) {
    if (!known.has(name)) {
      issues.add(path, 'formula.unknownName', `公式「${label}」引用了不存在的名称「${name}」（可用：${available}）`, `Formula "${label}" names "${name}", which does not exist (available: ${available})`);
    }
  }
  for (const name of names.functions) {
    if (!isBuiltinFunction(name)) {
      issues.add(path, 'formula.unknownFunction', `公式「${label}」调用了不存在的函数「${name}」`, `Formula "${label}" calls an unknown function "${name}"`);
    }
  }
  return { key, label, path, parsed, variables: names.variables };
}

/** Formula references that go round in a circle, as key paths "a → b → a". */
function cycles(formulas: Checked[]): string[][] {
  const byKey = new Map(formulas.map((f) => [f.key, f]));
  const found: string[][] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (f: Checked, stack: string[]) => {
    state.set(f.key, 'visiting');
    for (const name of f.variables) {
      const next = byKey.get(name);
      if (!next) continue;
      if (state.get(name) === 'visiting') found.push([...stack.slice(stack.indexOf(name)), name]);
      else if (!state.has(name)) visit(next, [...stack, name]);
    }
    state.set(f.key, 'done');
  };
  for (const f of formulas) if (!state.has(f.key)) visit(f, [f.key]);
  return found;
}

/** A formula that is not a plain weighted sum must still give a number; try it with every name at 1. */
function checkResult(f: Checked, issues: Issues): void {
  if (!f.parsed || linearForm(f.parsed)) return;
  const context = Object.fromEntries(f.variables.map((name) => [name, 1]));
  let value: unknown;
  try {
    value = evaluate(f.parsed.body, context).value;
  } catch {
    value = undefined;
  }
  if (typeof value !== 'number') {
    issues.add(f.path, 'formula.notNumber', `公式「${f.label}」的结果不是数字（各项取 1 时结果为 ${JSON.stringify(value) ?? '空'}）`,
      `Formula "${f.label}" does not give a number (with every name at 1 it gives ${JSON.stringify(value) ?? 'nothing'})`);
  }
}

export function checkFormulas(ruleSet: RuleSet, indicatorKeys: Set<string>, issues: Issues): void {
  const taken = new Set(indicatorKeys);
  (ruleSet.formulas ?? []).forEach((f, i) => checkKey(f.key, `formulas[${i}].key`, '公式', 'Formula', taken, issues));
  const known = new Set(taken);
  const checked = [
    ...(ruleSet.formulas ?? []).map((f, i) => checkOne(f.key, f.label, f.expression, `formulas[${i}].expression`, known, issues)),
    checkOne(TOTAL, '综合得分', ruleSet.total, 'total', known, issues),
  ];
  const circular = cycles(checked);
  for (const cycle of circular) {
    issues.add('formulas', 'formula.cycle', `公式之间存在循环引用：${cycle.join(' → ')}`, `Formulas refer to each other in a circle: ${cycle.join(' → ')}`);
  }
  if (circular.length === 0) checked.forEach((f) => checkResult(f, issues));
}

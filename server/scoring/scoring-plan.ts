/**
 * A rule set prepared for scoring one post category: the indicator tree with variants applied and weights
 * turned into exact coefficients, and the formulas parsed and put in evaluation order. Prepared once per
 * rule set and post category, then reused for every subject.
 */
import { type Cents, mulRatio, type Ratio, toCents } from './decimal.ts';
import { formulaNames, linearConstant, linearForm, type LinearForm, type ParsedFormula, parseFormula } from './formula.ts';
import { methodOf } from './methods/index.ts';
import type { PlanNode } from './methods/method.ts';
import type { Indicator, NamedFormula, RuleSet } from './rule-set.ts';

/** The key of the total formula among the named results. */
export const TOTAL = 'total';
const HUNDRED_POINTS = 10000;

/** A name a formula uses: where its value sits, its coefficient in a linear formula, what it names. */
export interface FormulaRef {
  name: string;
  index: number;
  coefficient?: Ratio;
  /** The indicator or formula; undefined when the post category leaves the indicator out. */
  target?: PlanNode | FormulaPlan;
}

export interface FormulaPlan {
  key: string;
  label: string;
  expression: string;
  parsed: ParsedFormula;
  names: string[];
  linear: LinearForm | null;
  /** The constant of a linear formula in hundredths. */
  constant: Cents;
  refs: FormulaRef[];
  index: number;
}

type ParsedPlan = Omit<FormulaPlan, 'index' | 'refs' | 'constant'>;

export interface ScoringPlan {
  /** The rule set a score comes from, shared by all scores of the plan. */
  ruleSet: Readonly<{ id: string; version: number }>;
  roots: PlanNode[];
  /** Value index of every named result (indicators of all variants and formulas). */
  indexOf: Map<string, number>;
  /** Keys of the indicators a variant leaves out: their value is 0. */
  omitted: Set<string>;
  /** Keys of all leaves of the rule set, whatever the post category. */
  leafKeys: Set<string>;
  /** In evaluation order; the total formula is last. */
  formulas: FormulaPlan[];
  total: FormulaPlan;
  /** Top-level indicators that no formula uses; the trace still shows them. */
  unused: PlanNode[];
  valueCount: number;
}

export class RuleSetNotUsableError extends Error {}

function weightCoefficient(weight: number, parentFull: number, full: number): Ratio {
  return { n: Math.round(weight * 100) * parentFull, d: HUNDRED_POINTS * full };
}

function allKeys(indicators: readonly Indicator[], out: string[] = [], leavesOnly = false): string[] {
  for (const indicator of indicators) {
    if (!leavesOnly || !indicator.children?.length) out.push(indicator.key);
    allKeys(indicator.children ?? [], out, leavesOnly);
  }
  return out;
}

function planFormula(formula: NamedFormula): ParsedPlan {
  const parsed = parseFormula(formula.expression);
  if (!('tree' in parsed)) throw new RuleSetNotUsableError(`formula ${formula.key} does not parse`);
  return { key: formula.key, label: formula.label, expression: formula.expression, parsed, names: formulaNames(parsed).variables, linear: linearForm(parsed) };
}

/** Formulas ordered so that every formula comes after the formulas it uses. */
function evaluationOrder(formulas: Array<ParsedPlan>): Array<ParsedPlan> {
  const byKey = new Map(formulas.map((f) => [f.key, f]));
  const ordered: Array<ParsedPlan> = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (f: ParsedPlan) => {
    if (state.get(f.key) === 'done') return;
    if (state.get(f.key) === 'visiting') throw new RuleSetNotUsableError(`formula ${f.key} refers to itself`);
    state.set(f.key, 'visiting');
    for (const name of f.names) {
      const used = byKey.get(name);
      if (used) visit(used);
    }
    state.set(f.key, 'done');
    ordered.push(f);
  };
  formulas.forEach(visit);
  return ordered;
}

function buildScoringPlan(ruleSet: RuleSet, variant: string | undefined): ScoringPlan {
  const formulas = evaluationOrder([...(ruleSet.formulas ?? []), { key: TOTAL, label: '综合得分', expression: ruleSet.total }].map(planFormula));
  const referenced = new Set(formulas.flatMap((f) => f.names));
  const indexOf = new Map<string, number>();
  allKeys(ruleSet.indicators).forEach((key) => indexOf.set(key, indexOf.size));
  const nodes: PlanNode[] = [];
  const omitted = new Set<string>();

  const plan = (indicator: Indicator, parent: PlanNode | undefined): PlanNode | undefined => {
    const override = variant === undefined ? undefined : indicator.variants?.[variant];
    if (override?.omit) {
      allKeys([indicator]).forEach((key) => omitted.add(key));
      return undefined;
    }
    const weight = override?.weight ?? indicator.weight;
    const points = override?.points ?? indicator.points;
    const full = points === undefined ? HUNDRED_POINTS : toCents(points);
    const node: PlanNode = {
      key: indicator.key,
      path: parent ? `${parent.path}.${indicator.key}` : indicator.key,
      label: indicator.name,
      inputPath: `inputs.${indicator.key}`,
      full,
      weight,
      coefficient: weight === undefined || !parent ? undefined : weightCoefficient(weight, parent.full, full),
      children: [],
      method: indicator.method,
      impl: indicator.method && methodOf(indicator.method),
      index: indexOf.get(indicator.key)!,
    };
    nodes.push(node);
    node.children = (indicator.children ?? []).flatMap((child) => plan(child, node) ?? []);
    return node;
  };
  const roots = ruleSet.indicators.flatMap((indicator) => plan(indicator, undefined) ?? []);

  const byKey = new Map<string, PlanNode | FormulaPlan>(nodes.map((node) => [node.key, node]));
  const planned: FormulaPlan[] = formulas.map((f) => {
    indexOf.set(f.key, indexOf.size);
    const formula: FormulaPlan = { ...f, refs: [], constant: f.linear ? linearConstant(f.linear) : 0, index: indexOf.get(f.key)! };
    byKey.set(f.key, formula);
    return formula;
  });
  for (const formula of planned) {
    const used = formula.linear ? formula.linear.terms : formula.names.map((name) => ({ name, coefficient: undefined }));
    formula.refs = used.map(({ name, coefficient }) => ({ name, coefficient, index: indexOf.get(name)!, target: byKey.get(name) }));
  }
  return {
    ruleSet: Object.freeze({ id: ruleSet.id, version: ruleSet.version }),
    roots,
    indexOf,
    omitted,
    leafKeys: new Set(allKeys(ruleSet.indicators, [], true)),
    formulas: planned,
    total: planned[planned.length - 1],
    unused: roots.filter((root) => !referenced.has(root.key)),
    valueCount: indexOf.size,
  };
}

/** What a node contributes to its parent: its score, weighted when it has a weight. */
export function contribution(node: PlanNode, value: Cents): Cents {
  return node.coefficient ? mulRatio(value, node.coefficient) : value;
}

/** What a name contributes to a linear formula, rounded to the cent. */
export function termPoints(ref: FormulaRef, value: Cents): Cents {
  return mulRatio(value, ref.coefficient!);
}

const plans = new WeakMap<RuleSet, Map<string, ScoringPlan>>();

/** The plan for a validated rule set and post category, prepared on first use. */
export function scoringPlan(ruleSet: RuleSet, variant: string | undefined): ScoringPlan {
  let byVariant = plans.get(ruleSet);
  if (!byVariant) {
    byVariant = new Map();
    plans.set(ruleSet, byVariant);
  }
  const key = variant ?? '';
  let plan = byVariant.get(key);
  if (!plan) {
    plan = buildScoringPlan(ruleSet, variant);
    byVariant.set(key, plan);
  }
  return plan;
}

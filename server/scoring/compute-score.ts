/**
 * 计算得分: one subject (a person or a unit) → total, every named intermediate result, veto effects and
 * the trace of how each point came about. Pure: no I/O, same input same result.
 *
 * Scoring keeps the value of every indicator and formula; the trace is built from those values, the rule
 * set and the parts recorded by multi-part leaves when it is first read. The subject input is read again
 * then, so it must not be changed after scoring.
 */
import { type Cents, formatCents, toCents } from './decimal.ts';
import { ScoringInputError } from './errors.ts';
import { evaluateWithFeel, FormulaResultError } from './formula.ts';
import type { BonusCancellation, LeafContext, PlanNode, VetoRecord } from './methods/method.ts';
import type { RuleSet } from './rule-set.ts';
import { type ScoreRun, traceOf } from './score-trace.ts';
import { contribution, type FormulaPlan, type ScoringPlan, scoringPlan, termPoints, TOTAL } from './scoring-plan.ts';
import { settle, type TraceEntry, TraceLog } from './trace.ts';

/** One person or unit to score; `inputs` holds the input of each leaf indicator by its key. */
export interface SubjectInput {
  subjectId: string;
  name?: string;
  /** Ranking category (考核类别), e.g. 县区局; graded separately. */
  category?: string;
  /** Post category (岗位类别) selecting indicator variants; defaults to the category. */
  postCategory?: string;
  inputs?: Record<string, unknown>;
}

export interface ScoreResult {
  subjectId: string;
  name?: string;
  category?: string;
  postCategory?: string;
  ruleSet: { id: string; version: number };
  /** The total to the cent, e.g. "203.60". */
  total: string;
  /** Every indicator and formula result by key, to the cent. */
  intermediates: Record<string, string>;
  vetoEffects: VetoRecord[];
  bonusCancellations: BonusCancellation[];
  trace: TraceEntry[];
}

/**
 * One subject being scored: the values and recorded parts the trace needs, and the leaf being scored
 * (moved from leaf to leaf), in one object.
 */
class Run extends TraceLog implements ScoreRun, LeafContext {
  readonly trace: TraceLog = this;
  readonly values: Cents[];
  readonly vetoes: VetoRecord[] = [];
  readonly bonusCancellations: BonusCancellation[] = [];
  parts: Array<[number, number]> | undefined = undefined;
  /** Number of leaves that found an input. */
  used = 0;
  node!: PlanNode;
  path = '';
  readonly depth = 0;

  constructor(
    readonly plan: ScoringPlan,
    readonly inputs: Record<string, unknown>,
  ) {
    super();
    this.values = new Array<Cents>(plan.valueCount).fill(0);
  }
}

function scoreNode(node: PlanNode, run: Run): Cents {
  let value: Cents = 0;
  if (node.impl) {
    const log = run.trace;
    const start = log.length;
    const input = run.inputs[node.key];
    if (input !== undefined) run.used += 1;
    run.node = node;
    run.path = node.inputPath;
    value = node.impl.score(node.method!, input, run);
    if (log.length > start) (run.parts ??= [])[node.index] = [start, log.length];
  } else {
    for (const child of node.children) value += contribution(child, scoreNode(child, run));
  }
  run.values[node.index] = value;
  return value;
}

function feelResult(formula: FormulaPlan, values: Cents[]): Cents {
  const byName = new Map(formula.refs.map((ref) => [ref.name, ref.index]));
  try {
    return evaluateWithFeel(formula.parsed, formula.names, (name) => values[byName.get(name)!]);
  } catch (err) {
    if (!(err instanceof FormulaResultError)) throw err;
    throw new ScoringInputError(`formulas.${formula.key}`, 'formula.result', `公式「${formula.label}」的结果不是数字（${String(err.result)}）`, `Formula "${formula.label}" did not produce a number (${String(err.result)})`);
  }
}

function evaluateFormula(formula: FormulaPlan, values: Cents[]): void {
  let result: Cents;
  if (formula.linear) {
    result = formula.constant;
    for (const ref of formula.refs) result += termPoints(ref, values[ref.index]);
  } else {
    result = feelResult(formula, values);
  }
  values[formula.index] = result;
}

function checkPostCategory(ruleSet: RuleSet, subject: SubjectInput): void {
  const { postCategory } = subject;
  if (postCategory !== undefined && ruleSet.postCategories && !ruleSet.postCategories.includes(postCategory)) {
    const known = ruleSet.postCategories.join('、');
    throw new ScoringInputError('postCategory', 'input.postCategory', `规则集「${ruleSet.name}」没有岗位类别「${postCategory}」（可选：${known}）`, `Rule set "${ruleSet.name}" has no post category "${postCategory}" (one of: ${known})`);
  }
}

function inputsOf(subject: SubjectInput): Record<string, unknown> {
  const inputs = subject.inputs ?? {};
  if (typeof inputs !== 'object' || Array.isArray(inputs)) {
    throw new ScoringInputError('inputs', 'input.type', '输入（inputs）应为对象，键为指标编号', 'inputs must be an object keyed by indicator key');
  }
  return inputs;
}

/** Every input must name a leaf; counting is enough when each input was used by a leaf of the plan. */
function checkInputKeys(run: Run): void {
  const keys = Object.keys(run.inputs);
  if (keys.length === run.used) return;
  const { leafKeys } = run.plan;
  for (const key of keys) {
    if (!leafKeys.has(key)) {
      const known = [...leafKeys].join('、');
      throw new ScoringInputError(`inputs.${key}`, 'input.unknownIndicator', `规则集中没有可填写的指标「${key}」（可填写：${known}）`, `The rule set has no leaf indicator "${key}" (one of: ${known})`);
    }
  }
}

function intermediatesOf(run: Run): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, index] of run.plan.indexOf) if (!run.plan.omitted.has(key) && key !== TOTAL) out[key] = formatCents(run.values[index]);
  return out;
}

const RUN = Symbol('scoring run');
type Scored = ScoreResult & { [RUN]: Run };

const lazyIntermediates: PropertyDescriptor = {
  get(this: Scored) {
    return settle(this, 'intermediates', intermediatesOf(this[RUN]));
  },
  enumerable: true,
  configurable: true,
};
const lazyTrace: PropertyDescriptor = {
  get(this: Scored) {
    return settle(this, 'trace', traceOf(this[RUN]));
  },
  enumerable: true,
  configurable: true,
};

/** A named result of a score in hundredths: from the computation itself, or from the text of a stored result. */
export function resultCents(result: Pick<ScoreResult, 'total' | 'intermediates'>, key: string): Cents | undefined {
  const run = (result as Partial<Scored>)[RUN];
  if (run) {
    const index = run.plan.indexOf.get(key);
    return index === undefined || run.plan.omitted.has(key) ? undefined : run.values[index];
  }
  const text = key === TOTAL ? result.total : result.intermediates?.[key];
  return text === undefined ? undefined : toCents(text);
}

export function computeScore(ruleSet: RuleSet, subject: SubjectInput): ScoreResult {
  if (typeof subject !== 'object' || subject === null || typeof subject.subjectId !== 'string' || subject.subjectId === '') {
    throw new ScoringInputError('subjectId', 'input.subjectId', '缺少考核对象编号（subjectId）', 'The subject needs a subjectId');
  }
  checkPostCategory(ruleSet, subject);
  const plan = scoringPlan(ruleSet, subject.postCategory ?? subject.category);
  const run = new Run(plan, inputsOf(subject));
  for (const root of plan.roots) scoreNode(root, run);
  checkInputKeys(run);
  for (const formula of plan.formulas) evaluateFormula(formula, run.values);

  const result = {
    subjectId: subject.subjectId,
    name: subject.name,
    category: subject.category,
    postCategory: subject.postCategory,
    ruleSet: plan.ruleSet,
    total: formatCents(run.values[plan.total.index]),
    vetoEffects: run.vetoes,
    bonusCancellations: run.bonusCancellations,
    [RUN]: run,
  } as Scored;
  Object.defineProperty(result, 'intermediates', lazyIntermediates);
  Object.defineProperty(result, 'trace', lazyTrace);
  return result;
}

/**
 * The trace of a score (计分明细), built when it is first read: the total's terms, each followed by how its
 * value came about, from the values kept while scoring, the rule set and the parts recorded by
 * multi-part leaves (items, votes, rater groups…).
 */
import { type Cents, formatCents, formatRatio } from './decimal.ts';
import type { PlanNode } from './methods/method.ts';
import { contribution, type FormulaPlan, type FormulaRef, type ScoringPlan, termPoints } from './scoring-plan.ts';
import { type EntryText, INPUT, materialise, TERM, type TraceEntry, traceEntry, type TraceLog } from './trace.ts';

/** What scoring keeps of one subject for its trace. */
export interface ScoreRun {
  plan: ScoringPlan;
  inputs: Record<string, unknown>;
  values: Cents[];
  /** The parts recorded by multi-part leaves. */
  trace: TraceLog;
  /** [start, end) of the recorded parts of each leaf that has parts, by value index. */
  parts: Array<[number, number]> | undefined;
}

function nodeSummary(node: PlanNode, input: unknown, value: Cents): string {
  return node.impl ? node.impl.summary(node.method!, input, node, value) : `${node.children.length} 项下级指标之和`;
}

function describeNode(node: PlanNode, input: unknown, points: Cents, value: Cents): EntryText {
  const weighted = node.coefficient ? `；得分 ${formatCents(value)}，按权重 ${node.weight}% 计 ${formatCents(points)}` : '';
  return { rule: node.method?.type ?? 'indicator', key: node.path, label: node.label, detail: `${nodeSummary(node, input, value)}${weighted}` };
}

function termText(ref: FormulaRef, value: Cents, points: Cents): string {
  const c = ref.coefficient!;
  if (c.n === c.d) return `计入 ${formatCents(value)}`;
  if (c.n === -c.d) return `减去 ${formatCents(value)}`;
  return `${formatCents(value)} × ${formatRatio(c)} = ${formatCents(points, true)}（四舍五入到 0.01）`;
}

function describeTerm(formula: FormulaPlan, ref: FormulaRef, input: unknown, points: Cents, value: Cents): EntryText {
  const target = ref.target;
  const how = ref.coefficient ? termText(ref, value, points) : `公式「${formula.label}」使用的值 ${formatCents(value)}`;
  const about = !target ? '；本类别不适用此指标，按 0 计' : 'children' in target ? `；${nodeSummary(target, input, value)}` : '';
  return { rule: 'formula', key: `${formula.key}.${ref.name}`, label: target ? target.label : ref.name, detail: `${how}${about}` };
}

function formulaEntries(run: ScoreRun, formula: FormulaPlan, depth: number, out: TraceEntry[]): void {
  const { values, inputs } = run;
  if (!formula.linear) {
    const result = values[formula.index];
    out.push(traceEntry({ rule: 'formula', key: formula.key, label: formula.label, detail: `按公式 ${formula.expression} 计算，结果 ${formatCents(result)}（四舍五入到 0.01）；所用各项见下` }, result, undefined, depth, TERM));
  }
  for (const ref of formula.refs) {
    const value = values[ref.index];
    if (formula.linear) {
      const points = termPoints(ref, value);
      out.push(traceEntry(describeTerm(formula, ref, inputs[ref.name], points, value), points, value, depth, TERM));
      entriesBelow(run, ref.target, depth + 1, out);
    } else {
      out.push(traceEntry(describeTerm(formula, ref, inputs[ref.name], value, value), value, value, depth + 1, INPUT));
      entriesBelow(run, ref.target, depth + 2, out);
    }
  }
  if (formula.constant !== 0) {
    out.push(traceEntry({ rule: 'formula', key: `${formula.key}.constant`, label: '公式常数', detail: `公式「${formula.label}」中的常数` }, formula.constant, undefined, depth, TERM));
  }
}

/** How the value of an indicator or formula came about. */
function entriesBelow(run: ScoreRun, target: PlanNode | FormulaPlan | undefined, depth: number, out: TraceEntry[]): void {
  if (!target) return;
  if (!('children' in target)) {
    formulaEntries(run, target, depth, out);
  } else if (target.impl) {
    const range = run.parts?.[target.index];
    if (range) materialise(run.trace, range[0], range[1], depth, out);
  } else {
    for (const child of target.children) nodeEntries(run, child, depth, out, TERM);
  }
}

function nodeEntries(run: ScoreRun, node: PlanNode, depth: number, out: TraceEntry[], kind: number): void {
  const value = run.values[node.index];
  const points = contribution(node, value);
  out.push(traceEntry(describeNode(node, run.inputs[node.key], points, value), points, node.coefficient ? value : undefined, depth, kind));
  entriesBelow(run, node, depth + 1, out);
}

/** The total's terms, each followed by how its value came about; then indicators the total does not use. */
export function traceOf(run: ScoreRun): TraceEntry[] {
  const out: TraceEntry[] = [];
  formulaEntries(run, run.plan.total, 0, out);
  for (const root of run.plan.unused) nodeEntries(run, root, 0, out, INPUT);
  return out;
}

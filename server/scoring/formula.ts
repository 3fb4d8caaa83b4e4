/**
 * Composite formulas (综合得分公式, R8) in FEEL, the language of the BPMN conditions.
 *
 * A formula is parsed once with feelin's parser. When it is linear in the named results (sums of names
 * times constants, as every formula in the source documents is), it is evaluated exactly on hundredths and
 * each term is known, so the trace shows what every named result contributed. Any other formula is
 * evaluated by feelin; its result is taken back to hundredths (see `centsFromFloat`).
 */
import { evaluate, parseExpression } from 'feelin';
import {
  addRatios, type Cents, centsFromFloat, centsToFloat, DecimalError, divRatios, mulRatio, mulRatios, parseDecimal, type Ratio,
} from './decimal.ts';

type Tree = ReturnType<typeof parseExpression>;
type SyntaxNode = Tree['topNode'];

export interface FormulaTerm {
  name: string;
  coefficient: Ratio;
}

/** constant + Σ coefficient × name */
export interface LinearForm {
  constant: Ratio;
  terms: FormulaTerm[];
}

export interface ParsedFormula {
  /** The expression without Zeebe's leading `=`. */
  body: string;
  tree: Tree;
}

export interface FormulaSyntaxError {
  message: string;
  position: number;
}

function formulaBody(expression: string): string {
  const trimmed = expression.trim();
  return trimmed.startsWith('=') ? trimmed.slice(1).trim() : trimmed;
}

export function parseFormula(expression: string): ParsedFormula | FormulaSyntaxError {
  const body = formulaBody(expression);
  if (body === '') return { message: 'empty', position: 0 };
  const tree = parseExpression(body, {}, undefined);
  let error: FormulaSyntaxError | undefined;
  tree.iterate({
    enter(node) {
      if (error) return false;
      if (node.type.isError) {
        const near = body.slice(node.from, Math.max(node.to, node.from + 1)) || body.slice(Math.max(0, node.from - 1), node.from + 1);
        error = { message: near, position: node.from };
        return false;
      }
      return undefined;
    },
  });
  return error ?? { body, tree };
}

export interface FormulaNames {
  /** Names the formula reads from its context. */
  variables: string[];
  /** Names it calls as functions. */
  functions: string[];
}

/** The names a formula refers to, leaving out names it binds itself (for / some / every, function parameters, context keys). */
export function formulaNames(formula: ParsedFormula): FormulaNames {
  const bound = new Set<string>();
  const variables = new Set<string>();
  const functions = new Set<string>();
  const text = (node: { from: number; to: number }) => formula.body.slice(node.from, node.to);
  formula.tree.iterate({
    enter(node) {
      if (node.name === 'Name' || node.name === 'ParameterName') bound.add(text(node));
      if (node.name !== 'VariableName') return;
      const isCallee = node.node.parent?.name === 'FunctionInvocation' && node.node.prevSibling === null;
      (isCallee ? functions : variables).add(text(node));
    },
  });
  return { variables: [...variables].filter((name) => !bound.has(name)), functions: [...functions].filter((name) => !bound.has(name)) };
}

const builtinCache = new Map<string, boolean>();

/** True when FEEL knows `name` as a built-in (min, max, sum, round half up, …). */
export function isBuiltinFunction(name: string): boolean {
  let known = builtinCache.get(name);
  if (known === undefined) {
    try {
      known = !evaluate(name, {}).warnings.some((warning) => warning.type === 'NO_VARIABLE_FOUND');
    } catch {
      known = false;
    }
    builtinCache.set(name, known);
  }
  return known;
}

const ONE: Ratio = { n: 1, d: 1 };
const ZERO: Ratio = { n: 0, d: 1 };

function operands(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.name !== '(' && child.name !== ')') out.push(child);
  }
  return out;
}

function scale(form: LinearForm, by: Ratio): LinearForm {
  return { constant: mulRatios(form.constant, by), terms: form.terms.map((t) => ({ name: t.name, coefficient: mulRatios(t.coefficient, by) })) };
}

function add(a: LinearForm, b: LinearForm): LinearForm {
  const terms = a.terms.map((t) => ({ ...t }));
  for (const t of b.terms) {
    const same = terms.find((x) => x.name === t.name);
    if (same) same.coefficient = addRatios(same.coefficient, t.coefficient);
    else terms.push({ ...t });
  }
  return { constant: addRatios(a.constant, b.constant), terms };
}

const isConstant = (form: LinearForm): boolean => form.terms.every((t) => t.coefficient.n === 0);

function linearOf(node: SyntaxNode, body: string): LinearForm | null {
  const parts = operands(node);
  switch (node.name) {
    case 'Expression':
    case 'ParenthesizedExpression':
      return parts.length === 1 ? linearOf(parts[0], body) : null;
    case 'NumericLiteral': {
      const literal = body.slice(node.from, node.to);
      return { constant: parseDecimal(literal.startsWith('.') ? `0${literal}` : literal), terms: [] };
    }
    case 'VariableName':
      return { constant: ZERO, terms: [{ name: body.slice(node.from, node.to), coefficient: ONE }] };
    case 'ArithmeticExpression':
      return arithmetic(parts, body);
    default:
      return null;
  }
}

function arithmetic(parts: SyntaxNode[], body: string): LinearForm | null {
  if (parts.length === 2 && parts[0].name === 'ArithOp') {
    const operand = linearOf(parts[1], body);
    const op = body.slice(parts[0].from, parts[0].to);
    if (!operand) return null;
    return op === '-' ? scale(operand, { n: -1, d: 1 }) : op === '+' ? operand : null;
  }
  if (parts.length !== 3 || parts[1].name !== 'ArithOp') return null;
  const left = linearOf(parts[0], body);
  const right = linearOf(parts[2], body);
  if (!left || !right) return null;
  switch (body.slice(parts[1].from, parts[1].to)) {
    case '+': return add(left, right);
    case '-': return add(left, scale(right, { n: -1, d: 1 }));
    case '*':
      if (isConstant(left)) return scale(right, left.constant);
      if (isConstant(right)) return scale(left, right.constant);
      return null;
    case '/':
      if (!isConstant(right) || right.constant.n === 0) return null;
      return scale(left, divRatios(ONE, right.constant));
    default:
      return null;
  }
}

/** The formula as constant + Σ coefficient × name, or null when it is not linear. */
export function linearForm(formula: ParsedFormula): LinearForm | null {
  try {
    const form = linearOf(formula.tree.topNode, formula.body);
    return form && { constant: form.constant, terms: form.terms.filter((t) => t.coefficient.n !== 0) };
  } catch (err) {
    if (err instanceof DecimalError) return null;
    throw err;
  }
}

/** The constant of a linear formula in hundredths. */
export function linearConstant(form: LinearForm): Cents {
  return mulRatio(100, form.constant);
}

/** Evaluates a non-linear formula with feelin; throws when the result is not a number. */
export function evaluateWithFeel(formula: ParsedFormula, names: readonly string[], value: (name: string) => Cents): Cents {
  const context: Record<string, number> = {};
  for (const name of names) context[name] = centsToFloat(value(name));
  const result = evaluate(formula.body, context).value;
  if (typeof result !== 'number' || !Number.isFinite(result)) throw new FormulaResultError(result);
  return centsFromFloat(result);
}

export class FormulaResultError extends Error {
  constructor(readonly result: unknown) {
    super(`formula result is not a number: ${String(result)}`);
  }
}

import { evaluate, SyntaxError as FeelSyntaxError } from 'feelin';

/** A FEEL expression that could not be evaluated; the engine turns it into an incident, never a guess. */
export class FeelError extends Error {
  constructor(
    readonly expression: string,
    readonly reason: string,
  ) {
    super(`FEEL 表达式「${expression}」无法求值：${reason} / FEEL expression "${expression}" failed: ${reason}`);
  }
}

/** Zeebe marks an expression with a leading `=`; anything else is a static value. */
export function isFeelExpression(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('=');
}

/**
 * Evaluates a FEEL expression strictly, as Zeebe does: a syntax error, a reference to a variable that does
 * not exist, or a null result is an error (an incident), so a gateway never takes a flow and a task is never
 * assigned because an expression silently evaluated to null.
 */
export function evaluateFeel(expression: string, variables: Record<string, unknown>): unknown {
  const body = isFeelExpression(expression) ? expression.slice(1) : expression;
  let result;
  try {
    result = evaluate(body, variables);
  } catch (err) {
    throw new FeelError(expression, err instanceof FeelSyntaxError ? `语法错误 syntax error: ${err.message}` : String(err));
  }
  const missing = result.warnings.find((w) => w.type === 'NO_VARIABLE_FOUND' || w.type === 'NO_FUNCTION_FOUND');
  if (missing) throw new FeelError(expression, missing.message);
  if (result.value === null || result.value === undefined) throw new FeelError(expression, '结果为空 / evaluated to null');
  return result.value;
}

/** A static value or a FEEL expression, as Zeebe attributes allow. */
export function resolveValue(value: string | undefined, variables: Record<string, unknown>): unknown {
  if (value === undefined || value === '') return undefined;
  return isFeelExpression(value) ? evaluateFeel(value, variables) : value;
}

import { evaluateFeel, isFeelExpression } from '../feel.ts';

interface ExpressionContext {
  environment: { variables: Record<string, unknown> };
  content?: { output?: unknown };
}

/**
 * The `expressions` option of bpmn-engine: FEEL (`=…`) for everything Zeebe evaluates, such as sequence flow
 * conditions. Conditions must be booleans: anything else stops the instance with an incident.
 */
export const feelExpressions = {
  resolveExpression(expression: unknown, context: ExpressionContext) {
    if (!isFeelExpression(expression)) return expression;
    const value = evaluateFeel(expression, context.environment.variables);
    // FEEL dates and durations become ISO 8601 text, which is what timer definitions expect
    return value !== null && typeof value === 'object' && !Array.isArray(value) && value.constructor !== Object ? String(value) : value;
  },
  isExpression: isFeelExpression,
  hasExpression: isFeelExpression,
};

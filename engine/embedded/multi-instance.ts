import { evaluateFeel, FeelError } from '../feel.ts';
import type { Variables } from '../port.ts';
import type { ActivityElement } from './zeebe-properties.ts';

/** zeebe:loopCharacteristics of a multi-instance activity, with the standard completionCondition. */
export interface ZeebeLoop {
  inputCollection: string | undefined;
  elementVariable: string;
  outputCollection: string | undefined;
  outputElement: string | undefined;
  completionCondition: string | undefined;
}

type LoopBehaviour = ActivityElement['behaviour'] & { elementVariable?: string; completionCondition?: string | { body?: string } };

export function zeebeLoop(element: ActivityElement): ZeebeLoop | null {
  const loop = (element.behaviour as { loopCharacteristics?: { behaviour?: LoopBehaviour } }).loopCharacteristics?.behaviour;
  const zeebe = loop?.extensionElements?.values?.find((v) => v.$type === 'zeebe:LoopCharacteristics');
  if (!zeebe) return null;
  const condition = loop?.completionCondition;
  return {
    inputCollection: zeebe.inputCollection as string | undefined,
    elementVariable: String(loop?.elementVariable ?? 'item'),
    outputCollection: zeebe.outputCollection as string | undefined,
    outputElement: zeebe.outputElement as string | undefined,
    completionCondition: typeof condition === 'string' ? condition : condition?.body,
  };
}

/** bpmn-elements leaves an iteration's output empty (a hole, undefined or null) until the iteration completes. */
const completedIteration = (output: unknown) => output !== undefined && output !== null;

function evaluateFeelOrNull(expression: string, variables: Variables): unknown {
  try {
    return evaluateFeel(expression, variables);
  } catch {
    return null;
  }
}

/**
 * The output collection: each completed iteration's outputElement (or its variables), null where an iteration
 * has not completed (as Zeebe initialises it), in iteration order. As in Zeebe, the outputElement sees the
 * iteration's input element (e.g. `={voter: leader, rating: leaderRating}`).
 */
export function collectOutputs(loop: ZeebeLoop, process: Variables, outputs: unknown[], size = outputs.length): unknown[] {
  const collection = loop.outputElement && loop.inputCollection ? evaluateFeelOrNull(loop.inputCollection, process) : null;
  const items = Array.isArray(collection) ? collection : [];
  return Array.from({ length: size }, (_, i) => {
    if (!completedIteration(outputs[i])) return null;
    const iteration = outputs[i] as Variables;
    return loop.outputElement ? evaluateFeelOrNull(loop.outputElement, { ...process, [loop.elementVariable]: items[i], ...iteration }) : iteration;
  });
}

/** What bpmn-elements passes when it asks whether a multi-instance activity may complete early. */
export interface CompletionCheck {
  process: Variables;
  /** the iteration that just completed: its variables */
  iteration: Variables;
  /** every iteration's output so far (sparse) */
  outputs: unknown[];
  numberOfInstances: number;
  isSequential: boolean;
}

/**
 * Zeebe's completionCondition (会签 / 或签): evaluated strictly after each iteration completes, with the
 * multi-instance body's variables numberOfInstances, numberOfActiveInstances, numberOfCompletedInstances,
 * numberOfTerminatedInstances and the output collection so far. Anything but a boolean is an incident.
 */
export function completionConditionMet(loop: ZeebeLoop, check: CompletionCheck): boolean {
  const expression = loop.completionCondition!;
  const completed = check.outputs.filter(completedIteration).length;
  const variables: Variables = {
    ...check.process,
    ...check.iteration,
    numberOfInstances: check.numberOfInstances,
    numberOfCompletedInstances: completed,
    numberOfActiveInstances: check.isSequential ? 0 : check.numberOfInstances - completed,
    numberOfTerminatedInstances: 0,
  };
  if (loop.outputCollection) variables[loop.outputCollection] = collectOutputs(loop, check.process, check.outputs, check.numberOfInstances);
  const met = evaluateFeel(expression, variables);
  if (typeof met !== 'boolean') throw new FeelError(expression, '完成条件应当为布尔值 / a completion condition must be a boolean');
  return met;
}

interface ExpressionResolver {
  resolveExpression(expression: unknown, context: { environment: { variables: Variables }; content?: Record<string, unknown> }): unknown;
}

/**
 * bpmn-elements asks the `expressions` option whether a loop's completionCondition is met (the only call that
 * passes `loopOutput`); this answers with Zeebe's variables for the activity `loopOf` finds by id.
 */
export function withCompletionConditions<E extends ExpressionResolver>(expressions: E, loopOf: (activityId: string) => ZeebeLoop | null, processOf: (variables: Variables) => Variables): E {
  return {
    ...expressions,
    resolveExpression(expression, context) {
      const content = context.content;
      const loop = content && Array.isArray(content.loopOutput) ? loopOf(String(content.id)) : null;
      if (!loop?.completionCondition || !content) return expressions.resolveExpression(expression, context);
      const outputs = content.loopOutput as unknown[];
      return completionConditionMet(loop, {
        process: processOf(context.environment.variables),
        iteration: { ...((content.output ?? {}) as Variables), [loop.elementVariable]: content[loop.elementVariable] },
        outputs,
        numberOfInstances: Number(content.loopCardinality ?? outputs.length),
        isSequential: Boolean(content.isSequential),
      });
    },
  };
}

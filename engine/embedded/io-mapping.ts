import { evaluateFeel, isFeelExpression } from '../feel.ts';
import type { Variables } from '../port.ts';
import type { ActivityElement } from './zeebe-properties.ts';

interface Mapping {
  source: string;
  target: string;
}

function mappings(element: ActivityElement, kind: 'zeebe:Input' | 'zeebe:Output'): Mapping[] {
  const io = element.behaviour.extensionElements?.values?.find((v) => v.$type === 'zeebe:IoMapping');
  const list = (kind === 'zeebe:Input' ? io?.inputParameters : io?.outputParameters) as Mapping[] | undefined;
  return list ?? [];
}

/** Evaluates mappings in order; a later mapping sees the targets of earlier ones, as in Zeebe. */
function apply(list: Mapping[], scope: Variables): Variables {
  const result: Variables = {};
  for (const { source, target } of list) {
    result[target] = isFeelExpression(source) ? evaluateFeel(source, { ...scope, ...result }) : source;
  }
  return result;
}

/** zeebe:input mappings: the local variables an activity (its task, its job) sees on top of the process's. */
export function inputVariables(element: ActivityElement, scope: Variables): Variables {
  return apply(mappings(element, 'zeebe:Input'), scope);
}

/**
 * What a completed activity writes to the process: with zeebe:output mappings only their targets (Zeebe
 * semantics), otherwise every variable the completion carries.
 */
export function outputVariables(element: ActivityElement, scope: Variables, completion: Variables): Variables {
  const outputs = mappings(element, 'zeebe:Output');
  return outputs.length ? apply(outputs, { ...scope, ...completion }) : completion;
}

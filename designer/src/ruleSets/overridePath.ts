import type { RuleSetOverrides } from '../lib/types';

/** A step into a rule set: a field, or the item of an identified list (indicators by key, groups by code …). */
export type Step = string | { list: string; by: 'key' | 'code' | 'level'; id: string };

/** Where a value sits in a rule set, as its overrides (a JSON merge patch with identified lists) address it. */
export type RulePath = [...Step[], string];

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

function item(list: unknown, step: Exclude<Step, string>): JsonObject | undefined {
  return Array.isArray(list) ? list.find((entry): entry is JsonObject => isObject(entry) && entry[step.by] === step.id) : undefined;
}

/** The value at `path` in a rule set or in overrides; undefined when it is not there. */
export function valueAt(root: unknown, path: RulePath): unknown {
  let at = root;
  for (const step of path) {
    if (!isObject(at)) return undefined;
    at = typeof step === 'string' ? at[step] : item(at[step.list], step);
  }
  return at;
}

/** A copy of `overrides` that sets `path` to `value`, adding the objects and list items on the way. */
export function withOverride(overrides: RuleSetOverrides, path: RulePath, value: unknown): RuleSetOverrides {
  const copy = structuredClone(overrides);
  const steps = path.slice(0, -1) as Step[];
  let at: JsonObject = copy;
  for (const step of steps) {
    if (typeof step === 'string') {
      if (!isObject(at[step])) at[step] = {};
      at = at[step] as JsonObject;
    } else {
      if (!Array.isArray(at[step.list])) at[step.list] = [];
      const list = at[step.list] as JsonObject[];
      at = item(list, step) ?? list[list.push({ [step.by]: step.id }) - 1];
    }
  }
  at[path[path.length - 1] as string] = value;
  return copy;
}

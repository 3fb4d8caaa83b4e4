import { processSync, ProcessTargets, interpolateErrors } from '@formio/core';
import { dataComponents, editableKeys, isArrayComponent, type FormDefinition } from './form-schema.ts';

export interface SubmissionError {
  path: string;
  zh: string;
  en: string;
}

export type ValidationResult = { ok: true; data: Record<string, unknown> } | { ok: false; errors: SubmissionError[] };

interface FormioError {
  message: string;
  path?: unknown;
  context: { validator: string; label: string; setting?: unknown };
}

/** Chinese wording of the Form.io rules these forms use; @formio/core ships English only. */
const ZH: Record<string, (label: string, setting: unknown) => string> = {
  required: (label) => `「${label}」为必填项`,
  maxLength: (label, n) => `「${label}」不能超过 ${n} 个字`,
  minLength: (label, n) => `「${label}」至少 ${n} 个字`,
  onlyAvailableItems: (label) => `「${label}」只能从给定选项中选择`,
  min: (label, n) => `「${label}」不能小于 ${n}`,
  max: (label, n) => `「${label}」不能大于 ${n}`,
  pattern: (label) => `「${label}」格式不正确`,
};

function zhMessage(error: FormioError): string {
  const { validator, label, setting } = error.context;
  if (validator === 'custom') return error.message;
  return ZH[validator]?.(label, setting) ?? `「${label}」填写不正确`;
}

function pathOf(path: unknown): string {
  if (Array.isArray(path)) return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : String(p))).join('');
  return String(path ?? '');
}

/** Row counts of data grids: Form.io enforces validate.minLength/maxLength in the browser, @formio/core does not. */
function rowCountErrors(form: FormDefinition, data: Record<string, unknown>): SubmissionError[] {
  const errors: SubmissionError[] = [];
  for (const component of dataComponents(form.components).filter((c) => !c.disabled && isArrayComponent(c))) {
    const rows = Array.isArray(data[component.key]) ? (data[component.key] as unknown[]).length : 0;
    const label = component.label ?? component.key;
    const max = Number(component.validate?.maxLength ?? Infinity);
    const min = Number(component.validate?.minLength ?? 0);
    if (rows > max) errors.push({ path: component.key, zh: `「${label}」最多 ${max} 项，提交了 ${rows} 项`, en: `"${label}" allows at most ${max} rows, got ${rows}` });
    if (rows < min) errors.push({ path: component.key, zh: `「${label}」至少需要 ${min} 项`, en: `"${label}" needs at least ${min} rows` });
  }
  return errors;
}

/**
 * Validates a submission on the server exactly as the Form.io renderer does in the browser, where read-only
 * components show the process data (`shown`), and keeps only the fields the person may write: unknown keys
 * and anything submitted for a read-only component are dropped.
 */
export function validateSubmission(form: FormDefinition, submitted: Record<string, unknown>, shown: Record<string, unknown> = {}): ValidationResult {
  const editable = new Set(editableKeys(form));
  const data: Record<string, unknown> = structuredClone({
    ...Object.fromEntries(Object.entries(shown).filter(([key]) => !editable.has(key))),
    ...Object.fromEntries(Object.entries(submitted).filter(([key]) => editable.has(key))),
  });
  // A list left out is an empty list, as the browser sends it for a grid that starts empty (@formio/core would add a blank row).
  for (const grid of dataComponents(form.components).filter((c) => !c.disabled && isArrayComponent(c) && c.initEmpty === true)) data[grid.key] ??= [];
  const context = {
    form,
    submission: { data },
    components: form.components,
    data,
    processors: ProcessTargets.submission,
    scope: {} as { errors?: unknown[] },
    config: { server: true },
  };
  processSync(context as never);
  context.processors = ProcessTargets.evaluator;
  processSync(context as never);
  const formioErrors = interpolateErrors((context.scope.errors ?? []) as never) as FormioError[];
  const errors: SubmissionError[] = [
    ...formioErrors.map((e) => ({ path: pathOf(e.path), zh: zhMessage(e), en: e.message })),
    ...rowCountErrors(form, context.data),
  ];
  if (errors.length) return { ok: false, errors };
  return { ok: true, data: Object.fromEntries(Object.entries(context.data).filter(([key]) => editable.has(key))) };
}

/** The part of a Form.io component this platform reads; everything else passes through untouched. */
export interface FormComponent {
  type: string;
  key: string;
  label?: string;
  input?: boolean;
  disabled?: boolean;
  validate?: { minLength?: number | string; maxLength?: number | string; [rule: string]: unknown };
  components?: FormComponent[];
  columns?: Array<{ components: FormComponent[] }>;
  [property: string]: unknown;
}

export interface FormDefinition {
  title: string;
  name: string;
  components: FormComponent[];
  [property: string]: unknown;
}

const ARRAY_TYPES = new Set(['datagrid', 'editgrid']);

/** Top-level data components of a form, looking through layout components (panels, columns, fieldsets). */
export function dataComponents(components: FormComponent[]): FormComponent[] {
  return components.flatMap((c) => {
    if (c.input && c.type !== 'button') return [c];
    const nested = [...(c.components ?? []), ...(c.columns ?? []).flatMap((col) => col.components)];
    return dataComponents(nested);
  });
}

/** Keys a person may write on this form: read-only (disabled) components only show process data. */
export function editableKeys(form: FormDefinition): string[] {
  return dataComponents(form.components)
    .filter((c) => !c.disabled)
    .map((c) => c.key);
}

export function readOnlyKeys(form: FormDefinition): string[] {
  return dataComponents(form.components)
    .filter((c) => c.disabled)
    .map((c) => c.key);
}

export function isArrayComponent(component: FormComponent): boolean {
  return ARRAY_TYPES.has(component.type);
}

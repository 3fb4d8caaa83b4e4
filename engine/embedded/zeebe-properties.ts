import { resolveValue } from '../feel.ts';
import type { Variables } from '../port.ts';

/** A moddle extension element as bpmn-elements exposes it (`$type` plus its attributes). */
interface ExtensionValue {
  $type: string;
  [attribute: string]: unknown;
}

export interface ActivityElement {
  id: string;
  type: string;
  name?: string;
  behaviour: { extensionElements?: { values?: ExtensionValue[] } };
}

function extension(element: ActivityElement, type: string): ExtensionValue | undefined {
  return element.behaviour.extensionElements?.values?.find((v) => v.$type === type);
}

function attr(value: ExtensionValue | undefined, name: string): string | undefined {
  const v = value?.[name];
  return typeof v === 'string' ? v : undefined;
}

function asList(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) return value.map(String);
  return String(value)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function asDate(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  const date = new Date(String(value));
  if (Number.isNaN(date.getTime())) throw new Error(`不是有效的日期 / not a date: ${String(value)}`);
  return date.toISOString();
}

/** zeebe:assignmentDefinition, zeebe:taskSchedule, zeebe:formDefinition, zeebe:priority, all FEEL-evaluated. */
export function userTaskProperties(element: ActivityElement, variables: Variables) {
  const assignment = extension(element, 'zeebe:AssignmentDefinition');
  const schedule = extension(element, 'zeebe:TaskSchedule');
  const form = extension(element, 'zeebe:FormDefinition');
  const priority = extension(element, 'zeebe:PriorityDefinition');
  const assignee = resolveValue(attr(assignment, 'assignee'), variables);
  return {
    name: element.name ?? element.id,
    assignee: assignee === undefined || assignee === null ? null : String(assignee),
    candidateUsers: asList(resolveValue(attr(assignment, 'candidateUsers'), variables)),
    candidateGroups: asList(resolveValue(attr(assignment, 'candidateGroups'), variables)),
    formKey: attr(form, 'formId') ?? attr(form, 'formKey') ?? null,
    dueDate: asDate(resolveValue(attr(schedule, 'dueDate'), variables)),
    followUpDate: asDate(resolveValue(attr(schedule, 'followUpDate'), variables)),
    priority: Number(resolveValue(attr(priority, 'priority'), variables) ?? 50),
  };
}

/** zeebe:taskDefinition and zeebe:taskHeaders of a service task. */
export function jobProperties(element: ActivityElement, variables: Variables) {
  const definition = extension(element, 'zeebe:TaskDefinition');
  const type = resolveValue(attr(definition, 'type'), variables);
  if (!type) throw new Error(`服务任务「${element.name ?? element.id}」没有任务类型 / service task ${element.id} has no zeebe:taskDefinition type`);
  const headers = extension(element, 'zeebe:TaskHeaders');
  const customHeaders: Record<string, string> = {};
  for (const header of (headers?.values as ExtensionValue[] | undefined) ?? []) {
    customHeaders[String(header.key)] = String(header.value ?? '');
  }
  return {
    type: String(type),
    retries: Number(resolveValue(attr(definition, 'retries'), variables) ?? 3),
    customHeaders,
  };
}

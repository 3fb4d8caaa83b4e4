import type { ModdleElement } from 'bpmn-moddle';
import { extension, flowElements, type ProcessModel } from './process-model.ts';
import { LISTENER_TYPES } from './listener-types.ts';

/** The extension element of `type` on `element`, created (with extensionElements) when missing. */
function ensureExtension(model: ProcessModel, element: ModdleElement, type: string, attributes: Record<string, unknown> = {}): ModdleElement {
  const found = extension(element, type);
  if (found) return found;
  if (!element.extensionElements) element.extensionElements = model.moddle.create('bpmn:ExtensionElements', { values: [] });
  const container = element.extensionElements as ModdleElement & { values?: ModdleElement[] };
  const created = model.moddle.create(type, attributes);
  container.values = [...(container.values ?? []), created];
  return created;
}

function addListener(model: ProcessModel, element: ModdleElement, listType: string, itemType: string, attributes: Record<string, unknown>) {
  const list = ensureExtension(model, element, listType, { listeners: [] });
  list.listeners = [...((list.listeners as ModdleElement[] | undefined) ?? []), model.moddle.create(itemType, attributes)];
}

/**
 * The XML Zeebe receives for a designer's BPMN file (which is stored unchanged):
 * - every user task is a Camunda user task (zeebe:userTask), with `creating` and `canceling` task listeners
 *   whose jobs bring it into the platform's inbox and take it out again;
 * - its form reference is an external reference: the forms are Form.io forms of the platform, which Zeebe does
 *   not hold (a zeebe formId would make Zeebe look for a deployed Camunda form and raise an incident);
 * - the process has an `end` execution listener, so the platform learns that an instance completed and its
 *   final variables.
 */
export async function prepareForZeebe(model: ProcessModel): Promise<string> {
  for (const task of flowElements(model.process).filter((e) => e.$type === 'bpmn:UserTask')) {
    ensureExtension(model, task, 'zeebe:UserTask');
    const form = extension(task, 'zeebe:FormDefinition');
    const formKey = model.elements.get(String(task.id))?.formKey;
    if (form && formKey) {
      form.formId = undefined;
      form.formKey = undefined;
      form.externalReference = formKey;
    }
    addListener(model, task, 'zeebe:TaskListeners', 'zeebe:TaskListener', { eventType: 'creating', type: LISTENER_TYPES.userTaskCreating });
    addListener(model, task, 'zeebe:TaskListeners', 'zeebe:TaskListener', { eventType: 'canceling', type: LISTENER_TYPES.userTaskCanceling });
  }
  addListener(model, model.process, 'zeebe:ExecutionListeners', 'zeebe:ExecutionListener', { eventType: 'end', type: LISTENER_TYPES.processEnd });
  return (await model.moddle.toXML(model.definitions, { format: true })).xml;
}

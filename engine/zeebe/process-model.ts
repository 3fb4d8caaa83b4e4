import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import { zeebeModdle } from '../embedded/process-source.ts';
import { EngineError } from '../errors.ts';

/** What the inbox needs to know about an element that Zeebe does not send with its jobs. */
export interface ElementOutline {
  type: string;
  name: string;
  /** The platform form of a user task: zeebe:formDefinition formId (or externalReference / formKey). */
  formKey: string | null;
}

/** A parsed BPMN file with its one executable process, kept to read it or to prepare it for Zeebe. */
export interface ProcessModel {
  moddle: BpmnModdle;
  definitions: ModdleElement;
  process: ModdleElement;
  processId: string;
  name: string;
  elements: Map<string, ElementOutline>;
}

const CONTAINERS = new Set(['bpmn:SubProcess', 'bpmn:Transaction', 'bpmn:AdHocSubProcess']);

const extensionsOf = (element: ModdleElement) =>
  ((element.extensionElements as { values?: ModdleElement[] } | undefined)?.values ?? []);

export const extension = (element: ModdleElement, type: string) => extensionsOf(element).find((e) => e.$type === type);

/** Every flow element of a process, those inside sub-processes included. */
export function flowElements(container: ModdleElement): ModdleElement[] {
  const direct = (container.flowElements as ModdleElement[] | undefined) ?? [];
  return direct.flatMap((element) => (CONTAINERS.has(element.$type) ? [element, ...flowElements(element)] : [element]));
}

function formKeyOf(element: ModdleElement): string | null {
  const form = extension(element, 'zeebe:FormDefinition');
  const key = form?.formId ?? form?.externalReference ?? form?.formKey;
  return typeof key === 'string' && key !== '' ? key : null;
}

export async function readProcessModel(xml: string): Promise<ProcessModel> {
  const moddle = new BpmnModdle({ zeebe: zeebeModdle });
  let definitions: ModdleElement;
  try {
    definitions = (await moddle.fromXML(xml)).rootElement;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new EngineError('bpmn.invalid', `BPMN 文件无法解析：${message}`, `BPMN could not be parsed: ${message}`);
  }
  const executable = ((definitions.rootElements as ModdleElement[] | undefined) ?? []).filter((e) => e.$type === 'bpmn:Process' && e.isExecutable !== false);
  if (executable.length !== 1) {
    throw new EngineError(
      'bpmn.invalid',
      `BPMN 文件应当只包含一个可执行流程，实际 ${executable.length} 个`,
      `Expected exactly one executable process, found ${executable.length}`,
    );
  }
  const [process] = executable;
  const elements = new Map<string, ElementOutline>();
  for (const element of flowElements(process).filter((e) => e.$type !== 'bpmn:SequenceFlow')) {
    elements.set(String(element.id), { type: element.$type, name: element.name ?? String(element.id), formKey: formKeyOf(element) });
  }
  return { moddle, definitions, process, processId: String(process.id), name: process.name ?? String(process.id), elements };
}

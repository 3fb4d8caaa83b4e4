import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import { zeebeModdle } from '../../engine/embedded/process-source.ts';

export interface Listener {
  eventType: string;
  type: string;
  retries: number;
}

/** The listeners a deployed process declares, which the test double turns into listener jobs like Zeebe does. */
export interface DeployedListeners {
  processId: string;
  /** zeebe:taskListeners by user task id. */
  task: Map<string, Listener[]>;
  /** zeebe:executionListeners of the process itself. */
  process: Listener[];
}

const extensions = (element: ModdleElement) => ((element.extensionElements as { values?: ModdleElement[] } | undefined)?.values ?? []);

function listeners(element: ModdleElement, type: string): Listener[] {
  const list = extensions(element).find((e) => e.$type === type);
  return ((list?.listeners as ModdleElement[] | undefined) ?? []).map((l) => ({ eventType: String(l.eventType), type: String(l.type), retries: Number(l.retries ?? 3) }));
}

function allElements(container: ModdleElement): ModdleElement[] {
  return ((container.flowElements as ModdleElement[] | undefined) ?? []).flatMap((e) => [e, ...allElements(e)]);
}

export async function readListeners(xml: string): Promise<DeployedListeners> {
  const { rootElement } = await new BpmnModdle({ zeebe: zeebeModdle }).fromXML(xml);
  const process = ((rootElement.rootElements as ModdleElement[] | undefined) ?? []).find((e) => e.$type === 'bpmn:Process' && e.isExecutable !== false);
  if (!process) throw new Error('no executable process');
  const task = new Map<string, Listener[]>();
  for (const element of allElements(process).filter((e) => e.$type === 'bpmn:UserTask')) task.set(String(element.id), listeners(element, 'zeebe:TaskListeners'));
  return { processId: String(process.id), task, process: listeners(process, 'zeebe:ExecutionListeners') };
}

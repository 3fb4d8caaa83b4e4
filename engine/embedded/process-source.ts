import { createRequire } from 'node:module';
import { BpmnModdle } from 'bpmn-moddle';
import * as Elements from 'bpmn-elements';
import serializer, { TypeResolver } from 'moddle-context-serializer';

const require = createRequire(import.meta.url);
export const zeebeModdle = require('zeebe-bpmn-moddle/resources/zeebe.json');

/**
 * Element behaviours: a Zeebe service or send task does not call code in-process, it creates a job and waits
 * for a worker; a call activity waits for the process it starts. All of them wait for a signal, which the
 * job runtime or the called instance sends when it is done.
 */
export const elementTypes = { ...Elements, ServiceTask: Elements.SignalTask, SendTask: Elements.SignalTask, CallActivity: Elements.SignalTask };
const typeResolver = TypeResolver(elementTypes);

export interface MessageDefinition {
  name: string;
  /** zeebe:subscription correlationKey, evaluated when the subscription opens. */
  correlationKey: string | null;
}

export interface ProcessSource {
  processId: string;
  name: string;
  /** The serialized moddle context bpmn-engine runs from; built once per deployed version. */
  sourceContext: unknown;
  /** bpmn:message elements by id. */
  messages: Map<string, MessageDefinition>;
  /** Names of the messages that start this process (message start events). */
  startMessages: string[];
  /** For each event after an event-based gateway, the other events it races against. */
  racingEvents: Map<string, string[]>;
}

interface Behaviour {
  $type: string;
  extensionElements?: { values?: Array<{ $type: string; [key: string]: unknown }> };
  loopCharacteristics?: { behaviour: Behaviour & { collection?: unknown; elementVariable?: unknown } };
  eventDefinitions?: Array<{ type: string; behaviour: { messageRef?: { id: string } } }>;
  [key: string]: unknown;
}

const zeebeExtension = (behaviour: Behaviour | undefined, type: string) => behaviour?.extensionElements?.values?.find((v) => v.$type === type);

/**
 * Gives bpmn-elements the Zeebe meaning of elements it reads differently: zeebe:loopCharacteristics becomes the
 * collection and element variable of the multi-instance loop.
 */
function zeebeBehaviour(behaviour: Behaviour) {
  const loop = behaviour.loopCharacteristics?.behaviour;
  const zeebeLoop = zeebeExtension(loop, 'zeebe:LoopCharacteristics');
  if (loop && zeebeLoop) {
    loop.collection = zeebeLoop.inputCollection;
    loop.elementVariable = zeebeLoop.inputElement ?? 'item';
  }
  return {};
}

export async function parseProcessSource(xml: string): Promise<ProcessSource> {
  const moddle = new BpmnModdle({ zeebe: zeebeModdle });
  const context = await moddle.fromXML(xml);
  const processes = (context.rootElement as { rootElements?: Array<{ $type: string; id: string; name?: string; isExecutable?: boolean }> }).rootElements?.filter(
    (e) => e.$type === 'bpmn:Process',
  ) ?? [];
  const executable = processes.filter((p) => p.isExecutable !== false);
  if (executable.length !== 1) {
    throw new Error(`BPMN 文件应当只包含一个可执行流程，实际 ${executable.length} 个 / expected exactly one executable process, found ${executable.length}`);
  }
  const [process] = executable;
  const root = context.rootElement as unknown as { rootElements: Behaviour[] };
  const messages = new Map<string, MessageDefinition>();
  for (const element of root.rootElements.filter((e) => e.$type === 'bpmn:Message')) {
    const subscription = zeebeExtension(element, 'zeebe:Subscription');
    messages.set(String(element.id), { name: String(element.name ?? element.id), correlationKey: (subscription?.correlationKey as string | undefined) ?? null });
  }
  const flowElements = (process as unknown as { flowElements?: Behaviour[] }).flowElements ?? [];
  const startMessages = flowElements
    .filter((e) => e.$type === 'bpmn:StartEvent')
    .flatMap((e) => (e.eventDefinitions as unknown as Array<{ $type: string; messageRef?: { id: string } }> | undefined) ?? [])
    .filter((d) => d.$type === 'bpmn:MessageEventDefinition' && d.messageRef)
    .map((d) => messages.get(d.messageRef!.id)?.name ?? d.messageRef!.id);
  const racingEvents = new Map<string, string[]>();
  for (const gateway of flowElements.filter((e) => e.$type === 'bpmn:EventBasedGateway')) {
    const targets = ((gateway.outgoing as Array<{ targetRef: { id: string } }> | undefined) ?? []).map((flow) => flow.targetRef.id);
    for (const target of targets) racingEvents.set(target, targets.filter((t) => t !== target));
  }
  return {
    processId: process.id,
    name: process.name ?? process.id,
    sourceContext: serializer(context, typeResolver, zeebeBehaviour as never),
    messages,
    startMessages,
    racingEvents,
  };
}

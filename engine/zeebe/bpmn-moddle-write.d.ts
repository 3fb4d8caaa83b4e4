import 'bpmn-moddle';

/** The part of bpmn-moddle's API that changes a diagram: creating elements and writing XML. */
declare module 'bpmn-moddle' {
  interface BpmnModdle {
    create(type: string, attributes?: Record<string, unknown>): ModdleElement;
    toXML(element: ModdleElement, options?: { format?: boolean }): Promise<{ xml: string }>;
  }
}

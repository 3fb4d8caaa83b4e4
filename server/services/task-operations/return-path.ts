import { BpmnModdle } from 'bpmn-moddle';

/** The variable value that sends the process from one user task back to an earlier one. */
export interface ReturnPath {
  variable: string;
  value: string;
}

interface FlowNode {
  id: string;
  $type: string;
  outgoing?: Array<{ targetRef: FlowNode; conditionExpression?: { body?: string } }>;
}

const CHOICE = /^=\s*([A-Za-z_]\w*)\s*=\s*"([^"]*)"\s*$/;

/**
 * Finds the modelled return path (退回) of a process: `from` leads to an exclusive gateway with a branch back to
 * `to` whose condition is `=variable = "value"`, like 科室负责人审核 → 审核结果 → 退回 → 季度实绩申报.
 */
export async function findReturnPath(bpmnXml: string, from: string, to: string): Promise<ReturnPath | null> {
  const { elementsById } = await new BpmnModdle().fromXML(bpmnXml);
  const source = (elementsById as Record<string, FlowNode>)[from];
  for (const flow of source?.outgoing ?? []) {
    const gateway = flow.targetRef;
    if (gateway.$type !== 'bpmn:ExclusiveGateway') continue;
    for (const branch of gateway.outgoing ?? []) {
      const choice = branch.targetRef.id === to ? CHOICE.exec(branch.conditionExpression?.body ?? '') : null;
      if (choice) return { variable: choice[1], value: choice[2] };
    }
  }
  return null;
}

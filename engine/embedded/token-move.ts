import { EngineError } from '../errors.ts';

/** The part of a bpmn-elements activity a token move works with. */
export interface MovableActivity {
  id: string;
  type: string;
  name?: string;
  status?: string;
  parent?: { id: string };
  broker: { getQueue(name: string): { queueMessage(fields: object, content: object, properties?: object): void } };
  discard(): void;
}

export interface ActivityLookup {
  getActivityById(id: string): MovableActivity | null;
}

const noSuchElement = (elementId: string) =>
  new EngineError('bpmn.invalid', `流程中没有可以转到的环节「${elementId}」`, `The process has no element "${elementId}" in the same scope to move to`);
const alreadyActive = (elementId: string) =>
  new EngineError('instance.conflict', `环节「${elementId}」已在办理中`, `Element "${elementId}" is already active`);

/**
 * Process instance modification inside a running bpmn-elements instance: activates `toElementId` in the scope
 * of `from`, then discards `from` (the waiting activity, all its multi-instance iterations included).
 *
 * The target is entered through its own inbound queue, as if a sequence flow had been taken, so the process
 * tracks it like any other running activity. Discarding `from` sends a discard along its outgoing flows (no
 * flow is taken): branches that lead nowhere else end quietly, and a discard that loops back to the target
 * waits in the target's inbound queue until its run is over and then stops at the loop (bpmn-elements' discard
 * sequence), so the target runs exactly once.
 */
export function moveToken(scope: ActivityLookup, from: MovableActivity, toElementId: string) {
  const target = scope.getActivityById(toElementId);
  if (!target || target.parent?.id !== from.parent?.id) throw noSuchElement(toElementId);
  if (target.status) throw alreadyActive(toElementId);
  target.broker.getQueue('inbound-q').queueMessage({ routingKey: 'activity.restart' }, { id: target.id, type: target.type, parent: target.parent });
  from.discard();
}

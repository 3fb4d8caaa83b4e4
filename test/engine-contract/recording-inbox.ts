import type { InboxSink, UserTaskSpec } from '../../engine/port.ts';

/** An inbox that remembers what an engine delivered, so the contract can be checked against any adapter. */
export class RecordingInbox implements InboxSink {
  readonly tasks = new Map<string, UserTaskSpec & { state: 'open' | 'ended' }>();

  async tasksWaiting(update: { instanceKey: string; tasks: UserTaskSpec[]; complete: boolean }) {
    const waiting = new Set(update.tasks.map((t) => t.executionId));
    for (const task of update.tasks) if (!this.tasks.has(task.executionId)) this.tasks.set(task.executionId, { ...task, state: 'open' });
    if (!update.complete) return;
    for (const task of this.tasks.values()) if (task.instanceKey === update.instanceKey && !waiting.has(task.executionId)) task.state = 'ended';
  }

  async taskEnded(executionId: string) {
    const task = this.tasks.get(executionId);
    if (task) task.state = 'ended';
  }

  open(instanceKey: string) {
    return [...this.tasks.values()].filter((t) => t.instanceKey === instanceKey && t.state === 'open');
  }

  /** Open tasks of an element in any instance (e.g. of a called process, whose key the caller does not know). */
  openAt(elementId: string) {
    return [...this.tasks.values()].filter((t) => t.elementId === elementId && t.state === 'open');
  }

  /** Marks a task done the way the platform's inbox does inside `within`. */
  done(executionId: string) {
    this.tasks.get(executionId)!.state = 'ended';
  }
}

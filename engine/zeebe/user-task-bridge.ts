import type { InboxSink } from '../port.ts';
import type { LocalRecord } from './local-record.ts';
import type { ElementOutline } from './process-model.ts';
import { instanceOf, type ZeebeJob } from './job-workers.ts';
import { userTaskKeyOf, userTaskSpec } from './user-task-headers.ts';

export interface UserTaskBridgeDeps {
  record: LocalRecord;
  sink: InboxSink;
  /** The elements of a deployed process version (by definition key), or null for one the platform did not deploy. */
  elementsOf(definitionKey: string): Promise<Map<string, ElementOutline> | null>;
}

/**
 * Zeebe's user tasks and the platform's inbox, joined by the listener jobs prepare-for-zeebe.ts adds: each
 * handler records what the job shows and tells the inbox, in one transaction. A job handed out again (at least
 * once) changes nothing: the inbox ignores a task it already has, or one that already ended.
 */
export class UserTaskBridge {
  constructor(private readonly deps: UserTaskBridgeDeps) {}

  private async elementOf(job: ZeebeJob) {
    return (await this.deps.elementsOf(instanceOf(job).definitionKey))?.get(job.elementId);
  }

  /** `creating` listener: the task enters the inbox with its Zeebe-evaluated assignment and dates. */
  async creating(job: ZeebeJob) {
    const instance = instanceOf(job);
    const task = userTaskSpec(job, await this.elementOf(job));
    await this.deps.record.forInstance(instance.instanceKey, async (transaction) => {
      await this.deps.record.observe(instance, job.variables, transaction);
      await this.deps.record.addHistory(instance.instanceKey, { elementId: job.elementId, elementType: 'bpmn:UserTask', name: task.name, event: 'created', sourceKey: task.executionId, elementInstanceKey: job.elementInstanceKey }, transaction);
      await this.deps.sink.tasksWaiting({ instanceKey: instance.instanceKey, processId: instance.processId, variables: job.variables, tasks: [task], complete: false }, transaction);
    });
  }

  /** `canceling` listener: the task was interrupted or its instance cancelled; it leaves the inbox. */
  async canceling(job: ZeebeJob) {
    const instance = instanceOf(job);
    const userTaskKey = userTaskKeyOf(job.customHeaders);
    const name = (await this.elementOf(job))?.name ?? null;
    await this.deps.record.forInstance(instance.instanceKey, async (transaction) => {
      await this.deps.record.observe(instance, job.variables, transaction);
      await this.deps.record.addHistory(instance.instanceKey, { elementId: job.elementId, elementType: 'bpmn:UserTask', name, event: 'cancelled', sourceKey: userTaskKey }, transaction);
      await this.deps.sink.taskEnded(userTaskKey, transaction);
    });
  }

  /** The process's `end` execution listener: the instance completed, with these final variables. */
  async processEnd(job: ZeebeJob) {
    const instance = instanceOf(job);
    await this.deps.record.forInstance(instance.instanceKey, async (transaction) => {
      await this.deps.record.observe(instance, job.variables, transaction, 'replace');
      await this.deps.record.setStatus(instance.instanceKey, 'completed', null, transaction);
      await this.deps.record.addHistory(instance.instanceKey, { elementId: instance.processId, elementType: 'bpmn:Process', name: null, event: 'completed', sourceKey: job.key }, transaction);
    });
  }
}

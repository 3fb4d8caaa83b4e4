import type { UserTaskSpec, Variables } from '../../engine/port.ts';
import type { Int64Keys } from './int64-keys.ts';
import type { DeployedListeners, Listener } from './deployed-listeners.ts';
import type { JobIdentity, ListenerJob, ListenerJobs } from './listener-jobs.ts';
import { Refusal } from './refusal.ts';

type TaskState = 'CREATING' | 'CREATED' | 'COMPLETING' | 'COMPLETED' | 'CANCELED';

export interface DoubleUserTask {
  key: string;
  instance: string;
  spec: UserTaskSpec;
  state: TaskState;
  creating: ListenerJob[];
}

/** An instance of the backing embedded engine, with the names Zeebe gives it. */
export interface InstanceView {
  local: string;
  identity: Omit<JobIdentity, 'type' | 'elementId' | 'elementInstanceKey'>;
  listeners: DeployedListeners;
  finished: boolean;
}

const OPEN: TaskState[] = ['CREATING', 'CREATED', 'COMPLETING'];

/** Dates as Zeebe's Java side writes them (no milliseconds); the adapter must not depend on one format. */
const zeebeDate = (iso: string | null) => (iso ? iso.replace(/\.\d{3}Z$/, 'Z') : undefined);

/** The user task as the reserved headers of Zeebe's task listener jobs carry it (only set values). */
function taskHeaders(key: string, spec: UserTaskSpec): Record<string, string> {
  const headers: Record<string, string | undefined> = {
    'io.camunda.zeebe:userTaskKey': key,
    'io.camunda.zeebe:assignee': spec.assignee ?? undefined,
    'io.camunda.zeebe:candidateGroups': spec.candidateGroups.length ? JSON.stringify(spec.candidateGroups) : undefined,
    'io.camunda.zeebe:candidateUsers': spec.candidateUsers.length ? JSON.stringify(spec.candidateUsers) : undefined,
    'io.camunda.zeebe:dueDate': zeebeDate(spec.dueDate),
    'io.camunda.zeebe:followUpDate': zeebeDate(spec.followUpDate),
    'io.camunda.zeebe:priority': spec.priority > 0 ? String(spec.priority) : undefined,
  };
  return Object.fromEntries(Object.entries(headers).filter((e): e is [string, string] => e[1] !== undefined));
}

/**
 * Camunda user tasks in the test double: what the embedded engine reports after each step becomes Zeebe's
 * lifecycle (CREATING until the `creating` listeners completed, then CREATED; COMPLETED or CANCELED) with its
 * listener jobs. As in Zeebe, listeners block: what a step starts waits for the `canceling` listeners of the
 * tasks it ended, and a process `end` listener runs when the instance completes.
 */
export class UserTasks {
  private readonly tasks = new Map<string, DoubleUserTask>();
  private readonly finished = new Set<string>();

  constructor(
    private readonly keys: Int64Keys,
    private readonly jobs: ListenerJobs,
  ) {}

  afterStep(instance: InstanceView, waiting: UserTaskSpec[], variables: Variables) {
    const waitingIds = new Set(waiting.map((t) => t.executionId));
    const canceling: ListenerJob[] = [];
    for (const task of [...this.tasks.values()].filter((t) => t.instance === instance.local && OPEN.includes(t.state) && !waitingIds.has(t.spec.executionId))) {
      if (task.state === 'COMPLETING') {
        task.state = 'COMPLETED';
        continue;
      }
      task.state = 'CANCELED';
      task.creating.forEach((job) => this.jobs.cancel(job));
      canceling.push(...this.listenerJobs(instance, task, 'canceling', variables, [], () => undefined));
    }
    for (const spec of waiting.filter((t) => !this.byExecution(t.executionId))) {
      const key = this.keys.zeebe('userTask', spec.executionId);
      const task: DoubleUserTask = { key, instance: instance.local, spec, state: 'CREATING', creating: [] };
      this.tasks.set(key, task);
      task.creating = this.listenerJobs(instance, task, 'creating', variables, canceling, () => {
        if (task.state === 'CREATING') task.state = 'CREATED';
      });
      if (!task.creating.length) task.state = 'CREATED';
    }
    if (instance.finished && !this.finished.has(instance.local)) {
      this.finished.add(instance.local);
      this.chain(instance.listeners.process.filter((l) => l.eventType === 'end'), canceling, () => undefined, (listener, after, onCompleted) =>
        this.jobs.add({
          ...instance.identity,
          key: this.keys.fresh('job'),
          type: listener.type,
          listener: 'execution',
          eventType: 'end',
          elementId: instance.identity.bpmnProcessId,
          elementInstanceKey: instance.identity.processInstanceKey,
          variables,
          customHeaders: {},
          retries: listener.retries,
          after,
          onCompleted,
        }),
      );
    }
  }

  /** Jobs of the task listeners of one event, each after the one before (and after `after`). */
  private listenerJobs(instance: InstanceView, task: DoubleUserTask, eventType: string, variables: Variables, after: ListenerJob[], onLast: () => void): ListenerJob[] {
    const { spec } = task;
    const listeners = (instance.listeners.task.get(spec.elementId) ?? []).filter((l) => l.eventType === eventType);
    return this.chain(listeners, after, onLast, (listener, previous, onCompleted) =>
      this.jobs.add({
        ...instance.identity,
        key: this.keys.fresh('job'),
        type: listener.type,
        listener: 'task',
        eventType,
        elementId: spec.elementId,
        elementInstanceKey: this.keys.zeebe('element', spec.executionId),
        variables,
        customHeaders: taskHeaders(task.key, spec),
        retries: listener.retries,
        after: previous,
        onCompleted,
      }),
    );
  }

  private chain(listeners: Listener[], after: ListenerJob[], onLast: () => void, add: (l: Listener, after: ListenerJob[], onCompleted: () => void) => ListenerJob): ListenerJob[] {
    const jobs: ListenerJob[] = [];
    listeners.forEach((listener, i) => jobs.push(add(listener, i === 0 ? after : [jobs[i - 1]], i === listeners.length - 1 ? onLast : () => undefined)));
    return jobs;
  }

  private byExecution(executionId: string) {
    return [...this.tasks.values()].find((t) => t.spec.executionId === executionId);
  }

  /** POST /v2/user-tasks/{key}/completion: only a CREATED task can be completed. */
  startCompletion(key: string): DoubleUserTask {
    const task = this.tasks.get(key);
    if (!task || task.state === 'COMPLETED' || task.state === 'CANCELED') throw new Refusal('NOT_FOUND', `Expected to find a user task with key '${key}', but none was found`);
    if (task.state !== 'CREATED') throw new Refusal('FAILED_PRECONDITION', `Expected to complete user task '${key}', but it is in state ${task.state}`);
    task.state = 'COMPLETING';
    return task;
  }

  abortCompletion(task: DoubleUserTask) {
    if (task.state === 'COMPLETING') task.state = 'CREATED';
  }

  /** The task's state once its completion went through (the embedded step reported it gone). */
  finishCompletion(task: DoubleUserTask) {
    task.state = 'COMPLETED';
  }
}

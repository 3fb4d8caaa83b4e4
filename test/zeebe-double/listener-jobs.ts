import type { Variables } from '../../engine/port.ts';
import { Refusal } from './refusal.ts';

/** The fields of an activated job (gateway.proto ActivatedJob) that do not change while it waits. */
export interface JobIdentity {
  type: string;
  processInstanceKey: string;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  processDefinitionKey: string;
  elementId: string;
  elementInstanceKey: string;
}

/** A job of a task listener or execution listener, which Zeebe creates itself (no BPMN element waits for it). */
export interface ListenerJob extends JobIdentity {
  key: string;
  listener: 'task' | 'execution';
  eventType: string;
  variables: Variables;
  customHeaders: Record<string, string>;
  retries: number;
  status: 'activatable' | 'activated' | 'completed' | 'incident' | 'cancelled';
  dueAt: number;
  lockedUntil: number;
  errorMessage: string;
  /** Listener jobs that must complete first (Zeebe's listeners block: a canceled task's, before what follows). */
  after: ListenerJob[];
  onCompleted: () => void;
}

const done = (job: ListenerJob) => job.status === 'completed' || job.status === 'cancelled';

/** The test double's listener jobs, kept in memory: activation, completion, failure, incidents. */
export class ListenerJobs {
  private readonly jobs = new Map<string, ListenerJob>();

  add(job: Omit<ListenerJob, 'status' | 'dueAt' | 'lockedUntil' | 'errorMessage'>): ListenerJob {
    const added: ListenerJob = { ...job, status: 'activatable', dueAt: 0, lockedUntil: 0, errorMessage: '' };
    this.jobs.set(job.key, added);
    return added;
  }

  get(key: string): ListenerJob | undefined {
    return this.jobs.get(key);
  }

  /** Claims up to `max` jobs of a type that may run now (also those whose worker timed out). */
  activate(type: string, max: number, timeoutMs: number): ListenerJob[] {
    const now = Date.now();
    const ready = [...this.jobs.values()].filter(
      (j) => j.type === type && ((j.status === 'activatable' && j.dueAt <= now && j.after.every(done)) || (j.status === 'activated' && j.lockedUntil < now)),
    );
    return ready.slice(0, max).map((job) => Object.assign(job, { status: 'activated' as const, lockedUntil: now + timeoutMs }));
  }

  private active(key: string): ListenerJob {
    const job = this.jobs.get(key);
    if (!job || done(job)) throw new Refusal('NOT_FOUND', `Expected to find an active job with key '${key}', but none was found`);
    return job;
  }

  /** Like Zeebe, a task listener job must be completed without variables. */
  complete(key: string, variables: Variables) {
    const job = this.active(key);
    if (job.listener === 'task' && Object.keys(variables).length) {
      throw new Refusal('INVALID_ARGUMENT', `Task Listener job completion with variables payload provided is not yet supported (job key '${key}')`);
    }
    job.status = 'completed';
    job.onCompleted();
  }

  fail(key: string, retries: number, message: string, backoffMs: number) {
    const job = this.active(key);
    Object.assign(job, { retries, errorMessage: message, status: retries > 0 ? 'activatable' : 'incident', dueAt: Date.now() + backoffMs });
  }

  updateRetries(key: string, retries: number) {
    this.active(key).retries = retries;
  }

  resolveIncident(key: string) {
    const job = this.active(key);
    if (job.status === 'incident') Object.assign(job, { status: 'activatable', dueAt: 0 });
  }

  /** Jobs of a task that ended before its listener ran are not handed out any more. */
  cancel(job: ListenerJob) {
    if (!done(job)) job.status = 'cancelled';
  }
}

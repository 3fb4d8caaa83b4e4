import type { LiveInstance, StepResult } from './instance-runner.ts';
import type { InstanceRow } from './store.ts';

const JOB_TYPES = new Set(['bpmn:ServiceTask', 'bpmn:SendTask']);

/** A live instance together with the row it saved: what the database holds while nothing else touched it. */
export interface HotInstance {
  row: InstanceRow;
  live: LiveInstance;
}

/**
 * Instances in flight between a step and the job it has just created, kept in memory so the job's completion
 * does not read and restore them from the database again. Only instances that wait on workers alone (no person,
 * no timer, no message) are kept, only briefly (a small bounded set: when it is full a new instance is not kept,
 * so the oldest, whose jobs the runtime delivers first, stay), and only used while the saved state is still the
 * one they produced (same `rev`, checked again when the next step is saved); everything else is restored from
 * the database.
 */
export class HotInstances {
  private readonly entries = new Map<string, HotInstance>();

  constructor(private readonly capacity = 64) {}

  /** The live instance for this saved revision, taken out of the set; undefined if not kept or out of date. */
  take(instanceKey: string, rev: number): LiveInstance | undefined {
    const entry = this.takeAny(instanceKey);
    if (entry?.row.rev === rev) return entry.live;
    void entry?.live.close();
    return undefined;
  }

  /** The kept instance with the row it saved, taken out of the set, whatever its revision. */
  takeAny(instanceKey: string): HotInstance | undefined {
    const entry = this.entries.get(instanceKey);
    this.entries.delete(instanceKey);
    return entry;
  }

  /** Keeps the instance with the row just saved if it now waits on workers only; closes it otherwise. */
  offer(row: InstanceRow, live: LiveInstance, result: StepResult) {
    const inFlight = result.status === 'running' && result.timers.length === 0 && result.waits.length > 0 && result.waits.every((w) => JOB_TYPES.has(w.elementType));
    if (!inFlight || this.entries.size >= this.capacity) return void live.close();
    this.entries.set(row.instanceKey, { row, live });
  }

  clear() {
    for (const { live } of this.entries.values()) void live.close();
    this.entries.clear();
  }
}

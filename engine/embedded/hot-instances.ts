import type { LiveInstance, StepResult } from './instance-runner.ts';

const JOB_TYPES = new Set(['bpmn:ServiceTask', 'bpmn:SendTask']);

/**
 * Instances in flight between a step and the job it has just created, kept in memory so the job's completion
 * does not restore them from the database again. Only instances that wait on workers alone (no person, no
 * timer, no message) are kept, only briefly (a small bounded set, oldest out first), and only used while the
 * saved state is still the one they produced (same `rev`); everything else is restored from the database.
 */
export class HotInstances {
  private readonly entries = new Map<string, { rev: number; live: LiveInstance }>();

  constructor(private readonly capacity = 64) {}

  /** The live instance for this saved revision, taken out of the set; undefined if not kept or out of date. */
  take(instanceKey: string, rev: number): LiveInstance | undefined {
    const entry = this.entries.get(instanceKey);
    if (!entry) return undefined;
    this.entries.delete(instanceKey);
    if (entry.rev === rev) return entry.live;
    void entry.live.close();
    return undefined;
  }

  /** Keeps the instance if it now waits on workers only; closes it otherwise. */
  offer(instanceKey: string, rev: number, live: LiveInstance, result: StepResult) {
    const inFlight = result.status === 'running' && result.timers.length === 0 && result.waits.length > 0 && result.waits.every((w) => JOB_TYPES.has(w.elementType));
    if (!inFlight || this.capacity === 0) return void live.close();
    this.entries.set(instanceKey, { rev, live });
    if (this.entries.size > this.capacity) {
      const [oldest] = this.entries.keys();
      const { live: evicted } = this.entries.get(oldest)!;
      this.entries.delete(oldest);
      void evicted.close();
    }
  }

  clear() {
    for (const { live } of this.entries.values()) void live.close();
    this.entries.clear();
  }
}

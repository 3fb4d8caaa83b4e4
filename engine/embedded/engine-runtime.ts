import { Op } from 'sequelize';
import type { Logger } from 'pino';
import type { JobHandler } from '../port.ts';
import { BpmnError } from '../bpmn-error.ts';
import { EngineError } from '../errors.ts';
import type { EngineStore, JobRow } from './store.ts';
import type { JobPush } from './step-persistence.ts';
import type { EmbeddedEngine, JobCompletion } from './embedded-engine.ts';
import type { InTransaction } from '../../server/db.ts';

interface RuntimeOptions {
  inTransaction: InTransaction;
  pollMs: number;
  jobTimeoutMs: number;
  retryBackoffMs: number;
}

const BATCH = 50;
/** After a batch that was not full, the next one waits this long for more jobs, so busy times commit in larger groups. */
const GATHER_MS = 15;

/**
 * The loop that moves waiting instances on from the database, so every bit of it survives a restart:
 * jobs for registered workers (and jobs whose worker timed out: at-least-once), timers that are due,
 * buffered messages a subscription now matches, and called processes whose parent has not taken the result.
 */
export class EngineRuntime implements JobPush {
  private readonly workers = new Map<string, JobHandler>();
  /** Jobs pushed as they were created, waiting for their workers; and the delivery running now, if any. */
  private pushed: JobRow[] = [];
  private delivering: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private timerDueAt = Infinity;
  /** Something was woken while a poll ran: the next poll does not wait. */
  private woken = false;
  private stopped = true;
  private polling: Promise<void> | null = null;
  private lastHousekeeping = 0;

  constructor(
    private readonly engine: EmbeddedEngine,
    private readonly store: EngineStore,
    private readonly logger: Logger,
    private readonly options: RuntimeOptions,
  ) {}

  register(taskType: string, handler: JobHandler) {
    this.workers.set(taskType, handler);
    this.wake();
  }

  /**
   * Starts the loop. Jobs still activated belong to workers of a host that is gone (this host holds the lease
   * now): they are delivered again at once rather than when their lock runs out.
   */
  async start() {
    await this.store.Job.update({ status: 'activatable', lockedUntil: null, dueAt: new Date(), updatedAt: new Date() }, { where: { status: 'activated' } });
    this.stopped = false;
    this.wake();
  }

  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.polling;
    await this.delivering;
  }

  lockFor(type: string): Date | null {
    return !this.stopped && this.workers.has(type) ? new Date(Date.now() + this.options.jobTimeoutMs) : null;
  }

  /** Jobs created and committed for this process's workers: delivered at once, together with those that come meanwhile. */
  push(jobs: JobRow[]) {
    this.pushed.push(...jobs);
    this.delivering ??= this.deliverPushed().finally(() => (this.delivering = null));
  }

  private async deliverPushed() {
    while (this.pushed.length && !this.stopped) {
      await this.deliver(this.pushed.splice(0, BATCH)).catch((err) => this.logger.error({ err }, 'engine runtime could not deliver jobs'));
    }
  }

  /** Resolves when nothing is due: no job for a registered worker, no due timer, nothing to correlate. */
  async idle() {
    for (;;) {
      await this.polling;
      await this.delivering;
      if (!this.pushed.length && !(await this.hasWork())) return;
      this.wake();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** New work: poll now, unless a poll is running (it polls again when done) or gathering a batch anyway. */
  wake() {
    if (this.stopped) return;
    if (this.polling) this.woken = true;
    else if (this.timerDueAt > Date.now() + GATHER_MS) this.schedule(0);
  }

  private schedule(delay: number) {
    if (this.timer) clearTimeout(this.timer);
    this.timerDueAt = Date.now() + delay;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerDueAt = Infinity;
      this.polling = this.poll().finally(() => (this.polling = null));
    }, delay);
  }

  private async hasWork(): Promise<boolean> {
    const now = new Date();
    const jobs = await this.store.Job.count({ where: { status: 'activatable', type: { [Op.in]: [...this.workers.keys()] }, dueAt: { [Op.lte]: now } } });
    const timers = await this.store.Timer.count({ where: { dueAt: { [Op.lte]: now } } });
    const ended = await this.store.Instance.count({ where: { status: 'ended' } });
    return jobs + timers + ended + (await this.matchedMessages()).length > 0;
  }

  private async poll() {
    if (this.stopped) return;
    this.woken = false;
    let busy = false;
    let jobs = 0;
    try {
      jobs = await this.activateJobs();
      busy = jobs > 0;
      // timers, buffered messages and called processes are looked at once per poll interval, not after every job
      if (Date.now() - this.lastHousekeeping >= this.options.pollMs) {
        this.lastHousekeeping = Date.now();
        busy = (await this.fireTimers()) || busy;
        busy = (await this.correlateBufferedMessages()) || busy;
        busy = (await this.returnToParents()) || busy;
        await this.store.Message.destroy({ where: { expiresAt: { [Op.lt]: new Date() } } });
      }
    } catch (err) {
      this.logger.error({ err }, 'engine runtime poll failed');
    }
    if (this.stopped) return;
    if (jobs > 0 && jobs < BATCH) this.schedule(GATHER_MS);
    else this.schedule(busy || this.woken ? 0 : Math.max(0, this.options.pollMs - (Date.now() - this.lastHousekeeping)));
  }

  // ---- jobs --------------------------------------------------------------------------------------------

  /** Claims the jobs that are due and delivers them. Returns how many were delivered. */
  private async activateJobs(): Promise<number> {
    if (!this.workers.size) return 0;
    const jobs = await this.claimJobs();
    await this.deliver(jobs);
    return jobs.length;
  }

  /**
   * Runs the workers of claimed or pushed jobs, all at once, and completes the ones that succeeded together (a
   * group commit, see EmbeddedEngine.completeJobs).
   */
  private async deliver(jobs: JobRow[]) {
    const completions = (await Promise.all(jobs.map((job) => this.runJob(job)))).filter((c) => c !== undefined);
    for (const { job, variables } of await this.engine.completeJobs(completions)) {
      await this.report(job, () => this.engine.completeJob(job.jobKey, variables));
    }
  }

  /**
   * Locks a batch of due jobs (and jobs whose worker timed out) for the job timeout. The lock is taken in a
   * transaction of the runner (on SQLite a write outside it would wait for the writer by polling).
   */
  private async claimJobs(): Promise<JobRow[]> {
    const now = new Date();
    const activatable = {
      [Op.or]: [
        { status: 'activatable', dueAt: { [Op.lte]: now } },
        { status: 'activated', lockedUntil: { [Op.lt]: now } },
      ],
    };
    const jobs = await this.store.Job.findAll({ where: { type: { [Op.in]: [...this.workers.keys()] }, ...activatable }, order: [['dueAt', 'ASC']], limit: BATCH, raw: true });
    if (!jobs.length) return [];
    const jobKey = jobs.map((j) => j.jobKey);
    return this.options.inTransaction(async (transaction) => {
      const [claimed] = await this.store.Job.update(
        { status: 'activated', lockedUntil: new Date(Date.now() + this.options.jobTimeoutMs), updatedAt: new Date() },
        { where: { jobKey, ...activatable }, transaction },
      );
      // a job completed, failed or cancelled since it was read is not claimed; only this loop activates due jobs
      return claimed === jobs.length ? jobs : this.store.Job.findAll({ where: { jobKey, status: 'activated' }, raw: true, transaction });
    });
  }

  /** Runs a job's worker: the variables to complete the job with, or nothing when the worker failed (reported here). */
  private async runJob(job: JobRow): Promise<JobCompletion | undefined> {
    const handler = this.workers.get(job.type)!;
    try {
      const output = await handler({
        jobKey: job.jobKey,
        instanceKey: job.instanceKey,
        elementId: job.elementId,
        type: job.type,
        variables: JSON.parse(job.variables),
        customHeaders: JSON.parse(job.customHeaders),
        retries: job.retries,
      });
      return { job, variables: output ?? {} };
    } catch (err) {
      if (err instanceof BpmnError) {
        await this.report(job, () => this.engine.throwJobError(job.jobKey, err));
        return undefined;
      }
      const message = err instanceof Error ? err.message : String(err);
      const retries = job.retries - 1;
      const backoffMs = this.options.retryBackoffMs * 2 ** Math.max(0, 2 - retries);
      await this.report(job, () => this.engine.failJob(job.jobKey, { retries, message, backoffMs }));
      return undefined;
    }
  }

  /**
   * A job result that cannot be applied because the step fails (e.g. no gateway condition holds) becomes an
   * incident; a transient failure (the database) leaves the job to be delivered again after a backoff.
   */
  private async report(job: JobRow, apply: () => Promise<void>) {
    try {
      await apply();
    } catch (err) {
      if (err instanceof EngineError && (err.code === 'job.not_found' || err.code === 'instance.not_running')) return;
      const failure =
        err instanceof EngineError && err.code === 'instance.incident'
          ? { retries: 0, message: err.zh }
          : { retries: job.retries, message: err instanceof Error ? err.message : String(err), backoffMs: this.options.retryBackoffMs };
      await this.engine.failJob(job.jobKey, failure).catch((e) => this.logger.error({ err: e, jobKey: job.jobKey }, 'could not record the job failure'));
    }
  }

  // ---- timers, messages, called processes --------------------------------------------------------------

  /** Resuming an instance fires its timers that are due (bpmn-engine compares their saved expiry with now). */
  private async fireTimers(): Promise<boolean> {
    const due = await this.store.Timer.findAll({ where: { dueAt: { [Op.lte]: new Date() } }, attributes: ['instanceKey'], group: ['instanceKey'], limit: BATCH, raw: true });
    let moved = false;
    for (const instanceKey of await this.running(due.map((t) => t.instanceKey))) {
      moved = (await this.guard(instanceKey, () => this.engine.step(instanceKey, null))) || moved;
    }
    return moved;
  }

  private async matchedMessages() {
    const messages = await this.store.Message.findAll({ where: { expiresAt: { [Op.gte]: new Date() } }, order: [['createdAt', 'ASC']], limit: BATCH, raw: true });
    const matches = [];
    for (const message of messages) {
      const subscription = await this.store.Subscription.findOne({ where: { messageName: message.name, correlationKey: message.correlationKey }, order: [['createdAt', 'ASC']], raw: true });
      if (subscription && (await this.running([subscription.instanceKey])).length) matches.push({ message, subscription });
    }
    return matches;
  }

  /** A buffered message goes to the first subscription that opened for it, once. */
  private async correlateBufferedMessages(): Promise<boolean> {
    let moved = false;
    for (const { message, subscription } of await this.matchedMessages()) {
      const taken = await this.guard(subscription.instanceKey, () =>
        this.engine.step(subscription.instanceKey, { executionId: subscription.executionId, variables: JSON.parse(message.variables) }, async (transaction) => {
          const removed = await this.store.Message.destroy({ where: { messageKey: message.messageKey }, transaction });
          if (removed !== 1) throw new EngineError('job.not_found', '消息已被处理', `Message ${message.messageKey} was taken`);
        }),
      );
      moved = taken || moved;
    }
    return moved;
  }

  /** A finished called process hands its variables to the call activity that waits for it. */
  private async returnToParents(): Promise<boolean> {
    const ended = await this.store.Instance.findAll({ where: { status: 'ended' }, limit: BATCH, raw: true });
    const parents = new Set(await this.running(ended.map((c) => c.parentInstanceKey!)));
    let moved = false;
    for (const child of ended.filter((c) => parents.has(c.parentInstanceKey!))) {
      const returned = await this.guard(child.parentInstanceKey!, () =>
        this.engine.step(child.parentInstanceKey!, { executionId: child.parentExecutionId!, variables: JSON.parse(child.variables) }, async (transaction) => {
          await this.store.Instance.update({ status: 'completed', updatedAt: new Date() }, { where: { instanceKey: child.instanceKey, status: 'ended' }, transaction });
        }),
      );
      moved = returned || moved;
    }
    return moved;
  }

  private async running(instanceKeys: string[]): Promise<string[]> {
    if (!instanceKeys.length) return [];
    const rows = await this.store.Instance.findAll({ where: { instanceKey: instanceKeys, status: 'running' }, attributes: ['instanceKey'], raw: true });
    return rows.map((r) => r.instanceKey);
  }

  /** Applies a step; one that cannot continue puts its instance into an incident instead of being retried in a loop. */
  private async guard(instanceKey: string, work: () => Promise<void>): Promise<boolean> {
    try {
      await work();
      return true;
    } catch (err) {
      if (err instanceof EngineError && err.code === 'instance.incident') {
        await this.store.Instance.update({ status: 'incident', error: err.zh, updatedAt: new Date() }, { where: { instanceKey, status: 'running' } });
      }
      this.logger.warn({ err, instanceKey }, 'engine runtime could not move an instance on');
      return false;
    }
  }
}

import type { Logger } from 'pino';
import type { Zeebe } from '@camunda8/sdk';
import type { Job } from '@camunda8/sdk/dist/zeebe/lib/interfaces-1.0.js';
import type { Variables } from '../port.ts';
import type { InstanceRef } from './local-record.ts';

/** A job as the SDK's ActivateJobs hands it over: variables and custom headers parsed, int64 keys as strings. */
export type ZeebeJob = Job<Variables, Record<string, string>>;
export type JobProcessor = (job: ZeebeJob) => Promise<void>;

/** The instance a job belongs to (the SDK passes the process definition key on without declaring it). */
export function instanceOf(job: ZeebeJob): InstanceRef {
  return {
    instanceKey: job.processInstanceKey,
    definitionKey: (job as ZeebeJob & { processDefinitionKey: string }).processDefinitionKey,
    processId: job.bpmnProcessId,
    version: job.processDefinitionVersion,
  };
}

export interface JobWorkersOptions {
  /** The worker name Zeebe records on activated jobs. */
  name: string;
  /** How long an activated job stays with this worker before Zeebe hands it out again. */
  jobTimeoutMs: number;
  /** How long Zeebe holds an ActivateJobs request open while no job is there (long polling). */
  longPollMs: number;
  /** Jobs of one type processed at the same time. */
  maxJobs: number;
  logger: Logger;
}

const RECONNECT_BACKOFF_MS = { min: 250, max: 15_000 };
/** A poll that has not answered this long after its long-poll time is given up on (its jobs are still taken). */
const POLL_GRACE_MS = 10_000;
/** Pause after an empty answer, so a gateway that answers at once is not asked in a tight loop. */
const EMPTY_PAUSE_MS = 100;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Job workers: one loop per job type that long-polls Zeebe with the SDK client's ActivateJobs and processes
 * what it gets. Every poll is a call of its own, so an outage only makes polls fail: the loop backs off and
 * polls again until the gateway answers (the gRPC channel reconnects on that call). Nothing can leave a loop
 * waiting for good, unlike the SDK's own worker, which has been seen to stay silent after an outage
 * (camunda-8-js-sdk #383) or after an error it did not expect (#784): a poll that hangs is given up after
 * its long-poll time and a grace period, and jobs it still returns later are processed all the same.
 */
export class JobWorkers {
  private readonly loops = new Map<string, Promise<void>>();
  private readonly inFlight = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    private readonly client: Promise<Zeebe.ZeebeGrpcClient>,
    private readonly options: JobWorkersOptions,
  ) {}

  start(type: string, process: JobProcessor) {
    if (this.stopped || this.loops.has(type)) return;
    this.loops.set(type, this.pollLoop(type, process));
  }

  private async pollLoop(type: string, process: JobProcessor) {
    const running = new Set<Promise<void>>();
    const dispatch = (jobs: ZeebeJob[]) => {
      if (this.stopped) return this.handBack(jobs);
      for (const job of jobs) {
        const run = process(job).finally(() => {
          running.delete(run);
          this.inFlight.delete(run);
        });
        running.add(run);
        this.inFlight.add(run);
      }
    };
    let failures = 0;
    while (!this.stopped) {
      if (running.size >= this.options.maxJobs) {
        await Promise.race(running);
        continue;
      }
      try {
        const jobs = await this.poll(type, this.options.maxJobs - running.size, dispatch);
        if (failures) this.options.logger.info({ type, failures }, 'zeebe gateway answers again: polling for jobs resumed');
        failures = 0;
        dispatch(jobs);
        if (!jobs.length) await sleep(EMPTY_PAUSE_MS);
      } catch (err) {
        failures++;
        this.options.logger[failures === 1 ? 'warn' : 'debug']({ err, type, failures }, 'polling zeebe for jobs failed, retrying');
        await sleep(Math.min(RECONNECT_BACKOFF_MS.max, RECONNECT_BACKOFF_MS.min * 2 ** (failures - 1)));
      }
    }
  }

  /** One ActivateJobs long poll; one that does not answer in time is left to `late` and counted as failed. */
  private async poll(type: string, max: number, late: (jobs: ZeebeJob[]) => void): Promise<ZeebeJob[]> {
    const activation = (await this.client).activateJobs<Variables, Record<string, string>>({
      type,
      worker: this.options.name,
      timeout: this.options.jobTimeoutMs,
      maxJobsToActivate: max,
      requestTimeout: this.options.longPollMs,
      fetchVariable: [],
    });
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        activation.then(late, () => undefined);
        reject(new Error(`ActivateJobs for ${type} did not answer within ${this.options.longPollMs + POLL_GRACE_MS} ms`));
      }, this.options.longPollMs + POLL_GRACE_MS);
    });
    return Promise.race([activation, deadline]).finally(() => clearTimeout(timer));
  }

  /**
   * Jobs a poll brings after the workers stopped go straight back to Zeebe (retries unchanged), so that the
   * next worker gets them now rather than after their timeout. (Closing the SDK client does not cancel an open
   * ActivateJobs call: it can still activate jobs.)
   */
  private handBack(jobs: ZeebeJob[]) {
    for (const job of jobs) {
      this.client
        .then((client) => client.failJob({ jobKey: job.key, retries: job.retries, errorMessage: 'handed back: the platform stopped its workers', retryBackOff: 0 }))
        .catch((err: unknown) => this.options.logger.warn({ err, jobKey: job.key }, 'a job could not be handed back'));
    }
  }

  /** Resolves when no job handed to these workers is being processed. */
  async idle() {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  /** Stops polling; resolves when the jobs being processed are done. Polls still open end later: see `drained`. */
  async close() {
    this.stopped = true;
    await this.idle();
  }

  /** Resolves when every poll loop has ended (the last open polls answered or failed). */
  async drained() {
    await Promise.allSettled(this.loops.values());
  }
}

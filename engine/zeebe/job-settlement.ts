import type { Logger } from 'pino';
import type { Zeebe } from '@camunda8/sdk';
import type { Variables } from '../port.ts';
import type { ZeebeJob } from './job-workers.ts';

/** What to tell Zeebe about a job: one of its three outcomes. */
export type Decision =
  | { kind: 'complete'; variables: Variables }
  | { kind: 'error'; code: string; message: string; variables: Variables }
  | { kind: 'fail'; message: string; retries: number };

export const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Process variables as the SDK types them (JSON values); the platform's variables are JSON by contract. */
export const json = (variables: Variables) => variables as Record<string, never>;

/** A failed job is handed out again after a backoff that doubles as its retries run out. */
const retryBackoffMs = (baseMs: number, retriesLeft: number) => baseMs * 2 ** Math.max(0, 2 - retriesLeft);

function act(client: Zeebe.ZeebeGrpcClient, job: ZeebeJob, decision: Decision, baseBackoffMs: number): Promise<unknown> {
  switch (decision.kind) {
    case 'complete':
      return client.completeJob({ jobKey: job.key, variables: json(decision.variables) });
    case 'error':
      return client.throwError({ jobKey: job.key, errorCode: decision.code, errorMessage: decision.message, variables: json(decision.variables) });
    case 'fail':
      return client.failJob({ jobKey: job.key, errorMessage: decision.message, retries: decision.retries, retryBackOff: retryBackoffMs(baseBackoffMs, decision.retries) });
  }
}

/**
 * Gives a job its one outcome: `decide` says which (if it throws, the job fails and loses a retry); once Zeebe
 * has taken the outcome, `after` records it. A job Zeebe no longer knows (cancelled, interrupted, done) is
 * only logged; so is an outcome that cannot be recorded (Zeebe has it, which is what counts).
 */
export async function settle(
  job: ZeebeJob,
  decide: () => Promise<Decision>,
  after: (decision: Decision) => Promise<void>,
  options: { client: Promise<Zeebe.ZeebeGrpcClient>; baseBackoffMs: number; logger: Logger },
): Promise<void> {
  let decision: Decision;
  try {
    decision = await decide();
  } catch (err) {
    decision = { kind: 'fail', message: messageOf(err), retries: job.retries - 1 };
  }
  try {
    await act(await options.client, job, decision, options.baseBackoffMs);
  } catch (err) {
    options.logger.warn({ err, jobKey: job.key, type: job.type }, 'zeebe did not take the job outcome');
    return;
  }
  try {
    await after(decision);
  } catch (err) {
    options.logger.error({ err, jobKey: job.key, type: job.type }, 'job outcome could not be recorded');
  }
}

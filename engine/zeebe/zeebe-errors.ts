import type { EngineError } from '../errors.ts';

/** How Zeebe refused a command, over gRPC (status code) or REST (HTTP status). */
export type Refusal = 'not_found' | 'invalid' | 'conflict';

const GRPC = { INVALID_ARGUMENT: 3, NOT_FOUND: 5, FAILED_PRECONDITION: 9 };

function refusalOf(err: unknown): Refusal | null {
  const { code, status } = (err ?? {}) as { code?: unknown; status?: unknown };
  if (code === GRPC.NOT_FOUND || status === 404) return 'not_found';
  if (code === GRPC.INVALID_ARGUMENT || status === 400) return 'invalid';
  if (code === GRPC.FAILED_PRECONDITION || status === 409) return 'conflict';
  return null;
}

/** Zeebe's own words for a refusal: gRPC `details`, REST problem `detail` or `title`. */
function detailOf(err: unknown): string {
  const { details, detail, title, message } = (err ?? {}) as Record<string, unknown>;
  return String(details ?? detail ?? title ?? message ?? err);
}

/**
 * Runs a Zeebe command. A refusal that `explain` names becomes that EngineError (the platform shows it to
 * people); anything else (gateway unreachable, not authorised, refusals it does not name) is passed on.
 */
export async function zeebeCommand<T>(command: () => Promise<T>, explain: (refusal: Refusal, detail: string) => EngineError | undefined): Promise<T> {
  try {
    return await command();
  } catch (err) {
    const refusal = refusalOf(err);
    throw (refusal && explain(refusal, detailOf(err))) || err;
  }
}

/**
 * Runs `command`, and again after each delay while Zeebe refuses it with `refusal`: for a state Zeebe is about
 * to leave (a user task stays CREATING until its `creating` listener job is completed, which the adapter does
 * right after the inbox has the task).
 */
export async function retryWhileRefused<T>(command: () => Promise<T>, refusal: Refusal, delaysMs: number[]): Promise<T> {
  for (const delay of delaysMs) {
    try {
      return await command();
    } catch (err) {
      if (refusalOf(err) !== refusal) throw err;
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
  return command();
}

/** A command the Zeebe gateway test double refuses, the way Zeebe would (gRPC status / HTTP status). */
export class Refusal extends Error {
  constructor(
    readonly kind: 'NOT_FOUND' | 'INVALID_ARGUMENT' | 'FAILED_PRECONDITION',
    message: string,
  ) {
    super(message);
  }
}

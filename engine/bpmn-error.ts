import type { Variables } from './port.ts';

/**
 * Thrown by a job worker for a business error the process models (an error boundary event with this code
 * catches it), as opposed to a technical failure, which is retried and then becomes an incident.
 */
export class BpmnError extends Error {
  constructor(
    readonly code: string,
    message = code,
    readonly variables?: Variables,
  ) {
    super(message);
  }
}

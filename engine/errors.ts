export type EngineErrorCode =
  | 'bpmn.invalid'
  | 'process.not_found'
  | 'instance.not_found'
  | 'instance.not_running'
  | 'execution.not_waiting'
  | 'instance.incident'
  | 'instance.conflict'
  | 'job.not_found'
  | 'engine.busy';

/** An error of the engine port, with a message for people in Chinese and in English. */
export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    readonly zh: string,
    readonly en: string,
    readonly details: Array<Record<string, unknown>> = [],
  ) {
    super(en);
  }
}

/**
 * Job types of the listeners the adapter adds to every deployed process (prepare-for-zeebe.ts) and serves
 * itself (user-task-bridge.ts). One platform per Zeebe cluster (or tenant): a second one would take these jobs.
 */
export const LISTENER_TYPES = {
  /** zeebe:taskListener eventType="creating": a Camunda user task is being created. */
  userTaskCreating: 'jixiao.user-task.creating',
  /** zeebe:taskListener eventType="canceling": a user task ends without being completed. */
  userTaskCanceling: 'jixiao.user-task.canceling',
  /** zeebe:executionListener eventType="end" on the process: an instance completes. */
  processEnd: 'jixiao.process.end',
} as const;

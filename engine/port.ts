/**
 * The Engine port: everything above the workflow engine talks to this interface only.
 * Adapters: `embedded/` (bpmn-engine with Zeebe semantics, the default) and, later, `zeebe/`.
 */

export type Variables = Record<string, unknown>;

export interface DeployedProcess {
  processId: string;
  name: string;
  version: number;
  definitionKey: string;
}

export interface StartOptions {
  unitId?: number;
  /**
   * The unit and its ancestors, nearest first: the instance runs the latest version deployed for the nearest
   * of them (a unit's adapted flow), else the latest version deployed for everyone.
   */
  unitChain?: number[];
  businessKey?: string;
  /**
   * Runs in the database transaction that records the new instance (e.g. a cycle marks its member started), so
   * the instance and the caller's record of it exist together or not at all.
   */
  within?: (transaction: import('sequelize').Transaction, instanceKey: string) => Promise<void>;
}

/** A user task as it reaches the inbox: every Zeebe attribute already FEEL-evaluated. */
export interface UserTaskSpec {
  instanceKey: string;
  elementId: string;
  executionId: string;
  name: string;
  assignee: string | null;
  candidateUsers: string[];
  candidateGroups: string[];
  formKey: string | null;
  dueDate: string | null;
  followUpDate: string | null;
  priority: number;
}

export interface JobContext {
  jobKey: string;
  instanceKey: string;
  elementId: string;
  type: string;
  variables: Variables;
  customHeaders: Record<string, string>;
  retries: number;
}

/** Returns variables to merge into the instance; throws to fail the job (retried, then an incident). */
export type JobHandler = (job: JobContext) => Promise<Variables | void>;

export type EngineEvent =
  | { type: 'instance.started'; instanceKey: string; processId: string; version: number }
  | { type: 'instance.completed'; instanceKey: string }
  | { type: 'instance.failed'; instanceKey: string; message: string }
  | { type: 'element.completed'; instanceKey: string; elementId: string; elementType: string; name: string }
  | { type: 'job.failed'; instanceKey: string; jobKey: string; message: string; retriesLeft: number };

/**
 * Where user tasks go: the platform's inbox. The embedded adapter calls it inside the transaction of each
 * step (with the full set of tasks the instance now waits on); the Zeebe adapter calls it from Zeebe's
 * user-task listener jobs (one task at a time, no transaction).
 */
export interface InboxSink {
  tasksWaiting(
    update: {
      instanceKey: string;
      processId: string;
      variables: Variables;
      tasks: UserTaskSpec[];
      /** true: `tasks` is everything the instance waits on, any other open task of it has ended. */
      complete: boolean;
    },
    transaction?: import('sequelize').Transaction,
  ): Promise<void>;
  /** A user task ended without being completed through the inbox (cancelled, interrupted by a boundary event). */
  taskEnded(executionId: string, transaction?: import('sequelize').Transaction): Promise<void>;
}

export interface DeploymentInfo {
  definitionKey: string;
  processId: string;
  name: string;
  version: number;
  unitId: number | null;
  deployedBy: string | null;
  createdAt: Date;
}

export interface InstanceInfo {
  instanceKey: string;
  processId: string;
  version: number;
  status: 'running' | 'completed' | 'incident' | 'cancelled';
  businessKey: string | null;
  unitId: number | null;
  error: string | null;
  variables: Variables;
  history: Array<{ elementId: string | null; elementType: string | null; name: string | null; event: string; at: Date }>;
}

/** A job that ran out of retries (or a step that could not continue): an admin fixes the cause and retries. */
export interface Incident {
  key: string;
  instanceKey: string;
  processId: string;
  elementId: string;
  jobType: string;
  message: string;
  createdAt: Date;
}

export interface Engine {
  deploy(bpmnXml: string, options?: { unitId?: number; deployedBy?: string }): Promise<DeployedProcess>;
  listDeployments(): Promise<DeploymentInfo[]>;
  /** The latest version of a process, or the given one, with its XML. */
  getDeployment(processId: string, version?: number): Promise<(DeploymentInfo & { xml: string }) | null>;
  start(processId: string, variables: Variables, options?: StartOptions): Promise<{ instanceKey: string; version: number }>;
  getInstance(instanceKey: string): Promise<InstanceInfo>;
  getVariables(instanceKey: string): Promise<Variables>;
  registerWorker(taskType: string, handler: JobHandler): void;
  /**
   * Completes a user task and moves the process on. `within` runs in the same database transaction as the
   * completion is recorded (the inbox marks its task and stores the submission there); if it throws, nothing
   * is completed.
   */
  completeUserTask(
    instanceKey: string,
    executionId: string,
    variables: Variables,
    within?: (transaction: import('sequelize').Transaction) => Promise<void>,
  ): Promise<void>;
  /**
   * Process instance modification (Zeebe's term): ends the waiting element `fromExecutionId` without
   * completing it and activates `toElementId` in the same scope, with `variables` set on the instance first
   * (used for 退回 to any earlier step and 撤回). `within` runs in the transaction that records the move; if it
   * throws, nothing moves. Ending the element does not take its outgoing flows.
   */
  moveToken(
    instanceKey: string,
    fromExecutionId: string,
    toElementId: string,
    variables: Variables,
    within?: (transaction: import('sequelize').Transaction) => Promise<void>,
  ): Promise<void>;
  /** Job operations for workers outside the built-in runtime (and for the Zeebe gateway test double). */
  completeJob(jobKey: string, variables?: Variables): Promise<void>;
  failJob(jobKey: string, failure: { retries: number; message: string; backoffMs?: number }): Promise<void>;
  throwJobError(jobKey: string, error: { code: string; message?: string; variables?: Variables }): Promise<void>;
  listIncidents(): Promise<Incident[]>;
  /** Gives the job of an incident new retries; the instance goes on running. */
  retryIncident(incidentKey: string, retries?: number): Promise<void>;
  /**
   * Correlates a message by name and correlation key (zeebe:subscription) and starts processes with a
   * message start event of that name; with nobody waiting it is kept for `timeToLiveMs`.
   */
  publishMessage(name: string, correlationKey: string, variables?: Variables, options?: { timeToLiveMs?: number }): Promise<void>;
  cancel(instanceKey: string): Promise<void>;
  /** Starts the job workers and resumes whatever was pending before a restart. */
  startWorkers(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves when no job is pending or running (used by tests and graceful shutdown). */
  idle(): Promise<void>;
}

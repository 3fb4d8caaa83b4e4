import { EventEmitter } from 'node:events';
import { Engine as BpmnEngine } from 'bpmn-engine';
import { Timers } from 'bpmn-elements';
import { elementTypes, zeebeModdle, type ProcessSource } from './process-source.ts';
import { feelExpressions } from './feel-expressions.ts';
import { inputVariables, outputVariables } from './io-mapping.ts';
import type { ActivityElement } from './zeebe-properties.ts';
import type { Variables } from '../port.ts';
import { moveToken, type ActivityLookup, type MovableActivity } from './token-move.ts';
import { collectOutputs, withCompletionConditions, zeebeLoop } from './multi-instance.ts';

/** An activity waiting for the outside world: a user task, a job, a message, a called process. */
export interface Wait {
  elementId: string;
  executionId: string;
  elementType: string;
  element: ActivityElement;
  /** Process variables plus the activity's own (multi-instance element, input mappings). */
  variables: Variables;
  /** The message a catch event waits for (bpmn:message id). */
  messageId: string | null;
}

/** A timer the instance waits on; the durable scheduler fires it by resuming the instance when it is due. */
export interface PendingTimer {
  elementId: string;
  executionId: string;
  dueAt: Date;
}

export interface StepResult {
  /** bpmn-engine state without the process source (which is kept per deployed version). */
  state: unknown;
  status: 'running' | 'completed' | 'failed';
  error: string | null;
  variables: Variables;
  waits: Wait[];
  timers: PendingTimer[];
  completed: Array<{ elementId: string; elementType: string; name: string }>;
}

/**
 * What moves a waiting instance on: one waiting activity completes with variables, throws a BPMN error, or is
 * ended while another element of its scope is activated (`moveTo`, see token-move.ts).
 */
export type Signal =
  | { executionId: string; variables: Variables }
  | { executionId: string; moveTo: string; variables: Variables }
  | { executionId: string; error: { code: string; message: string; variables?: Variables } };

interface ActivityApi {
  id: string;
  type: string;
  name?: string;
  executionId: string;
  owner: ActivityElement;
  environment: { variables: Variables; assignVariables(vars: Variables): void };
  content: {
    isRootScope?: boolean;
    isMultiInstance?: boolean;
    index?: number;
    output?: unknown;
    message?: { id: string };
    [key: string]: unknown;
  };
  signal(message?: unknown): void;
  discard(): void;
  sendApiMessage(action: string, content?: unknown): void;
}

interface TimerRef {
  owner?: { id: string; executionId: string; expireAt?: Date | string };
  expireAt: Date;
}

interface EngineState {
  name: string;
  state: string;
  stopped: boolean;
  environment: unknown;
  definitions: Array<Record<string, unknown>>;
}

/** bpmn-elements keeps the running message in the process scope; it is not a process variable. */
const SCOPE_KEYS = new Set(['fields', 'content', 'properties']);

function withoutScopeKeys(variables: Variables): Variables {
  return Object.fromEntries(Object.entries(variables).filter(([key]) => !SCOPE_KEYS.has(key)));
}

interface EngineExecution {
  name: string;
  state: string;
  stopped: boolean;
  environment: { getState(): unknown };
  definitions: Array<{ getState(): Record<string, unknown> }>;
}

/**
 * bpmn-engine's saved state, as its getState() makes it but without the process source: the source is kept once
 * per deployed version, and getState() would serialise the whole of it at every save only to be thrown away.
 */
function savedState(engine: BpmnEngine): EngineState {
  const execution = engine.execution as unknown as EngineExecution;
  return {
    name: execution.name,
    state: execution.state,
    stopped: execution.stopped,
    environment: execution.environment.getState(),
    definitions: execution.definitions.map((definition) => definition.getState()),
  };
}

/** The variables an activity sees: the process's, its multi-instance element and loop counter, its input mappings. */
function activityVariables(api: ActivityApi): Variables {
  const process = withoutScopeKeys(api.environment.variables);
  const loop = api.content.isMultiInstance ? zeebeLoop(api.owner) : null;
  const local = loop ? { [loop.elementVariable]: api.content[loop.elementVariable], loopCounter: (api.content.index ?? 0) + 1 } : {};
  const scope = { ...process, ...local };
  return { ...scope, ...inputVariables(api.owner, scope) };
}

/** Collects the iterations' results into zeebe:loopCharacteristics outputCollection, in iteration order. */
function collectLoopOutput(api: ActivityApi) {
  const loop = zeebeLoop(api.owner);
  if (!loop?.outputCollection || !Array.isArray(api.content.output)) return;
  const size = Math.max(Number(api.content.loopCardinality ?? 0), api.content.output.length);
  api.environment.assignVariables({ [loop.outputCollection]: collectOutputs(loop, withoutScopeKeys(api.environment.variables), api.content.output, size) });
}

interface PostponedApi {
  executionId: string;
  owner?: { execution?: { getPostponed?(): PostponedApi[] } };
}

/**
 * Executions still waiting after the step. Multi-instance iterations end without an event of their own, so the
 * running activities (and their child executions) are asked directly.
 */
function postponedExecutionIds(engine: BpmnEngine): Set<string> {
  const ids = new Set<string>();
  const postponed = (engine.execution?.getPostponed() ?? []) as unknown as PostponedApi[];
  for (const api of postponed) {
    ids.add(api.executionId);
    for (const child of api.owner?.execution?.getPostponed?.() ?? []) ids.add(child.executionId);
  }
  return ids;
}

/**
 * The events after an event-based gateway race: once one happened, the others are withdrawn. bpmn-elements
 * loses track of the race when the gateway is restored from saved state (and a due timer can fire while the
 * instance is being restored, before the gateway listens), so the engine withdraws the losers itself.
 */
function discardLosingEvents(source: ProcessSource, waiting: Map<string, ActivityApi>, completed: StepResult['completed']) {
  const happened = new Set(completed.map((c) => c.elementId));
  for (const api of [...waiting.values()]) {
    if (source.racingEvents.get(api.id)?.some((rival) => happened.has(rival))) api.discard();
  }
}

/** bpmn-engine's debug logging is not used: a debug logger per element and broker costs a few per cent of a step. */
const quietLogger = () => ({ debug() {}, error() {}, warn() {} });

/** Timers are never scheduled in memory: they are recorded and fired by resuming the instance when due. */
function durableTimers() {
  return new Timers({ setTimeout: (() => null) as never, clearTimeout: () => undefined });
}

/**
 * One instance running in memory for the length of a step: started, or restored from its saved state (which
 * fires timers that are due); it takes one signal, runs until every path waits or ends, and reports the
 * outcome for the caller to persist. It may take the next signal while it still matches the saved state (see
 * hot-instances.ts); otherwise it is closed and nothing of it stays in memory.
 */
export class LiveInstance {
  private readonly waiting = new Map<string, ActivityApi>();
  private completed: StepResult['completed'] = [];
  private error: string | null = null;
  private ended = false;
  private lastScope: ActivityApi | null = null;
  private readonly timers = durableTimers();
  private readonly engine: BpmnEngine;
  private readonly listener = new EventEmitter();

  private constructor(private readonly source: ProcessSource) {
    this.engine = new BpmnEngine({
      name: source.processId,
      sourceContext: source.sourceContext as never,
      moddleOptions: { zeebe: zeebeModdle },
      expressions: withCompletionConditions(feelExpressions as never, (id) => this.loopOf(id), withoutScopeKeys) as never,
      elements: elementTypes as never,
      timers: this.timers as never,
      settings: { batchSize: Number.MAX_SAFE_INTEGER },
      Logger: quietLogger,
    });
    this.listener.on('wait', (api: ActivityApi) => {
      this.waiting.set(api.executionId, api);
      this.lastScope = api;
    });
    this.listener.on('activity.end', (api: ActivityApi) => {
      this.waiting.delete(api.executionId);
      this.lastScope = api;
      if (api.content.isRootScope === false) return;
      if (api.content.isMultiInstance !== undefined || Array.isArray(api.content.output)) collectLoopOutput(api);
      this.completed.push({ elementId: api.id, elementType: api.type, name: api.name ?? api.id });
    });
    this.listener.on('activity.leave', (api: ActivityApi) => this.waiting.delete(api.executionId));
    this.listener.on('process.end', () => (this.ended = true));
    this.engine.on('error', (err: Error) => (this.error = err.message));
  }

  /** The zeebe:loopCharacteristics of a running activity (for its completionCondition). */
  private loopOf(activityId: string) {
    const activity = this.engine.execution?.getActivityById(activityId) as unknown as ActivityElement | null;
    return activity ? zeebeLoop(activity) : null;
  }

  static async start(source: ProcessSource, variables: Variables): Promise<LiveInstance> {
    const live = new LiveInstance(source);
    await live.engine.execute({ listener: live.listener, variables });
    return live;
  }

  static async restore(source: ProcessSource, state: unknown): Promise<LiveInstance> {
    const live = new LiveInstance(source);
    live.engine.recover(state as never);
    await live.engine.resume({ listener: live.listener });
    return live;
  }

  /** Completes one waiting activity (or throws a BPMN error at it). Throws if it is not waiting. */
  apply(signal: Signal) {
    if (this.error) return;
    const target = this.waiting.get(signal.executionId);
    if (!target) throw new Error(`execution ${signal.executionId} is not waiting`);
    if ('moveTo' in signal) {
      target.environment.assignVariables(signal.variables);
      moveToken(this.engine.execution as unknown as ActivityLookup, target.owner as unknown as MovableActivity, signal.moveTo);
      return;
    }
    if ('error' in signal) {
      const { code, message, variables } = signal.error;
      if (variables) target.environment.assignVariables(variables);
      target.sendApiMessage('error', { message, code });
      return;
    }
    try {
      const output = outputVariables(target.owner, activityVariables(target), signal.variables);
      target.environment.assignVariables(output);
      target.signal(signal.variables);
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
    }
  }

  /** What the step did: the state to save, what the instance now waits on, the elements it passed. */
  async result(): Promise<StepResult> {
    const { engine, waiting } = this;
    discardLosingEvents(this.source, waiting, this.completed);
    const waits: Wait[] = [];
    const postponed = postponedExecutionIds(engine);
    for (const executionId of waiting.keys()) if (!postponed.has(executionId)) waiting.delete(executionId);
    try {
      for (const api of waiting.values()) {
        waits.push({
          elementId: api.id,
          executionId: api.executionId,
          elementType: api.type,
          element: api.owner,
          variables: activityVariables(api),
          messageId: api.content.message?.id ?? null,
        });
      }
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
    }
    const pendingTimers = (this.timers.executing as unknown as TimerRef[])
      .filter((t) => t.owner?.executionId)
      .map((t) => ({ elementId: t.owner!.id, executionId: t.owner!.executionId, dueAt: new Date(t.owner!.expireAt ?? t.expireAt) }));
    const scope = [...waiting.values()][0] ?? this.lastScope;
    const completed = this.completed;
    this.completed = [];
    const status = this.error ? 'failed' : this.ended && waits.length === 0 && pendingTimers.length === 0 ? 'completed' : 'running';
    return {
      // a completed instance has nothing left to restore
      state: status === 'completed' ? null : savedState(engine),
      status,
      error: this.error,
      variables: scope ? withoutScopeKeys(scope.environment.variables) : {},
      waits,
      timers: pendingTimers,
      completed,
    };
  }

  /**
   * Lets the instance go. Nothing of it runs on by itself (its timers are never scheduled in memory), so it is
   * left to the garbage collector instead of stopped: stopping a waiting bpmn-engine costs about as much as a step.
   */
  async close() {
    this.listener.removeAllListeners();
    this.waiting.clear();
  }
}

/** One step with nothing kept afterwards: start or restore, apply the signal, report, close. */
export async function runStep(source: ProcessSource, input: { state?: unknown; variables?: Variables; signal?: Signal }): Promise<StepResult> {
  const live = input.state ? await LiveInstance.restore(source, input.state) : await LiveInstance.start(source, input.variables ?? {});
  try {
    if (input.signal) live.apply(input.signal);
    return await live.result();
  } finally {
    await live.close();
  }
}

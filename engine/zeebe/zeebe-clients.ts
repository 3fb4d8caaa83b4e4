import type { Camunda8, OrchestrationLifters, Zeebe } from '@camunda8/sdk';

/** Explicit SDK settings; the SDK reads the standard Camunda 8 environment variables for everything not given. */
export type CamundaConfig = NonNullable<ConstructorParameters<typeof Camunda8>[0]>;

export interface ZeebeClients {
  camunda: Camunda8;
  /** Deployments, instances, messages, jobs: the Zeebe gRPC gateway. */
  zeebe: Zeebe.ZeebeGrpcClient;
  /** User task completion and incident search: the Orchestration Cluster REST API (/v2). */
  orchestration: ReturnType<Camunda8['getOrchestrationClusterApiClient']>;
  lifters: typeof OrchestrationLifters;
}

/**
 * Loads the SDK and creates its clients. The SDK takes about a second to load, so it is loaded when the Zeebe
 * adapter is created, not whenever the engine module is imported (the embedded engine is the default).
 */
export async function connectToCamunda(config: CamundaConfig): Promise<ZeebeClients> {
  const { Camunda8, OrchestrationLifters } = await import('@camunda8/sdk');
  const camunda = new Camunda8(config);
  return { camunda, zeebe: camunda.getZeebeGrpcApiClient(), orchestration: camunda.getOrchestrationClusterApiClient(), lifters: OrchestrationLifters };
}

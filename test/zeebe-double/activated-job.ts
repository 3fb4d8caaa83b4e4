import type { Variables } from '../../engine/port.ts';
import type { JobIdentity } from './listener-jobs.ts';

/** A job as gateway.proto's ActivatedJob carries it: variables and headers as JSON documents, int64 as strings. */
export function activatedJob(
  job: JobIdentity & { key: string; retries: number; customHeaders: Record<string, string>; variables: Variables },
  activation: { worker: string; deadline: number; fetchVariable: string[] },
) {
  const variables = activation.fetchVariable.length ? Object.fromEntries(activation.fetchVariable.filter((name) => name in job.variables).map((name) => [name, job.variables[name]])) : job.variables;
  return {
    key: job.key,
    type: job.type,
    processInstanceKey: job.processInstanceKey,
    bpmnProcessId: job.bpmnProcessId,
    processDefinitionVersion: job.processDefinitionVersion,
    processDefinitionKey: job.processDefinitionKey,
    elementId: job.elementId,
    elementInstanceKey: job.elementInstanceKey,
    customHeaders: JSON.stringify(job.customHeaders),
    worker: activation.worker,
    retries: job.retries,
    deadline: String(activation.deadline),
    variables: JSON.stringify(variables),
    tenantId: '<default>',
  };
}

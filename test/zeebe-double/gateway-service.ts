import grpc from '@grpc/grpc-js';
import type { DoubleBroker } from './broker.ts';
import type { CallLog } from './call-log.ts';
import { Refusal } from './refusal.ts';

const STATUS: Record<Refusal['kind'], grpc.status> = {
  NOT_FOUND: grpc.status.NOT_FOUND,
  INVALID_ARGUMENT: grpc.status.INVALID_ARGUMENT,
  FAILED_PRECONDITION: grpc.status.FAILED_PRECONDITION,
};

/** Zeebe's long polling: an ActivateJobs call without jobs is held this long unless it asks otherwise. */
const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
const POLL_MS = 25;

function toStatus(err: unknown): Partial<grpc.StatusObject> {
  if (err instanceof Refusal) return { code: STATUS[err.kind], details: err.message };
  return { code: grpc.status.INTERNAL, details: err instanceof Error ? err.message : String(err) };
}

type Unary = (call: grpc.ServerUnaryCall<any, any>, callback: grpc.sendUnaryData<any>) => void;

/**
 * The Gateway service of gateway.proto, as far as the Zeebe adapter uses it. Every call is logged before it
 * is carried out; the methods not listed here answer UNIMPLEMENTED (grpc-js does that for missing handlers).
 */
export function gatewayService(broker: DoubleBroker, log: CallLog, address: () => { host: string; port: number }): grpc.UntypedServiceImplementation {
  const unary =
    (rpc: string, handle: (request: any) => Promise<object | void>): Unary =>
    (call, callback) => {
      log.record(rpc, call.request);
      handle(call.request).then(
        (response) => callback(null, response ?? {}),
        (err: unknown) => callback(toStatus(err)),
      );
    };

  return {
    Topology: unary('Topology', async () => ({
      brokers: [{ nodeId: 0, ...address(), partitions: [{ partitionId: 1, role: 'LEADER', health: 'HEALTHY' }], version: '8.8.0' }],
      clusterSize: 1,
      partitionsCount: 1,
      replicationFactor: 1,
      gatewayVersion: '8.8.0',
    })),
    DeployResource: unary('DeployResource', (r) => broker.deploy(r.resources)),
    CreateProcessInstance: unary('CreateProcessInstance', (r) => broker.createInstance(r)),
    CancelProcessInstance: unary('CancelProcessInstance', (r) => broker.cancel(r.processInstanceKey)),
    PublishMessage: unary('PublishMessage', (r) => broker.publishMessage(r)),
    ModifyProcessInstance: unary('ModifyProcessInstance', (r) => broker.modifyInstance(r)),
    CompleteJob: unary('CompleteJob', (r) => broker.completeJob(r.jobKey, r.variables)),
    FailJob: unary('FailJob', (r) => broker.failJob(r)),
    ThrowError: unary('ThrowError', (r) => broker.throwError(r)),
    UpdateJobRetries: unary('UpdateJobRetries', (r) => broker.updateJobRetries(r.jobKey, r.retries)),
    ResolveIncident: unary('ResolveIncident', (r) => broker.resolveIncident(r.incidentKey)),

    /** Long polling: answers as soon as jobs are there, or ends empty after the request timeout. */
    ActivateJobs: (call: grpc.ServerWritableStream<any, any>) => {
      log.record('ActivateJobs', call.request);
      const requested = Number(call.request.requestTimeout);
      const deadline = Date.now() + (requested === 0 ? DEFAULT_REQUEST_TIMEOUT_MS : Math.max(requested, 0));
      const poll = async () => {
        if (call.cancelled) return;
        const jobs = await broker.activate(call.request);
        if (jobs.length) call.write({ jobs });
        if (jobs.length || Date.now() >= deadline) return call.end();
        setTimeout(() => void poll().catch((err: unknown) => call.destroy(err as Error)), POLL_MS);
      };
      void poll().catch((err: unknown) => call.destroy(err as Error));
    },
  };
}

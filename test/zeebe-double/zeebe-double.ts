import path from 'node:path';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';
import type { CamundaConfig } from '../../engine/zeebe/zeebe-clients.ts';
import { DoubleBroker } from './broker.ts';
import { CallLog } from './call-log.ts';
import { gatewayService } from './gateway-service.ts';
import { restApi } from './rest-api.ts';

const require = createRequire(import.meta.url);

/** The gateway protocol exactly as the SDK ships it, so the double speaks what the SDK's client speaks. */
const GATEWAY_PROTO = path.join(path.dirname(require.resolve('@camunda8/sdk/package.json')), 'dist', 'proto', 'zeebe.proto');

function loadGateway() {
  const definition = protoLoader.loadSync(GATEWAY_PROTO, { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true });
  const { gateway_protocol } = grpc.loadPackageDefinition(definition) as unknown as { gateway_protocol: { Gateway: { service: grpc.ServiceDefinition } } };
  return gateway_protocol.Gateway.service;
}

export interface ZeebeDouble {
  grpcAddress: string;
  restAddress: string;
  /** Every gRPC and REST call the double received. */
  log: CallLog;
  broker: DoubleBroker;
  /** SDK settings that point the adapter at this double (explicit, so the environment cannot redirect it). */
  camundaConfig: CamundaConfig;
  /** Takes the gRPC gateway down (open streams are cut), as in a gateway restart; REST stays up. */
  stopGateway(): void;
  /** Brings the gRPC gateway back on the same port. */
  startGateway(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A test double of a Camunda 8.8 Zeebe gateway: a real gRPC server built from the SDK's gateway.proto and a
 * small HTTP server for the REST endpoints, in front of an embedded-engine-backed broker (broker.ts). It is not
 * Zeebe: it shows that the adapter's calls work over real gRPC/HTTP and what they carry, nothing more.
 */
export async function startZeebeDouble(): Promise<ZeebeDouble> {
  const broker = await DoubleBroker.start();
  const log = new CallLog();
  const service = loadGateway();
  let port = 0;
  let server: grpc.Server | null = null;

  const startGateway = async () => {
    const next = new grpc.Server();
    next.addService(service, gatewayService(broker, log, () => ({ host: '127.0.0.1', port })));
    port = await new Promise<number>((resolve, reject) =>
      next.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), (err, bound) => (err ? reject(err) : resolve(bound))),
    );
    server = next;
  };
  await startGateway();

  const rest = restApi(broker, log);
  await new Promise<void>((resolve) => rest.listen(0, '127.0.0.1', resolve));
  const restAddress = `http://127.0.0.1:${(rest.address() as AddressInfo).port}`;
  const grpcAddress = `grpc://127.0.0.1:${port}`;

  return {
    grpcAddress,
    restAddress,
    log,
    broker,
    camundaConfig: {
      ZEEBE_GRPC_ADDRESS: grpcAddress,
      ZEEBE_REST_ADDRESS: restAddress,
      CAMUNDA_AUTH_STRATEGY: 'NONE',
      CAMUNDA_TENANT_ID: '<default>',
      CAMUNDA_LOG_LEVEL: 'none',
      zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE', ZEEBE_GRPC_WORKER_POLL_INTERVAL_MS: 50 },
    },
    stopGateway() {
      server?.forceShutdown();
      server = null;
    },
    startGateway,
    async close() {
      server?.forceShutdown();
      await new Promise((resolve) => rest.close(resolve));
      await broker.close();
    },
  };
}

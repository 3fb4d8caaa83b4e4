/**
 * ENGINE=zeebe is configured by the standard Camunda 8 environment variables, which the SDK reads itself
 * (docs/zeebe.md lists them). The one the platform cannot do without is the gateway address.
 */
export const zeebeGatewayConfigured = (env: NodeJS.ProcessEnv = process.env) => Boolean(env.ZEEBE_GRPC_ADDRESS || env.ZEEBE_ADDRESS);

export function requireZeebeGateway(env: NodeJS.ProcessEnv = process.env) {
  if (!zeebeGatewayConfigured(env)) {
    throw new Error('ENGINE=zeebe 需要设置 ZEEBE_GRPC_ADDRESS（或 ZEEBE_ADDRESS），见 docs/zeebe.md / ENGINE=zeebe needs ZEEBE_GRPC_ADDRESS (or ZEEBE_ADDRESS), see docs/zeebe.md');
  }
}

/** One request the Zeebe adapter sent to the test double, as it arrived (gRPC message or REST body). */
export interface Call {
  /** gRPC method name (`CompleteJob`) or REST route (`POST /v2/user-tasks/{key}/completion`). */
  rpc: string;
  request: Record<string, any>;
  at: number;
}

/** Every call the test double received, so tests can assert what the adapter sent over the wire. */
export class CallLog {
  readonly calls: Call[] = [];

  record(rpc: string, request: Record<string, any>) {
    this.calls.push({ rpc, request, at: Date.now() });
  }

  of(rpc: string): Array<Record<string, any>> {
    return this.calls.filter((c) => c.rpc === rpc).map((c) => c.request);
  }
}

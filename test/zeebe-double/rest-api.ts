import http from 'node:http';
import type { DoubleBroker } from './broker.ts';
import type { CallLog } from './call-log.ts';
import { Refusal } from './refusal.ts';

const HTTP_STATUS: Record<Refusal['kind'], number> = { NOT_FOUND: 404, INVALID_ARGUMENT: 400, FAILED_PRECONDITION: 409 };

type Route = { method: string; pattern: RegExp; name: string; handle: (params: string[], body: any) => Promise<object | void> };

function routes(broker: DoubleBroker): Route[] {
  return [
    {
      method: 'POST',
      pattern: /^\/v2\/user-tasks\/(\d+)\/completion$/,
      name: 'POST /v2/user-tasks/{key}/completion',
      handle: ([key], body) => broker.completeUserTask(key, body.variables ?? {}),
    },
    {
      /** Only the job key filter the adapter uses (with state ACTIVE) is supported. */
      method: 'POST',
      pattern: /^\/v2\/incidents\/search$/,
      name: 'POST /v2/incidents/search',
      handle: async (_params, body) => {
        const incident = body.filter?.jobKey ? await broker.incidentOfJob(String(body.filter.jobKey)) : null;
        const items = incident && (!body.filter.state || body.filter.state === incident.state) ? [incident] : [];
        return { items, page: { totalItems: items.length } };
      },
    },
  ];
}

function send(res: http.ServerResponse, status: number, body?: object) {
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  res.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' }).end(JSON.stringify(body));
}

const problem = (status: number, title: string, detail: string, instance: string) => ({ type: 'about:blank', title, status, detail, instance });

/** The Orchestration Cluster REST endpoints (/v2) the Zeebe adapter uses, for the test double. */
export function restApi(broker: DoubleBroker, log: CallLog): http.Server {
  const table = routes(broker);
  return http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0];
      const route = table.find((r) => r.method === req.method && r.pattern.test(path));
      if (!route) return send(res, 404, problem(404, 'NOT_FOUND', `the test double has no ${req.method} ${path}`, path));
      const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      log.record(route.name, body);
      route.handle(path.match(route.pattern)!.slice(1), body).then(
        (result) => send(res, result ? 200 : 204, result ?? undefined),
        (err: unknown) => {
          if (err instanceof Refusal) return send(res, HTTP_STATUS[err.kind], problem(HTTP_STATUS[err.kind], err.kind === 'FAILED_PRECONDITION' ? 'INVALID_STATE' : err.kind, err.message, path));
          send(res, 500, problem(500, 'INTERNAL', err instanceof Error ? err.message : String(err), path));
        },
      );
    });
  });
}

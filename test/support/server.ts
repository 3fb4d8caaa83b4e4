import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TestServer {
  url: string;
  databaseUrl: string;
  /** Graceful stop (SIGTERM); `kill` is SIGKILL, as a crash would be. */
  stop(): Promise<void>;
  kill(): Promise<void>;
}

function waitForUrl(child: ChildProcess, output: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${output.join('')}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = output.join('').match(/http:\/\/localhost:\d+/);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output.join('')}`));
    });
  });
}

/** A fresh SQLite file in a temporary folder. */
export function tempSqliteUrl(): string {
  return `sqlite:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-')), 'test.sqlite')}`;
}

/**
 * Starts the real server (`tsx server/main.ts`) as its own process on a free port, on a fresh SQLite file
 * unless a database is given, with the demo seed. Start it again on the same database to test a restart.
 */
export async function startTestServer(options: { databaseUrl?: string; env?: NodeJS.ProcessEnv } = {}): Promise<TestServer> {
  const databaseUrl = options.databaseUrl ?? tempSqliteUrl();
  // tsx as a loader in this very process, so a signal reaches the server itself (its CLI forks a child)
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const url = await waitForUrl(child, output);
  const exited = new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
  return {
    url,
    databaseUrl,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

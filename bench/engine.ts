/**
 * Engine benchmark (`npm run bench:engine`): instances/s for start → service task → end on raw bpmn-engine in
 * memory and through the embedded adapter with durable persistence, in the same run; start-to-first-user-task
 * throughput for a 10-node process; heap per waiting instance. The last line is `ratio <adapter/raw>`.
 * The two sides of the ratio run in alternating rounds, so a change in the machine's load weighs on both alike.
 * Throughput is measured twice: with one caller that awaits each start before the next, and with BENCH_CONCURRENCY
 * callers starting at once, by default as many as a cycle launch starts at once (LAUNCH_BATCH); the last line is the
 * ratio of the concurrent run.
 * Settings: DATABASE_URL (default: a temporary SQLite file), BENCH_INSTANCES (default 2000), BENCH_ROUNDS (default 40),
 * BENCH_CONCURRENCY (default LAUNCH_BATCH, 50).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { EventEmitter } from 'node:events';
import pino from 'pino';
import { Engine as BpmnEngine } from 'bpmn-engine';
import * as Elements from 'bpmn-elements';
import { BpmnModdle } from 'bpmn-moddle';
import serializer, { TypeResolver } from 'moddle-context-serializer';
import { createSequelize, createTransactionRunner } from '../server/db.ts';
import { migrate } from '../server/migrate.ts';
import { EmbeddedEngine } from '../engine/embedded/embedded-engine.ts';
import { zeebeModdle } from '../engine/embedded/process-source.ts';
import type { InboxSink } from '../engine/port.ts';
import { LAUNCH_BATCH } from '../server/services/cycles.ts';

const N = Number(process.env.BENCH_INSTANCES ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? LAUNCH_BATCH);
const xml = (file: string) => fs.readFileSync(path.join(import.meta.dirname, 'bpmn', file), 'utf8');
const perSecond = (count: number, ms: number) => (count / ms) * 1000;
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function heapUsed(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  return process.memoryUsage().heapUsed;
}

/** Runs `count` instances from CONCURRENCY callers at once, each starting its next instance when one is done. Returns ms. */
async function concurrently(count: number, concurrency: number, run: (i: number) => Promise<void>): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, async () => {
    while (next < count) await run(next++);
  }));
  return performance.now() - started;
}

/** (a) bpmn-engine alone: parsed once, the service runs in-process, state serialised at the end like a save. Returns ms. */
function rawEngine(sourceContext: unknown, count: number, concurrency: number): Promise<number> {
  return concurrently(count, concurrency, async (i) => {
    const engine = new BpmnEngine({ sourceContext: sourceContext as never, services: { work: (_scope: unknown, next: () => void) => next() } } as never);
    const done = new Promise((resolve) => engine.once('end', resolve));
    await engine.execute({ variables: { i } });
    await done;
    JSON.stringify(await engine.getState());
  });
}

/** A sink that does nothing: the benchmark measures the engine, not the inbox. */
const noInbox: InboxSink = { async tasksWaiting() {}, async taskEnded() {} };

async function adapter() {
  const databaseUrl = process.env.DATABASE_URL ?? `sqlite:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-')), 'bench.sqlite')}`;
  const sequelize = createSequelize(databaseUrl);
  await migrate(sequelize);
  const engine = new EmbeddedEngine({ sequelize, inTransaction: createTransactionRunner(sequelize), sink: noInbox, logger: pino({ level: 'silent' }) });
  engine.registerWorker('bench-work', async () => ({ worked: true }));
  await engine.deploy(xml('one-service-task.bpmn'));
  await engine.deploy(xml('ten-nodes.bpmn'));
  await engine.startWorkers();
  return { engine, sequelize, databaseUrl };
}

/** (b) the embedded adapter: every wait persisted, the job delivered to a worker through the database. Returns ms. */
async function durableEngine(engine: EmbeddedEngine, count: number, concurrency: number): Promise<number> {
  const instanceKeys: string[] = [];
  const started = performance.now();
  await concurrently(count, concurrency, async (i) => {
    instanceKeys.push((await engine.start('bench-service', { i })).instanceKey);
  });
  await engine.idle();
  const ms = performance.now() - started;
  const completed = (await engine.store.Instance.count({ where: { instanceKey: instanceKeys, status: 'completed' } })) as number;
  if (completed !== count) throw new Error(`only ${completed} of ${count} instances completed`);
  return ms;
}

/** (a) and (b) in alternating rounds of N / ROUNDS instances each: instances/s of each side and each round's ratio. */
async function throughput(engine: EmbeddedEngine, concurrency: number) {
  const moddle = await new BpmnModdle({ zeebe: zeebeModdle }).fromXML(xml('one-service-task.bpmn'));
  const sourceContext = serializer(moddle, TypeResolver(Elements as never));
  const perRound = Math.ceil(N / ROUNDS);
  let rawMs = 0;
  let durableMs = 0;
  const ratios: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const raw = await rawEngine(sourceContext, perRound, concurrency);
    const durable = await durableEngine(engine, perRound, concurrency);
    rawMs += raw;
    durableMs += durable;
    ratios.push(raw / durable);
  }
  const median = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)];
  return { raw: perSecond(perRound * ROUNDS, rawMs), durable: perSecond(perRound * ROUNDS, durableMs), ratios, median };
}

function report(label: string, dialect: string, { raw, durable, ratios, median }: Awaited<ReturnType<typeof throughput>>) {
  console.log(`${label}:`);
  console.log(`  raw bpmn-engine, in memory:           ${raw.toFixed(0)} instances/s (start → service task → end)`);
  console.log(`  embedded adapter, persisted (${dialect}): ${durable.toFixed(0)} instances/s (start → job → worker → end)`);
  console.log(`  ratio ${(durable / raw).toFixed(2)}; per round (${ROUNDS} × ${Math.ceil(N / ROUNDS)} instances): ${ratios.map((r) => r.toFixed(2)).join(' ')}; median ${median.toFixed(2)}`);
}

/** Start → 8 tasks → first user task, persisted: how fast a cycle launch reaches everybody's inbox. */
async function tenNodes(engine: EmbeddedEngine): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < N; i++) await engine.start('bench-ten-nodes', { staff: `user${i}` });
  return perSecond(N, performance.now() - started);
}

/** Heap held by waiting instances: raw bpmn-engine keeps each one in memory; the adapter keeps none. */
async function heapPerWaitingInstance(engine: EmbeddedEngine) {
  const count = Math.min(N, 1000);
  const moddle = await new BpmnModdle({ zeebe: zeebeModdle }).fromXML(xml('ten-nodes.bpmn'));
  const sourceContext = serializer(moddle, TypeResolver(Elements as never));
  const before = heapUsed();
  const inMemory = [];
  for (let i = 0; i < count; i++) {
    const bpmn = new BpmnEngine({ sourceContext: sourceContext as never });
    const listener = new EventEmitter();
    await bpmn.execute({ listener, variables: { staff: `user${i}` } });
    inMemory.push(bpmn);
  }
  const raw = (heapUsed() - before) / count;
  inMemory.length = 0;
  const base = heapUsed();
  for (let i = 0; i < count; i++) await engine.start('bench-ten-nodes', { staff: `waiting${i}` });
  const durable = Math.max(0, heapUsed() - base) / count;
  return { raw, durable, count };
}

const { engine, sequelize, databaseUrl } = await adapter();
const dialect = sequelize.getDialect();
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${mb(os.totalmem())} MB, node ${process.version}; database: ${dialect}`);
console.log(`instances: ${N} (BENCH_INSTANCES); heap limit ${mb(v8.getHeapStatistics().heap_size_limit)} MB; gc exposed: ${Boolean((globalThis as { gc?: unknown }).gc)}`);
const oneCaller = await throughput(engine, 1);
report('one caller, each start awaited before the next', dialect, oneCaller);
const concurrent = await throughput(engine, CONCURRENCY);
report(`${CONCURRENCY} callers starting at once (BENCH_CONCURRENCY)`, dialect, concurrent);
const ten = await tenNodes(engine);
console.log(`10-node process, start → first user task: ${ten.toFixed(0)} instances/s`);
const heap = await heapPerWaitingInstance(engine);
console.log(`heap per waiting instance (${heap.count}): raw bpmn-engine ${(heap.raw / 1024).toFixed(0)} KB, embedded adapter ${(heap.durable / 1024).toFixed(1)} KB`);
await engine.stop();
await sequelize.close();
if (!process.env.DATABASE_URL) fs.rmSync(path.dirname(databaseUrl.slice('sqlite:'.length)), { recursive: true, force: true });
console.log(`ratio ${(concurrent.durable / concurrent.raw).toFixed(2)}`);

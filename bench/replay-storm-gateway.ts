import "reflect-metadata";
import { spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { loadConfig } from "../src/config/index.js";
import { startLedgerline } from "../src/app/start-ledgerline.js";
import { realEvent } from "./fan-out.js";
import { garbageCollector } from "./fan-out-process.js";
import type { StormParentMessage, StormProgress } from "./replay-storm-clients.js";
import { percentile } from "./support.js";

/**
 * One side of the replay-storm benchmark, in a fresh process so that its RSS is its own: a gateway
 * started with the side's replay concurrency and socket high-water mark, the storm run against it
 * (clients in bench/replay-storm-clients.ts, a process of their own), the figures sent back.
 * Driven over IPC (advanced serialization, so Infinity survives) by bench/replay-storm.ts:
 *
 *   → { op: "run", setup }
 *   ← { op: "rss", peak }    (every second: the parent keeps the last one if this process dies)
 *   ← { op: "result", result }
 */
export interface StormSetup {
  connections: number;
  perConnection: number;
  events: number;
  timeoutMs: number;
  /** The replay gate's permits (undefined: the default). */
  replayConcurrency?: number;
  /** Bytes a socket may hold unsent before its subscriptions wait (undefined: the default). */
  sendHighWaterMark?: number;
}
export interface StormResult {
  replayed: number;
  total: number;
  rssIdle: number;
  rssPeak: number;
  rssAfter: number;
  heapIdle: number;
  /** Heap after a full GC, highest of the samples taken every 10 s; undefined without GC or when the storm was shorter. */
  heapPeak?: number;
  queryP50: number;
  queryP99: number;
  queryMax: number;
  queries: number;
  progress: StormProgress;
  seconds: number;
  /** Why the storm ended: every subscription done, every connection closed, timeout, or no progress for 30 s. */
  ended: "done" | "closed" | "timeout" | "stalled";
}
export type StormGatewayMessage = { op: "rss"; peak: number } | { op: "result"; result: StormResult };

/** The README's `events` selection, replaying after a cursor. */
const SUBSCRIPTION = `subscription($after: String) { events(filter: { after: $after }) { cursor id type change organizationId remoteId occurredAt detectedAt
  record { id updatedAt ... on Invoice { number status total amountDue } } } }`;
const SIMPLE_QUERY = `{ organizations { id } }`;

async function runSide(setup: StormSetup): Promise<StormResult> {
  const { connections, perConnection, events, timeoutMs } = setup;
  const dataDir = await mkdtemp(path.join(tmpdir(), "ledgerline-bench-"));
  const config = loadConfig({
    PORT: "0", XERO_SANDBOX_PORT: "0", DAFTRA_SANDBOX_PORT: "0", CLIENTARY_SANDBOX_PORT: "0", LEDGERLINE_DATA_DIR: dataDir, LOG_LEVEL: "silent", LEDGERLINE_SANDBOX_ACTIVITY_MS: "0",
  });
  const app = await startLedgerline({
    config,
    triggers: { mode: "manual", ...(setup.replayConcurrency !== undefined ? { replayConcurrency: setup.replayConcurrency } : {}) },
    ...(setup.sendHighWaterMark !== undefined ? { webSocket: { sendHighWaterMark: setup.sendHighWaterMark } } : {}),
  });
  const gc = garbageCollector();
  const template = await realEvent(app);
  const log = app.triggers!.log;
  for (let i = 0; i < events; i += 100) {
    await log.append(Array.from({ length: Math.min(100, events - i) }, (_, j) => ({ ...template, id: `evt_storm_${i + j}` })));
  }
  const [first] = await log.readAfter(undefined, 1);
  const expectedIds = (await log.readAfter(first!.cursor, 100_000)).map((e) => e.id);
  const apiKeys = await Promise.all(Array.from({ length: connections }, (_, i) => app.services.apiKeys.create({ name: `storm ${i}`, organizationIds: "*" }).then((k) => k.key)));
  for (let i = 0; i < 3; i++) (gc?.(), await sleep(100));
  const rssIdle = process.memoryUsage().rss;
  const heapIdle = process.memoryUsage().heapUsed;

  let rssPeak = rssIdle;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 50);
  const reporter = setInterval(() => process.send!({ op: "rss", peak: rssPeak } satisfies StormGatewayMessage), 1000);
  // What the storm really holds: the heap after a full GC, every 10 s while it lasts.
  let heapPeak: number | undefined;
  const held = setInterval(() => {
    gc?.();
    heapPeak = Math.max(heapPeak ?? 0, process.memoryUsage().heapUsed);
  }, 10_000);
  const latencies: number[] = [];
  let querying = true;
  const queries = (async () => {
    while (querying) {
      const started = performance.now();
      const response = await fetch(app.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${app.localApiKey}` }, body: JSON.stringify({ query: SIMPLE_QUERY }) });
      await response.json();
      latencies.push(performance.now() - started);
      await sleep(200);
    }
  })();

  const script = fileURLToPath(new URL("./replay-storm-clients.js", import.meta.url));
  const child = spawn(process.execPath, [script], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  let progress: StormProgress = { op: "progress", received: 0, complete: 0, disordered: 0, errors: 0, closes: {} };
  child.on("message", (message: StormProgress) => (progress = message));
  const total = connections * perConnection;
  const started = performance.now();
  child.send({ op: "start", wsUrl: app.wsUrl, apiKeys, query: SUBSCRIPTION, after: first!.cursor, perConnection, expectedIds } satisfies StormParentMessage);
  let lastReceived = -1;
  let stalledSince = performance.now();
  /** Why the storm is over, or undefined while it lasts. */
  const over = (): StormResult["ended"] | undefined => {
    if (progress.complete + progress.disordered + progress.errors >= total) return "done";
    if (Object.values(progress.closes).reduce((a, b) => a + b, 0) >= connections) return "closed";
    if (performance.now() - started > timeoutMs) return "timeout";
    if (progress.received !== lastReceived) (lastReceived = progress.received, stalledSince = performance.now());
    else if (performance.now() - stalledSince > 30_000) return "stalled";
    return undefined;
  };
  let ended: StormResult["ended"] | undefined;
  while (!ended) {
    await sleep(500);
    ended = over();
    if (process.env.BENCH_VERBOSE) console.error(`${((performance.now() - started) / 1000).toFixed(1)} s`, JSON.stringify(progress), `rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`);
  }
  const seconds = (performance.now() - started) / 1000;
  const final = progress;
  querying = false;
  await queries;
  clearInterval(sampler);
  clearInterval(held);
  child.send({ op: "close" } satisfies StormParentMessage);
  await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once("exit", resolve)));
  for (let i = 0; i < 3; i++) (gc?.(), await sleep(200));
  const rssAfter = process.memoryUsage().rss;
  clearInterval(reporter);
  await app.stop();

  latencies.sort((a, b) => a - b);
  return {
    replayed: expectedIds.length, total, rssIdle, rssPeak, rssAfter, heapIdle, ...(gc && heapPeak !== undefined ? { heapPeak } : {}),
    queryP50: percentile(latencies, 50), queryP99: percentile(latencies, 99), queryMax: latencies.at(-1) ?? 0, queries: latencies.length,
    progress: final, seconds, ended,
  };
}

process.env.NO_PROXY = "127.0.0.1,localhost";
process.once("message", (message: { op: "run"; setup: StormSetup }) => {
  if (message.op !== "run") return;
  void runSide(message.setup).then(
    (result) => process.send!({ op: "result", result } satisfies StormGatewayMessage, () => process.exit(0)),
    (error: unknown) => {
      console.error("replay storm side failed:", error);
      process.exit(1);
    },
  );
});

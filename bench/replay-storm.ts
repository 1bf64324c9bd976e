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
import { ms, percentile, table } from "./support.js";

export interface ReplayStormOptions {
  /** Connections, one API key each (partner apps). @default 100 (`BENCH_STORM_CONNECTIONS`) */
  connections?: number;
  /** Subscriptions per connection, each replaying from the first cursor. @default 20 (`BENCH_STORM_SUBSCRIPTIONS`) */
  perConnection?: number;
  /** Events in the log to replay. @default 800 (`BENCH_STORM_EVENTS`) */
  events?: number;
  /** Give up after this long. @default 240 s (`BENCH_STORM_TIMEOUT_MS`) */
  timeoutMs?: number;
}

/** The README's `events` selection, replaying after a cursor. */
const SUBSCRIPTION = `subscription($after: String) { events(filter: { after: $after }) { cursor id type change organizationId remoteId occurredAt detectedAt
  record { id updatedAt ... on Invoice { number status total amountDue } } } }`;
const SIMPLE_QUERY = `{ organizations { id } }`;

/**
 * A replay storm: many connections × subscriptions each replaying the whole log from its first
 * cursor (`events(filter: { after })`), the gateway's peak RSS while it lasts, a simple query timed
 * every 200 ms during it, connections the gateway dropped, and whether every subscription received
 * every event in order. Clients run in a separate process.
 */
export async function benchReplayStorm({
  connections = Number(process.env.BENCH_STORM_CONNECTIONS ?? 100),
  perConnection = Number(process.env.BENCH_STORM_SUBSCRIPTIONS ?? 20),
  events = Number(process.env.BENCH_STORM_EVENTS ?? 800),
  timeoutMs = Number(process.env.BENCH_STORM_TIMEOUT_MS ?? 240_000),
}: ReplayStormOptions = {}): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "ledgerline-bench-"));
  const config = loadConfig({
    PORT: "0", XERO_SANDBOX_PORT: "0", DAFTRA_SANDBOX_PORT: "0", CLIENTARY_SANDBOX_PORT: "0", LEDGERLINE_DATA_DIR: dataDir, LOG_LEVEL: "silent", LEDGERLINE_SANDBOX_ACTIVITY_MS: "0",
  });
  const app = await startLedgerline({ config, triggers: { mode: "manual" } });
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
  const idle = process.memoryUsage().rss;

  let peak = idle;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  // What the storm really holds: the heap after a full GC, every 10 s while it lasts.
  let heldPeak = 0;
  const idleHeap = process.memoryUsage().heapUsed;
  const held = setInterval(() => {
    gc?.();
    heldPeak = Math.max(heldPeak, process.memoryUsage().heapUsed);
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
  for (;;) {
    await sleep(500);
    const closed = Object.values(progress.closes).reduce((a, b) => a + b, 0);
    const ended = progress.complete + progress.disordered + progress.errors;
    if (ended >= total || closed >= connections || performance.now() - started > timeoutMs) break;
    if (process.env.BENCH_VERBOSE) console.error(`${((performance.now() - started) / 1000).toFixed(1)} s`, JSON.stringify(progress), `rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`);
    if (progress.received !== lastReceived) (lastReceived = progress.received, stalledSince = performance.now());
    else if (performance.now() - stalledSince > 30_000) break;
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
  const after = process.memoryUsage().rss;
  await app.stop();

  latencies.sort((a, b) => a - b);
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
  const dropped = Object.entries(final.closes).map(([code, n]) => `${n}×${code}`).join(", ") || "0";
  console.log(`\nReplay storm: ${connections} connections × ${perConnection} subscriptions, each replaying ${expectedIds.length} events from the first cursor (SQLite log); clients in a separate process`);
  console.log(table([{
    "RSS idle": mb(idle), "RSS peak": mb(peak), "RSS after (GC)": mb(after), "heap idle": mb(idleHeap), "heap peak (GC, every 10 s)": gc ? mb(heldPeak) : "no GC",
    "query p50": ms(percentile(latencies, 50)), "query p99": ms(percentile(latencies, 99)), "query max": ms(latencies.at(-1) ?? 0),
    "dropped connections": dropped,
    "complete in order": `${final.complete}/${total}`, "out of order": final.disordered, errors: final.errors,
    events: `${final.received}/${total * expectedIds.length}`, took: `${seconds.toFixed(1)} s`,
  }]));
}

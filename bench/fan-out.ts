import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import type { XeroSandbox } from "../connectors/xero/sandbox/server.js";
import { loadConfig } from "../src/config/index.js";
import { startLedgerline, type RunningLedgerline } from "../src/app/start-ledgerline.js";
import type { NewEvent } from "../src/triggers/event.js";
import { garbageCollector, openFileLimit, startSubscriberProcess, type SubscriberProcess } from "./fan-out-process.js";
import { ms, percentile, table } from "./support.js";

export interface FanOutOptions {
  /** Subscriber counts, smallest first; the subscribers of one size stay connected for the next. @default [1000, 5000] (`BENCH_FANOUT_SIZES`) */
  sizes?: number[];
  /** Measured events per size, appended one at a time. @default 20 (`BENCH_FANOUT_EVENTS`) */
  events?: number;
  /** Connections opened at once. @default 250 */
  batch?: number;
  /** Event logs to measure on: "sqlite" (the embedded default) and "memory". @default both (`BENCH_FANOUT_STORES`) */
  stores?: Array<"sqlite" | "memory">;
}

/** What a partner app would ask for (schema/events/subscriptions.graphql). */
const SUBSCRIPTION = `subscription { events { cursor id type change organizationId remoteId occurredAt detectedAt
  record { id updatedAt ... on Invoice { number status total amountDue } } } }`;
const EVENT_TIMEOUT_MS = 30_000;
const now = () => performance.timeOrigin + performance.now();

/** A real INVOICE_UPDATED event, found by the Xero poller after an edit in the sandbox, to copy. */
export async function realEvent(app: RunningLedgerline): Promise<NewEvent> {
  const xero = app.sandboxes.find((s) => s.provider === "XERO") as (typeof app.sandboxes)[number] & { sandbox: XeroSandbox };
  await app.triggers!.pollNow(xero.organization.id, "Invoice");
  const invoice = xero.sandbox.books.invoices.find((i) => i.Type === "ACCREC" && i.Status === "AUTHORISED")!;
  invoice.Reference = "Fan-out benchmark";
  invoice.UpdatedDateUTC = new Date(Math.max(Date.now(), Date.parse(invoice.UpdatedDateUTC) + 1000)).toISOString();
  await app.triggers!.pollNow(xero.organization.id, "Invoice");
  const [event] = (await app.triggers!.log.readAfter(undefined, 1000)).slice(-1);
  if (!event) throw new Error("the Xero poller found no change to copy");
  const { cursor: _cursor, ...fields } = event;
  return fields;
}

async function memory(gc: (() => void) | undefined) {
  for (let i = 0; i < 3; i++) {
    gc?.();
    await sleep(200);
  }
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
}

/** Appends one event (a copy of `template` with a fresh id) and collects its latency at every subscriber. */
async function deliver(app: RunningLedgerline, subscribers: SubscriberProcess, template: NewEvent, id: string, timeoutMs = EVENT_TIMEOUT_MS) {
  const appendedAt = now();
  await app.triggers!.log.append([{ ...template, id, detectedAt: new Date().toISOString() }]);
  return (await subscribers.receipts(id, timeoutMs)).map((at) => at - appendedAt);
}

type Row = Record<string, string | number>;

/** One gateway on `store`; its subscribers grow through `sizes`, each size measured in turn. */
async function measureStore(store: "sqlite" | "memory", sizes: number[], events: number, batch: number): Promise<{ rows: Row[]; gc: boolean }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "ledgerline-bench-"));
  const config = loadConfig({
    PORT: "0", XERO_SANDBOX_PORT: "0", DAFTRA_SANDBOX_PORT: "0", CLIENTARY_SANDBOX_PORT: "0", LEDGERLINE_DATA_DIR: dataDir, LOG_LEVEL: "silent",
    LEDGERLINE_STORE_URL: store === "memory" ? "memory://" : "", LEDGERLINE_SANDBOX_ACTIVITY_MS: "0",
  });
  // Pollers run only when asked: the gateway does nothing here but serve the subscribers.
  // One key for every subscriber: lift the per-key limits, which partner apps with their own keys never meet.
  const app = await startLedgerline({ config, triggers: { mode: "manual" }, webSocket: { connectionsPerKey: 100_000, subscriptionsPerKey: 100_000 } });
  const gc = garbageCollector();
  const limit = openFileLimit();
  const subscribers = startSubscriberProcess({ wsUrl: app.wsUrl, apiKey: app.localApiKey!, query: SUBSCRIPTION });
  const log = store === "sqlite" ? "SQLite (default)" : "memory";
  const rows: Row[] = [];
  try {
    const template = await realEvent(app);
    const idle = await memory(gc);
    let n = 0;
    let connected = 0;
    for (const size of sizes) {
      if (limit !== undefined && limit < size + 256) {
        rows.push({ "event log": log, subscribers: size, connect: `skipped: open-file limit ${limit}; raise it (ulimit -n ${size + 1024}) and run again` });
        continue;
      }
      const grown = await subscribers.grow(size, batch);
      // Every subscription is live once an event reaches them all (graphql-ws does not acknowledge subscribe).
      for (let tries = 0; tries < 10; tries++) if ((await deliver(app, subscribers, template, `evt_bench_warm_${n++}`, 5_000)).length === size) break;
      const used = await memory(gc);
      const latencies: number[] = [];
      const lastOnes: number[] = [];
      let missed = 0;
      for (let i = 0; i < events; i++) {
        const got = await deliver(app, subscribers, template, `evt_bench_${size}_${i}`);
        latencies.push(...got);
        lastOnes.push(Math.max(...got));
        missed += size - got.length;
        await sleep(100);
      }
      latencies.sort((a, b) => a - b);
      lastOnes.sort((a, b) => a - b);
      rows.push({
        "event log": log,
        subscribers: size,
        connect: `+${size - connected} in ${(grown.ms / 1000).toFixed(1)} s${grown.failed ? ` (${grown.failed} failed)` : ""}`,
        p50: ms(percentile(latencies, 50)),
        p99: ms(percentile(latencies, 99)),
        "last one (p50)": ms(percentile(lastOnes, 50)),
        "RSS / subscriber": `${((used.rss - idle.rss) / size / 1024).toFixed(1)} KiB`,
        "heap / subscriber": `${((used.heapUsed - idle.heapUsed) / size / 1024).toFixed(1)} KiB`,
        missed,
      });
      connected = size;
    }
  } finally {
    await subscribers.close();
    await app.stop();
  }
  return { rows, gc: gc !== undefined };
}

/**
 * One gateway process, 1,000 then 5,000 graphql-ws subscribers in another process, all subscribed to
 * every event: events appended to the gateway's log one at a time, the latency from the append to
 * each subscriber's receipt, and the gateway's memory per connected subscriber; on the SQLite log
 * (the embedded default) and, side by side, on the memory log (what the log's reads cost).
 */
export async function benchFanOut({
  sizes = (process.env.BENCH_FANOUT_SIZES ?? "1000,5000").split(",").map(Number),
  events = Number(process.env.BENCH_FANOUT_EVENTS ?? 20),
  batch = 250,
  stores = (process.env.BENCH_FANOUT_STORES ?? "sqlite,memory").split(",") as Array<"sqlite" | "memory">,
}: FanOutOptions = {}): Promise<void> {
  const rows: Row[] = [];
  let gc = true;
  for (const store of stores) {
    const measured = await measureStore(store, sizes, events, batch);
    rows.push(...measured.rows);
    gc &&= measured.gc;
  }
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  console.log(`\nFan-out: one gateway process; graphql-ws subscribers in a separate process on 127.0.0.1, each subscribed to every event`);
  console.log(`${events} events per size, appended to the log one at a time; latency = append → receipt, over every subscriber; "last one" = until the last subscriber had it`);
  console.log(table(rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k] ?? ""])))));
  console.log(`Memory: the gateway process ${gc ? "after full GC" : "(no GC available)"}, subscribers connected vs none; open-file limit ${openFileLimit() ?? "unknown"}.`);
}

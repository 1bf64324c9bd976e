import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { loadConfig } from "../src/config/index.js";
import { startLedgerline, type RunningLedgerline } from "../src/app/start-ledgerline.js";
import type { NewEvent } from "../src/triggers/event.js";
import { realEvent } from "./fan-out.js";
import { garbageCollector } from "./fan-out-process.js";
import { ms, percentile, table } from "./support.js";

/**
 * Outbound webhooks in one gateway process (the real startLedgerline on the embedded default: SQLite
 * event log, endpoints and delivery log in the mirror's SQLite database), delivering to a receiver on
 * 127.0.0.1 that answers 204 at once. Events are copies of a real INVOICE_UPDATED of one organization,
 * appended to the gateway's log; an endpoint delivers one organization's events one after another.
 */

const CREATE = `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }`;
const WAIT_MS = 120_000;

/** A receiver that answers 204 and notes when each (path, webhook-id) arrived. */
async function startReceiver() {
  const receipts = new Map<string, number[]>();
  let total = 0;
  const waiters = new Set<() => void>();
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      const at = Date.now();
      const id = String(request.headers["webhook-id"]);
      const times = receipts.get(id) ?? [];
      times.push(at);
      receipts.set(id, times);
      total++;
      response.writeHead(204).end();
      for (const wake of [...waiters]) wake();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    urlFor: (i: number) => `http://127.0.0.1:${port}/hook/${i}`,
    receipts,
    get total() {
      return total;
    },
    /** Resolves once `count` requests arrived in all; rejects after WAIT_MS. */
    async until(count: number): Promise<void> {
      const deadline = Date.now() + WAIT_MS;
      while (total < count) {
        if (Date.now() > deadline) throw new Error(`webhooks bench: ${total} of ${count} deliveries arrived within ${WAIT_MS} ms`);
        await new Promise<void>((resolve) => {
          const wake = () => (waiters.delete(wake), resolve());
          waiters.add(wake);
          setTimeout(wake, 250);
        });
      }
    },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
type Receiver = Awaited<ReturnType<typeof startReceiver>>;

async function startGateway(dataDir: string): Promise<RunningLedgerline> {
  const config = loadConfig({
    PORT: "0", XERO_SANDBOX_PORT: "0", DAFTRA_SANDBOX_PORT: "0", CLIENTARY_SANDBOX_PORT: "0", LEDGERLINE_DATA_DIR: dataDir, LOG_LEVEL: "silent",
    LEDGERLINE_STORE_URL: "", LEDGERLINE_SANDBOX_ACTIVITY_MS: "0", LEDGERLINE_TRIGGERS: "on", LEDGERLINE_WEBHOOK_LOOPBACK: "allow",
  });
  // Pollers run only when asked: the gateway does nothing here but deliver what is appended to its log.
  return startLedgerline({ config, triggers: { mode: "manual" }, sandboxWebhooks: false });
}

async function createEndpoints(app: RunningLedgerline, receiver: Receiver, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const response = await fetch(app.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${app.localApiKey}` },
      body: JSON.stringify({ query: CREATE, variables: { input: { url: receiver.urlFor(i), description: `bench ${i}` } } }),
    });
    const body = (await response.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(`createWebhookEndpoint answered errors: ${JSON.stringify(body.errors)}`);
  }
}

async function memory(gc: (() => void) | undefined) {
  for (let i = 0; i < 3; i++) {
    gc?.();
    await sleep(200);
  }
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
}

let serial = 0;
/** Appends `count` copies of `template` with fresh ids, detected now; returns when each was detected (ms) by id. */
async function append(app: RunningLedgerline, template: NewEvent, count: number, batch = 500): Promise<Map<string, number>> {
  const detected = new Map<string, number>();
  for (let start = 0; start < count; start += batch) {
    const events: NewEvent[] = [];
    for (let i = start; i < Math.min(count, start + batch); i++) {
      const at = Date.now();
      const id = `evt_bench_webhooks_${process.pid}_${serial++}`;
      detected.set(id, at);
      events.push({ ...template, id, detectedAt: new Date(at).toISOString() });
    }
    await app.triggers!.log.append(events);
  }
  return detected;
}

/** Detection → receipt, ms, for every receipt of the given events. */
function latencies(receiver: Receiver, detected: Map<string, number>): number[] {
  const out: number[] = [];
  for (const [id, at] of detected) for (const received of receiver.receipts.get(id) ?? []) out.push(received - at);
  return out.sort((a, b) => a - b);
}

interface Measured { endpoints: number; events: number; seconds: number; trickle: number[]; burst: number[] }

/** `burstEvents` appended at once (throughput, and latency with queueing), then `trickleEvents` one at a time (latency alone). */
async function measure(app: RunningLedgerline, receiver: Receiver, template: NewEvent, endpoints: number, burstEvents: number, trickleEvents: number): Promise<Measured> {
  // Warm-up: one event through every endpoint (connections open, statements prepared).
  const warm = receiver.total + endpoints;
  await append(app, template, 1);
  await receiver.until(warm);

  const before = receiver.total;
  const started = Date.now();
  const burst = await append(app, template, burstEvents);
  await receiver.until(before + burstEvents * endpoints);
  const seconds = (Date.now() - started) / 1000;

  const trickle = new Map<string, number>();
  for (let i = 0; i < trickleEvents; i++) {
    const target = receiver.total + endpoints;
    for (const [id, at] of await append(app, template, 1)) trickle.set(id, at);
    await receiver.until(target);
  }
  return { endpoints, events: burstEvents, seconds, trickle: latencies(receiver, trickle), burst: latencies(receiver, burst) };
}

/**
 * Delivered events per second to 1 endpoint and to 100 (N events appended at once, until every endpoint
 * had all), latency from detection to receipt (p50/p99, one event at a time and within the burst), and
 * memory per idle endpoint (heap and RSS with 100 endpoints vs none, after full GC, ÷ 100).
 * `BENCH_WEBHOOK_EVENTS_ONE` (2000) and `BENCH_WEBHOOK_EVENTS_HUNDRED` (200) size the bursts.
 */
export async function benchWebhooks({
  oneEndpointEvents = Number(process.env.BENCH_WEBHOOK_EVENTS_ONE ?? 2000),
  hundredEndpointEvents = Number(process.env.BENCH_WEBHOOK_EVENTS_HUNDRED ?? 200),
  trickleEvents = Number(process.env.BENCH_WEBHOOK_TRICKLE ?? 50),
} = {}): Promise<void> {
  const gc = garbageCollector();
  const results: Measured[] = [];
  let perEndpoint = { heap: Number.NaN, rss: Number.NaN };
  for (const endpoints of [1, 100]) {
    const dataDir = await mkdtemp(path.join(tmpdir(), "ledgerline-bench-webhooks-"));
    const receiver = await startReceiver();
    const app = await startGateway(dataDir);
    try {
      const template = await realEvent(app);
      const idle = await memory(gc);
      await createEndpoints(app, receiver, endpoints);
      await sleep(1000);
      if (endpoints === 100) {
        const used = await memory(gc);
        perEndpoint = { heap: (used.heapUsed - idle.heapUsed) / endpoints, rss: (used.rss - idle.rss) / endpoints };
      }
      results.push(await measure(app, receiver, template, endpoints, endpoints === 1 ? oneEndpointEvents : hundredEndpointEvents, trickleEvents));
    } finally {
      await app.stop();
      await receiver.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }

  const rows = results.map((r) => ({
    endpoints: r.endpoints,
    "events appended": r.events,
    deliveries: r.events * r.endpoints,
    seconds: r.seconds.toFixed(2),
    "events/s (every endpoint)": (r.events / r.seconds).toFixed(1),
    "deliveries/s": ((r.events * r.endpoints) / r.seconds).toFixed(1),
    "latency p50 / p99 (one at a time)": `${ms(percentile(r.trickle, 50))} / ${ms(percentile(r.trickle, 99))}`,
    "latency p50 / p99 (in the burst)": `${ms(percentile(r.burst, 50))} / ${ms(percentile(r.burst, 99))}`,
  }));
  const [one, hundred] = results as [Measured, Measured];
  const perSecond = (r: Measured) => (r.events * r.endpoints) / r.seconds;
  console.log("\nOutbound webhooks: one gateway process (embedded default, SQLite), a receiver on 127.0.0.1 answering 204; one organization's events");
  console.log(table(rows));
  console.log(`Ratios, 100 endpoints vs 1: deliveries/s ${(perSecond(hundred) / perSecond(one)).toFixed(2)}×, events/s ${(hundred.events / hundred.seconds / (one.events / one.seconds)).toFixed(3)}× (100 endpoints deliver each event 100 times).`);
  console.log(`Memory per idle endpoint (100 endpoints vs none${gc ? ", after full GC" : ", no GC available"}): heap ${(perEndpoint.heap / 1024).toFixed(1)} KiB, RSS ${(perEndpoint.rss / 1024).toFixed(1)} KiB.`);
  console.log(`Latency = the event's detectedAt → the receiver has the request; "one at a time": each event appended after the previous reached every endpoint (${trickleEvents} events).`);
}

import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { StormGatewayMessage, StormResult, StormSetup } from "./replay-storm-gateway.js";
import { ms, table } from "./support.js";

export interface ReplayStormOptions {
  /** Connections, one API key each (partner apps). @default 60 (`BENCH_STORM_CONNECTIONS`) */
  connections?: number;
  /** Subscriptions per connection, each replaying from the first cursor. @default 20 (`BENCH_STORM_SUBSCRIPTIONS`) */
  perConnection?: number;
  /** Events in the log to replay. @default 800 (`BENCH_STORM_EVENTS`) */
  events?: number;
  /** How long each side's storm may last; what was delivered by then counts. @default 120 s (`BENCH_STORM_TIMEOUT_MS`) */
  timeoutMs?: number;
}

/** The two ways of serving a replay storm, measured one after the other, each in a fresh gateway process. */
const SIDES: Array<{ name: string; setup: Pick<StormSetup, "replayConcurrency" | "sendHighWaterMark"> }> = [
  // As replay worked before it was bounded: every subscription reads and holds its batch at once, and
  // sends as fast as it is served, however much its socket holds unsent.
  { name: "unbounded", setup: { replayConcurrency: Infinity, sendHighWaterMark: Infinity } },
  // The defaults: a replay gate of 4 permits, 1 MiB unsent per socket.
  { name: "bounded", setup: {} },
];

/**
 * A replay storm: many connections × subscriptions each replaying the whole log from its first
 * cursor (`events(filter: { after })`), measured side by side in one run: "unbounded" (replay gate
 * and socket back-pressure off) then "bounded" (the defaults), each in its own gateway process (its
 * RSS its own) with its clients in another. Per side: peak RSS, RSS after GC, a simple query timed
 * every 200 ms during the storm, connections the gateway dropped, and events delivered (in order).
 */
export async function benchReplayStorm({
  connections = Number(process.env.BENCH_STORM_CONNECTIONS ?? 60),
  perConnection = Number(process.env.BENCH_STORM_SUBSCRIPTIONS ?? 20),
  events = Number(process.env.BENCH_STORM_EVENTS ?? 800),
  timeoutMs = Number(process.env.BENCH_STORM_TIMEOUT_MS ?? 120_000),
}: ReplayStormOptions = {}): Promise<void> {
  const runs: Array<{ name: string; result?: StormResult; rssPeak: number; failure?: string }> = [];
  for (const side of SIDES) {
    console.error(`replay storm: ${side.name} side…`);
    runs.push({ name: side.name, ...(await runSide({ connections, perConnection, events, timeoutMs, ...side.setup })) });
  }

  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
  const replayed = runs.find((r) => r.result)?.result?.replayed ?? events - 1;
  const total = connections * perConnection;
  console.log(`\nReplay storm: ${connections} connections × ${perConnection} subscriptions, each replaying ${replayed} events from the first cursor (SQLite log), up to ${(timeoutMs / 1000).toFixed(0)} s per side`);
  console.log(`Side by side in this run, each side a fresh gateway process (clients in another process). "unbounded" turns off the replay gate (replayConcurrency: Infinity: every subscription reads its batch at once and keeps it when it stalls) and socket back-pressure (sendHighWaterMark: Infinity); each subscription still reads the log 200 events at a time. "bounded" is the defaults: a replay gate of 4, 1 MiB unsent per socket.`);
  console.log(table(runs.map(({ name, result: r, rssPeak, failure }) => r
    ? {
        side: name, "RSS idle": mb(r.rssIdle), "RSS peak": mb(r.rssPeak), "RSS after (GC)": mb(r.rssAfter), "heap peak (GC, every 10 s)": r.heapPeak === undefined ? "-" : mb(r.heapPeak),
        "query p50": ms(r.queryP50), "query p99": ms(r.queryP99), "query max": ms(r.queryMax), queries: r.queries,
        "dropped connections": Object.entries(r.progress.closes).map(([code, n]) => `${n}×${code}`).join(", ") || "0",
        "complete in order": `${r.progress.complete}/${total}`, "out of order": r.progress.disordered, errors: r.progress.errors,
        "events delivered": `${r.progress.received}/${total * r.replayed}`, took: `${r.seconds.toFixed(1)} s (${r.ended})`,
      }
    : { side: name, "RSS idle": "-", "RSS peak": `≥ ${mb(rssPeak)}`, "RSS after (GC)": "-", "heap peak (GC, every 10 s)": "-", "query p50": "-", "query p99": "-", "query max": "-", queries: "-", "dropped connections": "-", "complete in order": "-", "out of order": "-", errors: "-", "events delivered": "-", took: failure ?? "failed" })));
  const [unbounded, bounded] = runs.map((r) => r.result);
  if (unbounded && bounded) {
    const ratio = (a: number, b: number) => (b === 0 ? (a === 0 ? "×1.00" : "×∞") : `×${(a / b).toFixed(2)}`);
    console.log(`unbounded ÷ bounded: RSS peak ${ratio(unbounded.rssPeak, bounded.rssPeak)}, RSS peak over idle ${ratio(unbounded.rssPeak - unbounded.rssIdle, bounded.rssPeak - bounded.rssIdle)}, query p99 ${ratio(unbounded.queryP99, bounded.queryP99)}, events delivered ${ratio(unbounded.progress.received, bounded.progress.received)}`);
  } else {
    console.log(`No ratios: the ${runs.filter((r) => !r.result).map((r) => r.name).join(" and ")} side did not finish (see above).`);
  }
}

/** Runs one side in a fresh gateway process; the last peak RSS it reported survives its death. */
async function runSide(setup: StormSetup): Promise<{ result?: StormResult; rssPeak: number; failure?: string }> {
  const script = fileURLToPath(new URL("./replay-storm-gateway.js", import.meta.url));
  // Advanced serialization: Infinity reaches the child as Infinity (JSON would make it null).
  const child = fork(script, [], { serialization: "advanced" });
  let rssPeak = 0;
  let result: StormResult | undefined;
  child.on("message", (message: StormGatewayMessage) => {
    if (message.op === "rss") rssPeak = Math.max(rssPeak, message.peak);
    if (message.op === "result") result = message.result;
  });
  child.send({ op: "run", setup });
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.once("exit", (c, s) => resolve([c, s])));
  if (result) return { result, rssPeak: result.rssPeak };
  return { rssPeak, failure: `gateway process ended (${signal ?? `exit code ${code}`}) before its result` };
}

import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { toGlobalId } from "../src/ids/global-id.js";
import type { Provider } from "../schema/common/provider.enum.js";
import { startBenchGateway, percentile, table } from "./support.js";
import { watchEvents } from "./event-watch.js";
import { cursorsAhead, seconds } from "./trigger-report.js";
import { envNumber, machineLoad, waitForMirror } from "./mirror-support.js";
import { clientaryContactWriter, daftraContactWriter, xeroContactWriter, type ContactChange, type ContactWriter } from "./staleness-changes.js";

export interface StalenessOptions {
  /** Changes per provider, alternately a new contact and a new name for one created earlier. @default 16 (`BENCH_CHANGES`) */
  changes?: number;
  /** Over how long each provider's changes are spread, at random intervals. @default 90 (`BENCH_BUSY_SECONDS`) */
  busySeconds?: number;
  /** How often the mirrored read is repeated while waiting for a change. @default 100 */
  pollMs?: number;
  /** How long a change may take to show before it counts as not shown. @default 90 s */
  timeoutMs?: number;
}

interface Outcome {
  change: ContactChange;
  /** Whether the provider's Contact triggers report this change (renames raise no event where only arrivals are declared). */
  eventExpected: boolean;
  /** Write → first mirrored read (source: MIRROR) showing the new name; undefined when not in time. */
  read?: number;
  /** Write → the event at a graphql-ws subscriber; undefined when not in time. */
  event?: number;
}

const NODE = `query($id: ID!) { node(id: $id, source: MIRROR) { ... on Contact { name } } }`;

/** mulberry32: the same intervals on every run. */
function seeded(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Repeats `node(id, source: MIRROR)` until the contact shows `name`; the moment it first did, or undefined after `timeoutMs`. */
async function firstMirroredRead(url: string, apiKey: string, change: ContactChange, pollMs: number, timeoutMs: number): Promise<number | undefined> {
  const id = toGlobalId({ organizationId: change.organizationId, type: "Contact", remoteId: change.remoteId });
  const until = change.at + timeoutMs;
  while (performance.now() < until) {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({ query: NODE, variables: { id } }),
    });
    const at = performance.now();
    const body = (await response.json()) as { data?: { node: { name?: string } | null } };
    if (body.data?.node?.name === change.name) return at;
    await sleep(pollMs);
  }
  return undefined;
}

const stats = (values: Array<number | undefined>) => {
  const seen = values.filter((v): v is number => v !== undefined).sort((a, b) => a - b);
  return { p50: seen.length ? percentile(seen, 50) : Number.NaN, p99: seen.length ? percentile(seen, 99) : Number.NaN, missed: values.length - seen.length };
};

/**
 * Staleness of mirrored reads: per provider (Xero with its webhooks wired as `npm start` does;
 * Daftra and Clientary polled), contacts written directly at the sandbox's own API (new ones, and
 * new names for ones created earlier) at random intervals; for each, the time until a mirrored read
 * (`node(id, source: MIRROR)`, repeated every `pollMs`) shows it, next to the time until its event
 * reaches a graphql-ws subscriber. Default trigger settings, provider rate limits.
 */
export async function benchStaleness({
  changes = envNumber("BENCH_CHANGES", 16),
  busySeconds = envNumber("BENCH_BUSY_SECONDS", 90),
  pollMs = 100,
  timeoutMs = 90_000,
}: StalenessOptions = {}): Promise<void> {
  const started = performance.now();
  const gw = await startBenchGateway("provider", { LEDGERLINE_TRIGGERS: "on", LEDGERLINE_STORE_URL: "" });
  const { app } = gw;
  const watch = await watchEvents(app.wsUrl, app.localApiKey!).catch(async (error: unknown) => {
    await app.stop();
    throw error;
  });
  try {
    const byProvider = (p: string) => app.sandboxes.find((s) => s.provider === p)!;
    const writers: ContactWriter[] = [await xeroContactWriter(byProvider("XERO")), await daftraContactWriter(byProvider("DAFTRA"), app), await clientaryContactWriter(byProvider("CLIENTARY"), app)];
    console.error("staleness: waiting for every organization's Contact mirror to be IN_SYNC…");
    const synced = await Promise.all(app.sandboxes.map(async (s) => ({ provider: s.provider, ms: (await waitForMirror(gw, s.organization.id, ["Contact"])).ms })));
    const ahead = await cursorsAhead(app);
    // Which changes raise an event: the Contact triggers each connector declares.
    const contactTriggers = new Map(await Promise.all(app.sandboxes.map(async (s) => [s.provider, (await app.triggers!.access.pollers(s.organization)).find((v) => v.entity === "Contact")?.changes ?? []] as const)));
    const webhooks = app.sandboxWebhooks.find((w) => w.provider === "XERO");

    const seed = Number(process.env.BENCH_SEED ?? 1);
    console.error(`staleness: ${changes} changes per provider over ${busySeconds} s…`);
    const outcomes = (await Promise.all(writers.map(async (writer, w) => {
      const random = seeded(seed + w);
      const pending: Array<Promise<Outcome>> = [];
      const observedCreates: ContactChange[] = [];
      for (let i = 0; i < changes; i++) {
        await sleep(((busySeconds * 1000) / changes) * (0.2 + 1.6 * random()));
        // A new name only for a contact whose creation both paths have shown, so each event and read is this change's.
        const renameOf = i % 2 === 1 ? observedCreates.shift() : undefined;
        const change = await writer.write(renameOf);
        const expectEvent = (contactTriggers.get(writer.provider as Provider) ?? []).includes(change.kind === "created" ? "CREATED" : "UPDATED");
        pending.push(Promise.all([
          firstMirroredRead(app.url, app.localApiKey!, change, pollMs, timeoutMs),
          expectEvent ? watch.firstAfter({ entity: "Contact", organizationId: change.organizationId, remoteId: change.remoteId }, change.at, timeoutMs) : Promise.resolve(undefined),
        ]).then(([readAt, eventAt]) => {
          const outcome = { change, eventExpected: expectEvent, read: readAt === undefined ? undefined : readAt - change.at, event: eventAt === undefined ? undefined : eventAt - change.at };
          if (change.kind === "created" && readAt !== undefined && eventAt !== undefined) observedCreates.push(change);
          return outcome;
        }));
      }
      return Promise.all(pending);
    }))).flat();

    console.log(`\nStaleness of mirrored reads: a contact written at the provider's own API (not through the gateway) → first node(id, source: MIRROR) showing it, next to → its event at a graphql-ws subscriber`);
    console.log(`Default trigger settings, provider rate limits, one organization per provider; ${changes} changes per provider (new contacts and new names, alternately) at random intervals over ${busySeconds} s; the read repeated every ${pollMs} ms. Xero webhooks: ${webhooks ? (webhooks.ok ? "wired by the gateway, intent to receive passed" : `FAILED: ${webhooks.problems.join("; ")}`) : "not wired"}.`);
    console.log(table(writers.map((writer) => {
      const mine = outcomes.filter((o) => o.change.provider === writer.provider);
      const read = stats(mine.map((o) => o.read));
      const withEvent = mine.filter((o) => o.eventExpected);
      const event = stats(withEvent.map((o) => o.event));
      const gaps = stats(withEvent.map((o) => (o.read !== undefined && o.event !== undefined ? o.read - o.event : undefined)));
      return {
        provider: writer.provider,
        path: writer.provider === "XERO" && webhooks?.ok ? "webhook" : "polled",
        changes: `${mine.length} (${mine.filter((o) => o.change.kind === "created").length} new, ${mine.filter((o) => o.change.kind === "renamed").length} renamed)`,
        "mirrored read p50": seconds(read.p50),
        "mirrored read p99": seconds(read.p99),
        "event p50": `${seconds(event.p50)}${withEvent.length < mine.length ? ` (${withEvent.length} with events)` : ""}`,
        "event p99": seconds(event.p99),
        "read − event p50": Number.isFinite(gaps.p50) ? `${gaps.p50.toFixed(0)} ms` : "n/a",
        "not shown in time (read / event)": `${read.missed} / ${event.missed}`,
      };
    })));
    if (process.env.BENCH_VERBOSE) console.log(table(outcomes.map((o) => ({ provider: o.change.provider, kind: o.change.kind, remoteId: o.change.remoteId, read: o.read === undefined ? "none" : seconds(o.read), event: !o.eventExpected ? "-" : o.event === undefined ? "none" : seconds(o.event) }))));
    const arrivalsOnly = [...contactTriggers].filter(([, kinds]) => !kinds.includes("UPDATED")).map(([provider]) => provider);
    if (arrivalsOnly.length) console.log(`Renames raise no event for ${arrivalsOnly.join(" and ")} (their Contact triggers report arrivals only): the event columns count new contacts there; the mirrored read counts every change.`);
    console.log(`Not shown within ${timeoutMs / 1000} s counts as not shown. Mirror IN_SYNC before the first change: ${synced.map((s) => `${s.provider} ${seconds(s.ms)}`).join(", ")}.`);
    if (watch.errors.length) console.log(`Subscriber errors: ${JSON.stringify(watch.errors)}`);
    if (ahead.length) console.log(`Note: incremental cursors ahead of the clock after the baseline (changes stamped now are skipped until then or the next full listing): ${ahead.join(", ")}.`);
    console.log(`Total run: ${((performance.now() - started) / 1000).toFixed(0)} s; machine: ${machineLoad()} at the end.`);
  } finally {
    await watch.close();
    await app.stop();
  }
}

import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import type { RunningLedgerline } from "../src/app/start-ledgerline.js";
import type { RunningSandbox } from "../src/connector/embedded.js";
import type { XeroSandbox } from "../connectors/xero/sandbox/server.js";
import { startBenchGateway, table } from "./support.js";
import { clientaryChanges, daftraChanges, xeroChanges, type ChangeMaker } from "./trigger-changes.js";
import { watchEvents } from "./event-watch.js";
import { meterRequests } from "./request-meter.js";
import { cursorsAhead, latencyRows, POLL_15_MIN, seconds, triggerCalls, type Result } from "./trigger-report.js";

export interface TriggerLatencyOptions {
  /** Changes made per provider while busy. @default 30 each */
  changes?: Record<string, number>;
  /** Over how long the changes are spread, at random intervals. @default 80 */
  busySeconds?: number;
  /** Idle window (no changes); a whole minute, so that a scheduler's bursts and pauses both fall in it. @default 60 */
  idleSeconds?: number;
  /** From start until the first rolling minute (the baseline listings) is over. @default 65 */
  warmupSeconds?: number;
}

const WEBHOOK_KEY = "ledgerline-bench-xero-webhook-key-0123456789";
/** How long one change may take to reach the subscriber before it counts as missed. */
const MISSED_AFTER_MS = 45_000;

/** mulberry32: the same intervals on every run. */
function seeded(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The Xero sandbox's webhooks to the gateway's ingress: wired by the gateway itself when it does, else here. */
async function xeroWebhooks(app: RunningLedgerline, xero: RunningSandbox): Promise<{ on: boolean; how: string }> {
  const wired = (app as { sandboxWebhooks?: Array<{ provider: string; ok: boolean; problems: string[] }> }).sandboxWebhooks?.find((w) => w.provider === xero.provider);
  if (wired) return { on: wired.ok, how: wired.ok ? "wired by the gateway, intent to receive passed" : `wired by the gateway, intent to receive FAILED: ${wired.problems.join("; ")}` };
  const target = { url: new URL("/webhooks/xero", app.url).toString(), key: WEBHOOK_KEY };
  const configure = (xero as { configureWebhooks?: (t: typeof target) => Promise<{ ok: boolean }> }).configureWebhooks;
  if (configure) return { on: (await configure(target)).ok, how: "configured by the benchmark (RunningSandbox.configureWebhooks)" };
  const sandbox = (xero as { sandbox?: XeroSandbox }).sandbox;
  if (!sandbox) return { on: false, how: "not available: Xero contacts and invoices are measured as polled" };
  sandbox.configureWebhooks(target);
  return { on: (await sandbox.verifyWebhookEndpoint()).ok, how: "configured by the benchmark (sandbox handle)" };
}

async function baselinesDone(app: RunningLedgerline, timeoutMs = 120_000): Promise<void> {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const views = await Promise.all(app.sandboxes.map((s) => app.triggers!.access.pollers(s.organization)));
    if (views.flat().every((v) => v.baselineAt)) return;
    if (performance.now() > until) throw new Error("the pollers did not finish their baselines in time");
    await sleep(250);
  }
}

/** Makes `count` changes over about `spanMs`, at random intervals, and resolves with each one's latency. */
async function changeAtRandom(maker: ChangeMaker, count: number, spanMs: number, random: () => number, watch: Awaited<ReturnType<typeof watchEvents>>) {
  const pending: Array<Promise<Result>> = [];
  for (let i = 0; i < count; i++) {
    await sleep((spanMs / count) * (0.2 + 1.6 * random()));
    const change = await maker.make();
    pending.push(watch.firstAfter(change, change.at, MISSED_AFTER_MS).then((at) => ({ change, latency: at === undefined ? undefined : at - change.at })));
  }
  return pending;
}

/**
 * Detection latency at default trigger settings and provider rate limits, one organization per
 * provider: changes made in the sandboxes (outside the gateway) until the event reaches a graphql-ws
 * subscriber, by provider and detection path; and what watching costs in upstream calls per minute,
 * idle and busy, counted at the sandboxes.
 */
export async function benchTriggerLatency({ changes = { XERO: 30, DAFTRA: 30, CLIENTARY: 30 }, busySeconds = 80, idleSeconds = 60, warmupSeconds = 65 }: TriggerLatencyOptions = {}): Promise<void> {
  const started = performance.now();
  const gw = await startBenchGateway("provider", { LEDGERLINE_TRIGGERS: "on", LEDGERLINE_STORE_URL: "", XERO_WEBHOOK_KEY: WEBHOOK_KEY });
  const { app } = gw;
  const watch = await watchEvents(app.wsUrl, app.localApiKey!).catch(async (error: unknown) => {
    await app.stop();
    throw error;
  });
  try {
    const byProvider = (p: string) => app.sandboxes.find((s) => s.provider === p)!;
    const webhooks = await xeroWebhooks(app, byProvider("XERO"));
    const makers = [xeroChanges(byProvider("XERO"), webhooks.on), await daftraChanges(byProvider("DAFTRA"), app), await clientaryChanges(byProvider("CLIENTARY"), app)];
    const meter = meterRequests(app.sandboxes, (p) => makers.find((m) => m.provider === p)!.ownRequests());
    await baselinesDone(app);
    const ahead = await cursorsAhead(app);
    await sleep(Math.max(0, started + warmupSeconds * 1000 - performance.now()));

    const idleFrom = meter.mark();
    await sleep(idleSeconds * 1000);
    const idleTo = meter.mark();
    const seed = Number(process.env.BENCH_SEED ?? 1);
    const made = await Promise.all(makers.map((m, i) => changeAtRandom(m, changes[m.provider] ?? 30, busySeconds * 1000, seeded(seed + i), watch)));
    const busyTo = meter.mark();
    const lastBusyMinute = await triggerCalls(app);
    const results = await Promise.all(made.flat());
    const drained = meter.mark();
    meter.stop();

    const pace = makers.map((m) => `${m.provider} ${changes[m.provider] ?? 30}`).join(", ");
    console.log(`\nTrigger latency: change in the sandbox → event at a graphql-ws subscriber (default trigger settings, provider rate limits, one organization each)`);
    console.log(`Changes at random intervals over ${busySeconds} s (${pace}); Xero webhooks: ${webhooks.how}.`);
    console.log(table(latencyRows(results)));
    if (process.env.BENCH_VERBOSE) console.log(table(results.map((r) => ({ provider: r.change.provider, entity: r.change.entity, remoteId: r.change.remoteId, path: r.change.path, latency: r.latency === undefined ? "none" : seconds(r.latency) }))));
    console.log(`Reference: a 15-minute poll (automation tools) → p50 ${seconds(POLL_15_MIN.p50)}, p99 ${seconds(POLL_15_MIN.p99)}; "vs 15-min poll" = reference / measured. No event within ${MISSED_AFTER_MS / 1000} s counts as none in time.`);
    if (watch.errors.length) console.log(`Subscriber errors: ${JSON.stringify(watch.errors)}`);
    if (ahead.length) console.log(`Note: incremental cursors ahead of the clock after the baseline (seeded records stamped later than now; changes stamped now are skipped until then or the next full listing): ${ahead.join(", ")}.`);

    const budgets = await Promise.all(app.sandboxes.map((s) => app.triggers!.access.budget(s.organization)));
    console.log(`\nUpstream calls per minute for one organization, counted at the sandbox (the benchmark's own writes excluded)`);
    console.log(table(app.sandboxes.map((s, i) => {
      const budget = budgets[i]!;
      const peak = meter.peakMinute(s.provider, idleFrom, drained);
      const last = lastBusyMinute.get(s.provider);
      return {
        provider: s.provider,
        [`idle (${idleSeconds} s)`]: meter.perMinute(s.provider, idleFrom, idleTo).toFixed(1),
        "busy (last 60 s of changes)": meter.perMinute(s.provider, meter.sampleAt(busyTo.at - 60_000), busyTo).toFixed(1),
        "pollers": last ? last.pollers : "n/a",
        "webhook lookups": last ? last.all - last.pollers : "n/a",
        "busiest rolling minute (all)": peak ?? "n/a",
        "pollers' share": `${budget.pollerLimitPerMinute} of ${budget.budgetPerMinute}`,
        "pollers within share": last ? (last.pollers <= budget.pollerLimitPerMinute ? "yes" : "no") : "n/a",
      };
    })));
    console.log("Pollers and webhook lookups: as the gateway's scheduler counted them in the last busy minute. Pollers' share: calls per rolling minute the pollers may make (LEDGERLINE_TRIGGER_BUDGET_PERCENT of the organization's budget); webhook lookups follow real changes and are counted apart.");
    console.log(`Total run: ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  } finally {
    await watch.close();
    await app.stop();
  }
}

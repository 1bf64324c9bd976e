import type { RunningLedgerline } from "../src/app/start-ledgerline.js";
import { percentile } from "./support.js";
import type { Change } from "./trigger-changes.js";

/** Automation tools' usual polling: a change waits for the next poll, uniformly over 15 minutes. */
export const POLL_15_MIN = { p50: 7.5 * 60_000, p99: 0.99 * 15 * 60_000 };
const TARGET_P99_MS: Record<string, number> = { "XERO polled": 15_000, "XERO webhook": 2_000 };

export const seconds = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : "n/a");

export interface Result {
  change: Change;
  /** Write → receipt at the subscriber; undefined when no event came in time. */
  latency?: number;
}

/** One row per provider and detection path: p50/p99, the target where there is one, and the 15-minute poll as reference. */
export function latencyRows(results: readonly Result[]) {
  const groups = new Map<string, Result[]>();
  for (const r of results) {
    const key = `${r.change.provider} ${r.change.path}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([key, group]) => {
    const latencies = group.flatMap((r) => (r.latency === undefined ? [] : [r.latency])).sort((a, b) => a - b);
    const p50 = latencies.length ? percentile(latencies, 50) : Number.NaN;
    const p99 = latencies.length ? percentile(latencies, 99) : Number.NaN;
    const missed = group.filter((r) => r.latency === undefined);
    const target = TARGET_P99_MS[key];
    return {
      provider: group[0]!.change.provider,
      path: `${group[0]!.change.path} (${[...new Set(group.map((r) => r.change.entity))].join(", ")})`,
      changes: group.length,
      "no event in time": missed.length ? `${missed.length} (${countBy(missed.map((r) => r.change.entity))})` : 0,
      p50: seconds(p50),
      p99: seconds(p99),
      target: target ? `p99 < ${target / 1000} s: ${p99 < target && missed.length === 0 ? "met" : "NOT met"}` : "",
      "vs 15-min poll (p50 / p99)": latencies.length ? `${(POLL_15_MIN.p50 / p50).toFixed(0)}× / ${(POLL_15_MIN.p99 / p99).toFixed(0)}×` : "n/a",
    };
  });
}

function countBy(items: string[]): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].map(([item, n]) => `${item} ×${n}`).join(", ");
}

/**
 * Incremental pollers whose cursor (newest `updatedAt` seen, less 5 s) is ahead of the clock: the
 * provider's listing "changed since" that cursor skips records changed now, until the clock passes it
 * or a full listing (reconciliation) runs. Seeded sandbox books stamped later than now do this.
 */
export async function cursorsAhead(app: RunningLedgerline): Promise<string[]> {
  const notes: string[] = [];
  for (const sandbox of app.sandboxes) {
    for (const poller of await app.triggers!.access.pollers(sandbox.organization)) {
      if (poller.strategy !== "INCREMENTAL") continue;
      const { cursor } = await app.triggers!.recorder.state(sandbox.organization.id, poller.entity);
      const ahead = cursor ? Date.parse(cursor) - Date.now() : 0;
      if (ahead > 1000) notes.push(`${sandbox.provider} ${poller.entity} (${(ahead / 60_000).toFixed(1)} min)`);
    }
  }
  return notes;
}

/** Calls in the last rolling minute as the gateway's scheduler counts them: all trigger calls, and the pollers' alone (webhook lookups are counted apart). */
export async function triggerCalls(app: RunningLedgerline): Promise<Map<string, { all: number; pollers: number }>> {
  const calls = new Map<string, { all: number; pollers: number }>();
  for (const sandbox of app.sandboxes) {
    const scheduler = await app.triggers!.scheduler(sandbox.organization.id);
    if (!scheduler) continue;
    const budget = scheduler.budget();
    calls.set(sandbox.provider, { all: budget.callsLastMinute + budget.webhookCallsLastMinute, pollers: budget.callsLastMinute });
  }
  return calls;
}

import { describe, expect, it } from "vitest";
import { Provider } from "../../../schema/common/provider.enum.js";
import { xeroCapabilities } from "../../../connectors/xero/capabilities.js";
import { maxPageSizeOf } from "../../connector/listing.js";
import type { EntityName } from "../../connector/entities.js";
import { silentLogger } from "../../infra/logger.js";
import { mirroredEntities } from "../../mirror/mirror-runtime.js";
import type { EntityPoller } from "../entity-poller.js";
import { declaredChangesOf } from "../trigger-declarations.js";
import { XERO_WEBHOOK_ENTITIES } from "../xero-webhook/webhook-payload.js";
import { createOrganizationScheduler } from "./organization-scheduler.js";
import { scheduleSettingsFor, type ScheduleDefaults } from "./schedule-settings.js";

/**
 * A day (two) of one Xero organization's pollers on a hand-moved clock: the kinds the Xero connector
 * really polls, Contact/Invoice/Bill/CreditNote fed by webhooks (polled as safety nets), the kinds
 * without triggers polled for the mirror only, a full listing every 15 minutes for the kinds read
 * incrementally. The fake pollers choose their scan as the real one does and cost one call a page.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const RECONCILE_MS = 15 * MINUTE;

const KINDS = mirroredEntities(xeroCapabilities);
const MIRROR_ONLY = new Set(KINDS.filter((kind) => declaredChangesOf(xeroCapabilities, kind).length === 0));
const WEBHOOK_FED = new Set(XERO_WEBHOOK_ENTITIES);
const PACED = KINDS.filter((kind) => !MIRROR_ONLY.has(kind) && !WEBHOOK_FED.has(kind));
/** Records per kind, about what the Xero sandbox's seeded books hold (listings of 1,000 a page; quotes 100). */
const RECORDS: Partial<Record<EntityName, number>> = {
  Invoice: 800, Bill: 236, Payment: 1_034, Quote: 114, Contact: 65, CreditNote: 58, BankTransaction: 190,
  PurchaseOrder: 66, Item: 18, Account: 40, TaxRate: 6, TrackingCategory: 2,
};

interface Call { at: number; entity: EntityName; scan: string }

/** Lists like the entity poller: a baseline first, then incremental reads (one call) with a full listing every 15 minutes, or full listings every time. */
function xeroLikePoller(entity: EntityName, records: number, now: () => number, reconcileMs: () => number, calls: Call[]): EntityPoller {
  const incremental = xeroCapabilities.entities[entity]?.filters?.includes("updatedSince") ?? false;
  const pages = Math.max(1, Math.ceil(records / maxPageSizeOf(xeroCapabilities, entity)));
  let baselineDone = false;
  let lastFullAt = Number.NEGATIVE_INFINITY;
  let scan: { kind: "baseline" | "incremental" | "full"; left: number; startedAt: number } | undefined;
  return {
    entity,
    declared: declaredChangesOf(xeroCapabilities, entity),
    incremental,
    get inProgress() {
      return scan !== undefined;
    },
    async step() {
      if (!scan) {
        const kind = !baselineDone ? "baseline" : incremental && now() - lastFullAt < reconcileMs() ? "incremental" : "full";
        scan = { kind, left: kind === "incremental" ? 1 : pages, startedAt: now() };
      }
      const current = scan;
      calls.push({ at: now(), entity, scan: current.kind });
      current.left--;
      if (current.left > 0) return { done: false, calls: 1, scan: current.kind, appended: 0 };
      scan = undefined;
      if (current.kind !== "incremental") lastFullAt = current.startedAt;
      baselineDone = true;
      return { done: true, calls: 1, scan: current.kind, appended: 0 };
    },
  } as unknown as EntityPoller;
}

const organization = (settings: Record<string, unknown> = {}) => ({ id: "org_xero", provider: Provider.XERO, name: "Books", settings, createdAt: "2026-01-01T00:00:00.000Z" });
/** The gateway's defaults for Xero: 60 calls a minute, half for the pollers, a full listing every 15 minutes. */
const defaults = (perDay: number | undefined): ScheduleDefaults => ({
  budgetPerMinute: { XERO: 60 }, budgetPerDay: { XERO: perDay }, share: 0.5, minIntervalMs: 5_000, reconcileIntervalMs: RECONCILE_MS,
});

async function simulate({ perDay, hours, records = {} }: { perDay?: number; hours: number; records?: Partial<Record<EntityName, number>> }) {
  let now = Date.parse("2026-11-22T06:00:00Z");
  const start = now;
  const calls: Call[] = [];
  const settings = scheduleSettingsFor(organization(), defaults(perDay));
  // As the trigger runtime does: the pollers ask the scheduler how far apart full listings are.
  let paced: ReturnType<typeof createOrganizationScheduler> | undefined;
  const reconcileMs = () => paced?.reconcileIntervalMs() ?? settings.reconcileIntervalMs;
  const scheduler = createOrganizationScheduler({
    pollers: KINDS.map((kind) => xeroLikePoller(kind, records[kind] ?? RECORDS[kind] ?? 10, () => now, reconcileMs, calls)),
    settings, clock: { now: () => new Date(now) }, logger: silentLogger,
    webhookFed: WEBHOOK_FED, mirrorOnly: MIRROR_ONLY, mirrorRefreshMs: 120_000,
  });
  paced = scheduler;
  const end = now + hours * HOUR;
  const budgets: Array<ReturnType<typeof scheduler.budget> & { at: number }> = [];
  let nextSample = now;
  while (now < end) {
    const next = (await scheduler.runDue()).getTime();
    if (now >= nextSample) {
      budgets.push({ ...scheduler.budget(), at: now });
      nextSample += 10 * MINUTE;
    }
    now = Math.min(Math.max(next, now + 100), end);
  }
  return { calls, scheduler, start, budgets };
}

/** The most calls made in any 24 hours (the window ending at each call). */
function busiestDay(calls: Call[]): number {
  let most = 0;
  let from = 0;
  for (let i = 0; i < calls.length; i++) {
    while (calls[from]!.at <= calls[i]!.at - DAY) from++;
    most = Math.max(most, i - from + 1);
  }
  return most;
}

/** Completed polls (not counting the baseline) of each kind between `from` and `to`, and the longest gap between two of them. */
function pollsOf(calls: Call[], from: number, to: number) {
  const starts = new Map<EntityName, number[]>();
  for (const call of calls) {
    if (call.scan === "baseline" || call.at < from || call.at >= to) continue;
    const list = starts.get(call.entity) ?? [];
    // A poll's pages follow each other within seconds: count the first page only.
    if (list.length === 0 || call.at - list[list.length - 1]! > MINUTE) list.push(call.at);
    starts.set(call.entity, list);
  }
  return new Map(KINDS.map((kind) => {
    const at = starts.get(kind) ?? [];
    const gaps = at.slice(1).map((t, i) => t - at[i]!);
    return [kind, { polls: at.length, longestGapMs: Math.max(0, ...gaps) }];
  }));
}

describe("organization scheduler: Xero's 5,000 calls a day", () => {
  it("without a daily limit (as before), idle pollers would make far more than Xero's 5,000 calls a day", async () => {
    const { calls, scheduler } = await simulate({ hours: 24 });
    expect(scheduler.budget()).toMatchObject({ budgetPerDay: null, pollerLimitPerDay: null, pollerLimitPerMinute: 30 });
    expect(calls.length).toBeGreaterThan(20_000);
    expect(scheduler.budget().callsLastDay).toBe(calls.length);
    // The paced kinds at the per-minute share alone: a poll every few seconds, full listings every 15 minutes.
    expect(scheduler.budget().intervalMs).toBeLessThan(15_000);
    expect(scheduler.budget().reconcileIntervalMs).toBe(RECONCILE_MS);
  });

  it("with perDay 5,000, the pollers' calls in any 24 hours stay within their half, and every kind is still polled", { timeout: 60_000 }, async () => {
    const { calls, scheduler, start, budgets } = await simulate({ perDay: 5_000, hours: 48 });
    const budget = scheduler.budget();
    expect(budget).toMatchObject({ budgetPerMinute: 60, pollerLimitPerMinute: 30, budgetPerDay: 5_000, pollerLimitPerDay: 2_500 });
    // Counted from the pollers' own calls, apart from the scheduler's accounting.
    expect(busiestDay(calls)).toBeLessThanOrEqual(2_500);
    for (const sample of budgets) expect(sample.callsLastDay).toBeLessThanOrEqual(2_500);
    // It spends its share (not far below it) on the second day, when the backfill is no longer in the window.
    const secondDay = calls.filter((c) => c.at >= start + DAY).length;
    expect(secondDay).toBeGreaterThan(0.85 * 2_500);

    // The backfill ran at once, faster than the daily pace, and counted against the day.
    const baseline = calls.filter((c) => c.scan === "baseline");
    expect(baseline.length).toBeGreaterThanOrEqual(KINDS.length);
    expect(Math.max(...baseline.map((c) => c.at)) - start).toBeLessThan(5 * MINUTE);
    const backfillDoneAt = Math.max(...baseline.map((c) => c.at));
    expect(budgets.find((b) => b.at >= backfillDoneAt)!.callsLastDay).toBeGreaterThanOrEqual(baseline.length);

    const polls = pollsOf(calls, start + DAY, start + 2 * DAY);
    for (const kind of KINDS) {
      expect(polls.get(kind)!.polls, kind).toBeGreaterThanOrEqual(24);
      expect(polls.get(kind)!.longestGapMs, kind).toBeLessThanOrEqual(HOUR);
    }
    // Every period stretched alike: the kinds clients wait for events of are still polled more often than the safety nets and the mirror-only kinds.
    const fewest = Math.min(...PACED.map((kind) => polls.get(kind)!.polls));
    for (const kind of [...WEBHOOK_FED, ...MIRROR_ONLY]) expect(polls.get(kind)!.polls, kind).toBeLessThan(fewest);
    // The safety nets (every minute) and the mirror-only kinds (every 2 minutes) cannot be afforded at their own periods: they stretched.
    for (const kind of [...WEBHOOK_FED, ...MIRROR_ONLY]) expect(polls.get(kind)!.polls, kind).toBeLessThan(DAY / (5 * MINUTE));
    expect(budget.intervalMs).toBeGreaterThan(MINUTE);
    // Small books: a full listing costs about what an incremental read does, so reconciles keep their 15 minutes.
    expect(budget.reconcileIntervalMs).toBe(RECONCILE_MS);
  });

  it("a large backfill goes faster than the daily pace, counts against the day, and slows the pace until it has aged out", { timeout: 60_000 }, async () => {
    // 400,000 invoices: a first listing of 400 pages, a sixth of the pollers' day.
    const { calls, start, budgets, scheduler } = await simulate({ perDay: 5_000, hours: 48, records: { Invoice: 400_000 } });
    const baseline = calls.filter((c) => c.scan === "baseline");
    expect(baseline.length).toBeGreaterThanOrEqual(400);
    // Within the per-minute share (30 a minute), so in under half an hour rather than the hours the day's pace would take.
    expect(Math.max(...baseline.map((c) => c.at)) - start).toBeLessThan(30 * MINUTE);
    expect(busiestDay(calls)).toBeLessThanOrEqual(2_500);
    const whileCounted = budgets.find((b) => b.at >= start + 2 * HOUR)!;
    const afterwards = budgets.find((b) => b.at >= start + DAY + 2 * HOUR)!;
    expect(whileCounted.intervalMs).toBeGreaterThan(afterwards.intervalMs);
    // Listing 400 pages every 15 minutes cannot be afforded: full listings are spread hours apart (at most half the
    // day's share), so that the incremental reads of every kind still go on every few minutes.
    expect(scheduler.budget().reconcileIntervalMs).toBeGreaterThan(2 * HOUR);
    const reconciles = calls.filter((c) => c.entity === "Invoice" && c.scan === "full" && c.at >= start + DAY).length;
    expect(reconciles).toBeGreaterThanOrEqual(400);
    expect(reconciles).toBeLessThanOrEqual(0.5 * 2_500);
    const polls = pollsOf(calls, start + DAY, start + 2 * DAY);
    for (const kind of KINDS) {
      expect(polls.get(kind)!.polls, kind).toBeGreaterThanOrEqual(20);
      expect(polls.get(kind)!.longestGapMs, kind).toBeLessThanOrEqual(2 * HOUR);
    }
  });
});

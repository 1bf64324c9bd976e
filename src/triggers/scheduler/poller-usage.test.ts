import { describe, expect, it } from "vitest";
import type { EntityName } from "../../connector/entities.js";
import { silentLogger } from "../../infra/logger.js";
import type { EntityPoller } from "../entity-poller.js";
import { createOrganizationScheduler } from "./organization-scheduler.js";
import type { PollerHistory, PollerUsage } from "./poller-usage.js";
import type { ScheduleSettings } from "./schedule-settings.js";

/**
 * The pollers' share across a poll-lease handover: the instance taking over reads what the pollers
 * spent before (the cluster's count) and its scheduler starts from there, instead of from zero.
 */
const MINUTE = 60_000;
const settings: ScheduleSettings = { enabled: true, budgetPerMinute: 60, share: 0.5, minIntervalMs: 1_000, reconcileIntervalMs: 15 * MINUTE };

function onePoller(entity: EntityName, polls: { n: number }): EntityPoller {
  return {
    entity, declared: ["CREATED"], inProgress: false,
    async step() {
      polls.n++;
      return { done: true, calls: 1, scan: "incremental" as const, appended: 0 };
    },
  } as unknown as EntityPoller;
}

/** A shared count in memory, as the cluster's Redis keeps it. */
function sharedCount(): PollerUsage & { history: PollerHistory } {
  const history: PollerHistory = { calls: [], backfills: [] };
  const add = (list: PollerHistory["calls"], start: number, calls: number) => {
    const found = list.find((b) => b.start === start);
    if (found) found.calls += calls;
    else list.push({ start, calls });
  };
  return {
    history,
    record(atMs, calls, backfill) {
      const start = Math.floor(atMs / MINUTE) * MINUTE;
      add(history.calls, start, calls);
      if (backfill) add(history.backfills, start, calls);
    },
    read: async () => structuredClone(history),
  };
}

describe("pollers' counts across a poll-lease handover", () => {
  it("the new holder counts its predecessor's calls in the minute and the day, and waits for room in the share", async () => {
    let now = Date.parse("2026-12-07T10:00:00Z");
    const clock = { now: () => new Date(now) };
    const shared = sharedCount();
    const first = { n: 0 };
    const before = createOrganizationScheduler({ pollers: [onePoller("Invoice", first)], settings: { ...settings, minIntervalMs: 0, intervalMs: 0 }, clock, logger: silentLogger, usage: shared });
    // The first holder polls for a minute and a half: the pollers' share of the minute (30 of 60) is in use, spread evenly.
    for (let i = 0; i < 90; i++) {
      await before.runDue();
      now += 1_000;
    }
    const spentLastMinute = before.budget().callsLastMinute;
    expect(spentLastMinute).toBeGreaterThanOrEqual(25);
    expect(shared.history.calls.reduce((sum, b) => sum + b.calls, 0)).toBe(first.n);

    // It crashes; another instance takes the lease over and starts from the cluster's count.
    const second = { n: 0 };
    const after = createOrganizationScheduler({ pollers: [onePoller("Invoice", second)], settings: { ...settings, minIntervalMs: 0, intervalMs: 0 }, clock, logger: silentLogger, usage: shared });
    after.adopt(await shared.read());
    // Counted by minute: at least what was spent in the last minute (a minute's calls are placed at its end).
    expect(after.budget().callsLastMinute).toBeGreaterThanOrEqual(spentLastMinute);
    expect(after.budget().callsLastMinute).toBeLessThanOrEqual(first.n);
    expect(after.budget().callsLastDay).toBe(first.n);
    const wake = await after.runDue();
    expect(second.n).toBe(0);
    expect(wake.getTime()).toBeGreaterThan(now);

    // Adopting the same history twice counts it once.
    after.adopt(await shared.read());
    expect(after.budget().callsLastDay).toBe(first.n);

    // Once the predecessor's minute has passed, the new holder polls again.
    now += 2 * MINUTE;
    await after.runDue();
    expect(second.n).toBeGreaterThan(0);
  });

  it("a lease granted again drops the polls left half-way under the earlier grant", async () => {
    const clock = { now: () => new Date("2026-12-07T10:00:00Z") };
    let pages = 0;
    let abandoned = 0;
    let inProgress = false;
    const listing = {
      entity: "Invoice", declared: ["CREATED"],
      get inProgress() { return inProgress; },
      abandon() { abandoned++; inProgress = false; },
      async step() {
        pages++;
        inProgress = true;
        return { done: false, calls: 1, scan: "full" as const, appended: 0 };
      },
    } as unknown as EntityPoller;
    const scheduler = createOrganizationScheduler({ pollers: [listing], settings, clock, logger: silentLogger });
    // Steps until the pollers' minute is spent, the listing still half-way.
    await scheduler.runDue();
    expect(pages).toBeGreaterThan(0);
    expect(listing.inProgress).toBe(true);
    scheduler.abandonPolls();
    expect(abandoned).toBe(1);
    expect(listing.inProgress).toBe(false);
  });
  it("a new holder spreads its first round over one pace instead of polling every kind at once", async () => {
    let now = Date.parse("2026-12-07T10:00:00Z");
    const clock = { now: () => new Date(now) };
    const counts = { Invoice: { n: 0 }, Bill: { n: 0 }, Contact: { n: 0 } };
    const scheduler = createOrganizationScheduler({
      pollers: (Object.keys(counts) as EntityName[]).map((entity) => onePoller(entity, counts[entity as keyof typeof counts])),
      settings: { ...settings, intervalMs: 9_000 }, clock, logger: silentLogger,
    });
    scheduler.adopt({ calls: [], backfills: [] });
    await scheduler.runDue();
    expect([counts.Invoice.n, counts.Bill.n, counts.Contact.n]).toEqual([1, 0, 0]);
    now += 3_000;
    await scheduler.runDue();
    expect([counts.Invoice.n, counts.Bill.n, counts.Contact.n]).toEqual([1, 1, 0]);
    now += 3_000;
    await scheduler.runDue();
    expect([counts.Invoice.n, counts.Bill.n, counts.Contact.n]).toEqual([1, 1, 1]);
  });
  it("spends the pollers' minute evenly: at most a sixth of it in any 10 seconds, so no burst leaves the rest of the minute unpolled", async () => {
    let now = Date.parse("2026-12-07T10:00:00Z");
    const clock = { now: () => new Date(now) };
    const at: number[] = [];
    const timed = (entity: EntityName) => ({
      entity, declared: ["CREATED"], inProgress: false,
      async step() {
        at.push(now);
        return { done: true, calls: 1, scan: "incremental" as const, appended: 0 };
      },
    }) as unknown as EntityPoller;
    const scheduler = createOrganizationScheduler({ pollers: ["Invoice", "Bill", "Contact"].map((e) => timed(e as EntityName)), settings: { ...settings, minIntervalMs: 0, intervalMs: 0 }, clock, logger: silentLogger });
    for (let i = 0; i < 1_200; i++) {
      await scheduler.runDue();
      now += 100;
    }
    // After the first round (each kind's first step goes at once: it may be a backfill), 10 s hold at most 5.
    const paced = at.slice(3);
    const busiest10s = Math.max(...paced.map((t) => paced.filter((u) => u >= t && u < t + 10_000).length));
    expect(busiest10s).toBeLessThanOrEqual(5);
    // The share is still spent: about 30 calls a minute over the two minutes.
    expect(at.length).toBeGreaterThanOrEqual(55);
  });
  it("with each recent call's time, the new holder counts the rolling minute exactly and polls as soon as it has room", async () => {
    const now = Date.parse("2026-12-07T10:00:30Z");
    const clock = { now: () => new Date(now) };
    const polls = { n: 0 };
    const scheduler = createOrganizationScheduler({ pollers: [onePoller("Invoice", polls)], settings: { ...settings, minIntervalMs: 0, intervalMs: 0 }, clock, logger: silentLogger });
    // 30 calls spread evenly over the last 60 s (the share in use), in two minute buckets.
    const recent = Array.from({ length: 30 }, (_, i) => now - 60_000 + 1_000 + i * 2_000);
    const bucket = (t: number) => Math.floor(t / MINUTE) * MINUTE;
    const calls = [...new Set(recent.map(bucket))].map((start) => ({ start, calls: recent.filter((t) => bucket(t) === start).length }));
    scheduler.adopt({ calls, backfills: [], recent });
    expect(scheduler.budget().callsLastMinute).toBe(30);
    // A first step may take two calls: room for them opens when the two oldest age out, 3 s from now (not a minute later, as bucket ends would say).
    const wake = await scheduler.runDue();
    expect(polls.n).toBe(0);
    expect(wake.getTime() - now).toBe(3_000);
  });
});

import { describe, expect, it } from "vitest";
import { createOrganizationScheduler } from "./organization-scheduler.js";
import type { EntityPoller } from "../entity-poller.js";
import type { EntityName } from "../../connector/entities.js";
import type { ScheduleSettings } from "./schedule-settings.js";
import { silentLogger } from "../../infra/logger.js";
import { MirrorFencedError } from "../../mirror/mirror-store.js";
import { PollStepError } from "../entity-poller.js";

/** A poller whose every poll is one call, counting the polls it ran. */
function countingPoller(entity: EntityName, polls: Map<EntityName, number>): EntityPoller {
  return {
    entity,
    declared: ["CREATED"],
    inProgress: false,
    async step() {
      polls.set(entity, (polls.get(entity) ?? 0) + 1);
      return { done: true, calls: 1, scan: "incremental" as const, appended: 0 };
    },
  } as unknown as EntityPoller;
}

/** A poller of one call per poll that notes when each poll ran. */
function timedPoller(entity: EntityName, clock: { now(): Date }, times: Map<EntityName, number[]>): EntityPoller {
  return {
    entity,
    declared: [],
    inProgress: false,
    async step() {
      times.set(entity, [...(times.get(entity) ?? []), clock.now().getTime()]);
      return { done: true, calls: 1, scan: "full" as const, appended: 0 };
    },
  } as unknown as EntityPoller;
}

/** A poller whose first poll is a baseline of `pages` one-call steps; every poll after it is one call, counted. */
function baselineFirstPoller(entity: EntityName, pages: number, polls: Map<EntityName, number>) {
  let left = pages;
  const poller = {
    entity,
    declared: ["CREATED"],
    get inProgress() {
      return left > 0 && left < pages;
    },
    async step() {
      if (left > 0) {
        left--;
        return { done: left === 0, calls: 1, scan: "baseline" as const, appended: 0 };
      }
      polls.set(entity, (polls.get(entity) ?? 0) + 1);
      return { done: true, calls: 1, scan: "incremental" as const, appended: 0 };
    },
  } as unknown as EntityPoller;
  return { poller, baselineDone: () => left === 0 };
}

const XERO_KINDS: EntityName[] = ["Contact", "Invoice", "Bill", "CreditNote", "Payment", "Quote", "BankTransaction"];
const settings: ScheduleSettings = { enabled: true, budgetPerMinute: 60, share: 0.5, minIntervalMs: 1_000, reconcileIntervalMs: 15 * 60_000 };

interface Simulation {
  webhookFed?: ReadonlySet<EntityName>;
  /** Kinds polled for the mirror only, and how often. */
  mirrorOnly?: ReadonlySet<EntityName>;
  mirrorRefreshMs?: number;
  minutes: number;
  lookupsPerMinute?: number;
  /** Pollers to use instead of one counting poller per Xero kind. */
  pollers?: (polls: Map<EntityName, number>) => EntityPoller[];
  /** Hands the simulation's clock to pollers that read it. */
  onClock?: (clock: { now(): Date }) => void;
}

/** Runs the scheduler over `minutes` of a hand-moved clock and counts polls per kind and the busiest minute. */
async function simulate({ webhookFed = new Set(), mirrorOnly, mirrorRefreshMs, minutes, lookupsPerMinute = 0, pollers, onClock }: Simulation) {
  let now = Date.parse("2026-11-22T06:00:00Z");
  const clock = { now: () => new Date(now) };
  onClock?.(clock);
  const polls = new Map<EntityName, number>();
  const scheduler = createOrganizationScheduler({
    pollers: pollers ? pollers(polls) : XERO_KINDS.map((e) => countingPoller(e, polls)), settings, clock, logger: silentLogger, webhookFed,
    ...(mirrorOnly ? { mirrorOnly } : {}), ...(mirrorRefreshMs ? { mirrorRefreshMs } : {}),
  });
  let busiest = 0;
  const end = now + minutes * 60_000;
  let nextLookup = now;
  while (now < end) {
    if (lookupsPerMinute && now >= nextLookup) {
      scheduler.recordCalls(1);
      nextLookup += 60_000 / lookupsPerMinute;
    }
    const next = (await scheduler.runDue()).getTime();
    busiest = Math.max(busiest, scheduler.budget().callsLastMinute);
    now = Math.min(Math.max(next, now + 100), lookupsPerMinute ? nextLookup : Number.POSITIVE_INFINITY, end);
  }
  return { polls, busiest, budget: scheduler.budget(), scheduler };
}

describe("organization scheduler", () => {
  it("without webhooks spreads the pollers' share over every kind, and never passes it", async () => {
    const { polls, busiest } = await simulate({ minutes: 10 });
    expect(busiest).toBeLessThanOrEqual(30);
    // 30 calls a minute over 7 kinds: each kind about every 14 s, about 43 polls in 10 minutes.
    for (const kind of XERO_KINDS) expect(polls.get(kind)).toBeGreaterThanOrEqual(38);
  });

  it("with webhooks, polls the webhook-fed kinds only as a safety net and gives the share to the others", async () => {
    const webhookFed = new Set<EntityName>(["Contact", "Invoice", "Bill", "CreditNote"]);
    const { polls, busiest, budget } = await simulate({ webhookFed, minutes: 10 });
    expect(busiest).toBeLessThanOrEqual(30);
    for (const kind of webhookFed) expect(polls.get(kind)).toBeLessThanOrEqual(11);
    // 30 − 4 safety-net polls a minute over 3 kinds: each about every 7 s.
    for (const kind of ["Payment", "Quote", "BankTransaction"] as const) expect(polls.get(kind)).toBeGreaterThanOrEqual(70);
    expect(budget.intervalMs).toBeLessThanOrEqual(8_000);
  });

  it("does not let webhook lookups starve the polls: they are counted apart", async () => {
    const webhookFed = new Set<EntityName>(["Contact", "Invoice", "Bill", "CreditNote"]);
    const { polls, budget } = await simulate({ webhookFed, minutes: 5, lookupsPerMinute: 25 });
    expect(budget.webhookCallsLastMinute).toBeGreaterThanOrEqual(20);
    for (const kind of ["Payment", "Quote", "BankTransaction"] as const) expect(polls.get(kind)).toBeGreaterThanOrEqual(35);
  });

  it("paces by what a whole poll costs, when a poll takes several steps (a listing of several pages)", async () => {
    let now = Date.parse("2026-11-22T06:00:00Z");
    let inProgress = false;
    const twoPages = {
      entity: "Invoice", declared: ["CREATED"],
      get inProgress() { return inProgress; },
      async step() {
        inProgress = !inProgress;
        return { done: !inProgress, calls: 1, scan: "full" as const, appended: 0 };
      },
    } as unknown as EntityPoller;
    const scheduler = createOrganizationScheduler({ pollers: [twoPages], settings, clock: { now: () => new Date(now) }, logger: silentLogger });
    for (let i = 0; i < 200; i++) now = Math.max((await scheduler.runDue()).getTime(), now + 100);
    // Two calls a poll within 30 calls a minute: a poll every 4 s, not every 2 s.
    expect(scheduler.budget().intervalMs).toBeGreaterThanOrEqual(3_800);
  });

  it("polls mirror-only kinds every mirrorRefreshMs, outside the rounds of the kinds clients wait for", async () => {
    const mirrorOnly = new Set<EntityName>(["Account", "TaxRate", "Item"]);
    const times = new Map<EntityName, number[]>();
    let clock: { now(): Date } = { now: () => new Date() };
    const { polls, busiest, budget } = await simulate({
      mirrorOnly, mirrorRefreshMs: 120_000, minutes: 10,
      pollers: (counts) => [
        ...XERO_KINDS.map((e) => countingPoller(e, counts)),
        ...[...mirrorOnly].map((e) => timedPoller(e, { now: () => clock.now() }, times)),
      ],
      onClock: (c) => (clock = c),
    });
    expect(busiest).toBeLessThanOrEqual(30);
    for (const kind of mirrorOnly) {
      const ran = times.get(kind) ?? [];
      expect(ran.length, kind).toBeGreaterThanOrEqual(4);
      expect(ran.length, kind).toBeLessThanOrEqual(5);
      for (let i = 1; i < ran.length; i++) expect(ran[i]! - ran[i - 1]!, kind).toBeGreaterThanOrEqual(120_000);
    }
    // The share less the mirror's 1.5 calls a minute, over the 7 kinds with triggers: each about every 15 s (20 s if the
    // mirror-only kinds took a turn in every round).
    expect(budget.intervalMs).toBeLessThanOrEqual(15_000);
    for (const kind of XERO_KINDS) expect(polls.get(kind), kind).toBeGreaterThanOrEqual(37);
  });

  it("does not let a baseline's many calls slow the pace after it", async () => {
    let now = Date.parse("2026-11-22T06:00:00Z");
    const clock = { now: () => new Date(now) };
    const polls = new Map<EntityName, number>();
    const invoices = baselineFirstPoller("Invoice", 20, polls);
    const others = XERO_KINDS.filter((kind) => kind !== "Invoice");
    const scheduler = createOrganizationScheduler({ pollers: [invoices.poller, ...others.map((e) => countingPoller(e, polls))], settings, clock, logger: silentLogger });
    const pace = scheduler.budget().intervalMs;
    let busiest = 0;
    while (!invoices.baselineDone()) {
      now = Math.max((await scheduler.runDue()).getTime(), now + 100);
      busiest = Math.max(busiest, scheduler.budget().callsLastMinute);
    }
    // 30 calls a minute over 7 kinds of one call a poll: every 14 s, before the baseline and after it.
    expect(pace).toBe(14_000);
    expect(scheduler.budget().intervalMs).toBe(pace);
    expect(busiest).toBeLessThanOrEqual(30);

    const runFor = async (ms: number) => {
      const end = now + ms;
      while (now < end) {
        now = Math.min(Math.max((await scheduler.runDue()).getTime(), now + 100), end);
        busiest = Math.max(busiest, scheduler.budget().callsLastMinute);
      }
    };
    // The rolling minute still holds the baseline's calls for a minute; then every kind is polled at the pace again.
    await runFor(60_000);
    const before = new Map(polls);
    await runFor(5 * 60_000);
    for (const kind of XERO_KINDS) expect((polls.get(kind) ?? 0) - (before.get(kind) ?? 0), kind).toBeGreaterThanOrEqual(20);
    expect(scheduler.budget().intervalMs).toBe(pace);
    expect(busiest).toBeLessThanOrEqual(30);
  });

  it("stops at once when a write was refused because the poll lease passed to another instance (no retries), and when its signal aborts", async () => {
    let now = 0;
    const clock = { now: () => new Date(now) };
    const polls = new Map<EntityName, number>();
    let steps = 0;
    const fencedOut: EntityPoller = {
      entity: "Invoice", declared: ["CREATED"], inProgress: false,
      async step() {
        steps++;
        throw new PollStepError(new MirrorFencedError("org_1", "Invoice", 3, 4), 1);
      },
    } as unknown as EntityPoller;
    const scheduler = createOrganizationScheduler({ pollers: [fencedOut, countingPoller("Contact", polls)], settings, clock, logger: silentLogger });
    await expect(scheduler.runDue()).rejects.toBeInstanceOf(MirrorFencedError);
    expect(steps).toBe(1);

    const lost = new AbortController();
    lost.abort();
    now += 60_000;
    await scheduler.runDue(lost.signal);
    expect(steps).toBe(1);
    expect(polls.get("Contact") ?? 0).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { createOrganizationScheduler } from "./organization-scheduler.js";
import type { EntityPoller } from "../entity-poller.js";
import type { EntityName } from "../../connector/entities.js";
import type { ScheduleSettings } from "./schedule-settings.js";
import { silentLogger } from "../../infra/logger.js";

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

const XERO_KINDS: EntityName[] = ["Contact", "Invoice", "Bill", "CreditNote", "Payment", "Quote", "BankTransaction"];
const settings: ScheduleSettings = { enabled: true, budgetPerMinute: 60, share: 0.5, minIntervalMs: 1_000, reconcileIntervalMs: 15 * 60_000 };

/** Runs the scheduler over `minutes` of a hand-moved clock and counts polls per kind and the busiest minute. */
async function simulate(webhookFed: ReadonlySet<EntityName>, minutes: number, lookupsPerMinute = 0) {
  let now = Date.parse("2026-11-22T06:00:00Z");
  const clock = { now: () => new Date(now) };
  const polls = new Map<EntityName, number>();
  const scheduler = createOrganizationScheduler({ pollers: XERO_KINDS.map((e) => countingPoller(e, polls)), settings, clock, logger: silentLogger, webhookFed });
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
  return { polls, busiest, budget: scheduler.budget() };
}

describe("organization scheduler", () => {
  it("without webhooks spreads the pollers' share over every kind, and never passes it", async () => {
    const { polls, busiest } = await simulate(new Set(), 10);
    expect(busiest).toBeLessThanOrEqual(30);
    // 30 calls a minute over 7 kinds: each kind about every 14 s, about 43 polls in 10 minutes.
    for (const kind of XERO_KINDS) expect(polls.get(kind)).toBeGreaterThanOrEqual(38);
  });

  it("with webhooks, polls the webhook-fed kinds only as a safety net and gives the share to the others", async () => {
    const webhookFed = new Set<EntityName>(["Contact", "Invoice", "Bill", "CreditNote"]);
    const { polls, busiest, budget } = await simulate(webhookFed, 10);
    expect(busiest).toBeLessThanOrEqual(30);
    for (const kind of webhookFed) expect(polls.get(kind)).toBeLessThanOrEqual(11);
    // 30 − 4 safety-net polls a minute over 3 kinds: each about every 7 s.
    for (const kind of ["Payment", "Quote", "BankTransaction"] as const) expect(polls.get(kind)).toBeGreaterThanOrEqual(70);
    expect(budget.intervalMs).toBeLessThanOrEqual(8_000);
  });

  it("does not let webhook lookups starve the polls: they are counted apart", async () => {
    const webhookFed = new Set<EntityName>(["Contact", "Invoice", "Bill", "CreditNote"]);
    const { polls, budget } = await simulate(webhookFed, 5, 25);
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
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTriggerLedgerline, type TriggerLedgerline } from "./support.js";

/**
 * Xero's daily limit end to end: the real gateway on its Xero sandbox, pollers run by the test on the
 * gateway's hand-moved clock (the sandbox keeps real time), upstream calls counted at the sandbox.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const LIVE_INVOICES = `query($o: ID!) { organization(id: $o) { invoices(first: 3, source: LIVE) { edges { node { remoteId } } } } }`;
const BUDGET = `query($o: ID!) { organization(id: $o) { triggerBudget { budgetPerMinute pollerLimitPerMinute budgetPerDay pollerLimitPerDay callsLastDay intervalSeconds } } }`;

let nowMs = Date.now();
const clock = { now: () => new Date(nowMs) };

/** Accounting API requests the sandbox answered for its organization (token refreshes are not API calls). */
const apiCalls = (t: TriggerLedgerline) => Object.values(t.xero.stats.byTenant).reduce((sum, n) => sum + n, 0);

/** Runs the organization's pollers over `ms` of the gateway's clock, jumping to each moment something is due. */
async function runFor(t: TriggerLedgerline, ms: number) {
  const end = nowMs + ms;
  while (nowMs < end) {
    const next = (await t.runtime.runDue(t.organizationId))?.getTime() ?? end;
    nowMs = Math.min(end, Math.max(nowMs + 1_000, next));
  }
}

describe("a tiny daily limit (50 calls a day) on the Xero sandbox", { timeout: 120_000 }, () => {
  let t: TriggerLedgerline;
  beforeAll(async () => {
    t = await startTriggerLedgerline({ clock, env: { LEDGERLINE_KEY_BUDGET_PERCENT: "100" } });
    // The organization's connector settings say 50 calls a day, before anything has made a call.
    const organization = (await t.app.services.organizations.get(t.organizationId))!;
    const limits = { ...(organization.settings.limits as Record<string, unknown> | undefined), perDay: 50 };
    await t.app.services.organizations.update({ ...organization, settings: { ...organization.settings, limits } });
  });
  afterAll(() => t?.close());

  it("the pollers stop at their half; a LIVE query still gets its part; past the limit nothing reaches the sandbox", async () => {
    const start = apiCalls(t);
    const startedAt = nowMs;
    await runFor(t, 2 * HOUR);
    const scheduler = (await t.runtime.scheduler(t.organizationId))!;
    const pollerCalls = apiCalls(t) - start;
    expect(scheduler.budget()).toMatchObject({ budgetPerDay: 50, pollerLimitPerDay: 25, callsLastDay: pollerCalls });
    expect(pollerCalls).toBeGreaterThan(0);
    expect(pollerCalls).toBeLessThanOrEqual(25);
    const { triggerBudget } = (await t.run(BUDGET, { o: t.organizationId })).organization;
    expect(triggerBudget).toMatchObject({ budgetPerMinute: 60, pollerLimitPerMinute: 30, budgetPerDay: 50, pollerLimitPerDay: 25, callsLastDay: pollerCalls });

    // Hours later (still within the day) the pollers have made no more calls.
    await runFor(t, 6 * HOUR);
    expect(apiCalls(t) - start).toBe(pollerCalls);

    // An interactive LIVE read goes through: the pollers never touch the interactive part of the day.
    const before = apiCalls(t);
    expect((await t.run(LIVE_INVOICES, { o: t.organizationId })).organization.invoices.edges.length).toBe(3);
    expect(apiCalls(t) - before).toBeGreaterThan(0);

    // Reading on, a LIVE query a minute, until the day refuses one.
    let refusal: { message: string; extensions?: Record<string, any> } | undefined;
    for (let i = 0; i < 60 && !refusal; i++) {
      nowMs += MINUTE;
      const { body } = await t.post(LIVE_INVOICES, { o: t.organizationId });
      refusal = body.errors?.[0];
    }
    expect(refusal?.extensions).toMatchObject({ code: "PROVIDER_RATE_LIMITED", budgetPeriod: "DAY" });
    expect(refusal!.extensions!.retryAfterSeconds).toBeGreaterThan(60);
    expect(refusal!.message).toMatch(/Try again in \d+ seconds|try live reads and writes again in \d+ seconds/);
    const spent = apiCalls(t) - start;
    expect(spent).toBeLessThanOrEqual(50);

    // A refused read sends nothing; the pollers keep within their half for the rest of the day, and the day within its 50.
    const refusedAgain = await t.post(LIVE_INVOICES, { o: t.organizationId });
    expect(refusedAgain.body.errors?.[0]?.extensions).toMatchObject({ code: "PROVIDER_RATE_LIMITED", budgetPeriod: "DAY" });
    expect(apiCalls(t) - start).toBe(spent);
    await runFor(t, 12 * HOUR);
    expect(scheduler.budget().callsLastDay).toBeLessThanOrEqual(25);
    expect(apiCalls(t) - start).toBeLessThanOrEqual(50);
    const dayTotal = apiCalls(t) - start;

    // Once the window has rolled past the first calls, the pollers go on and a LIVE read goes through again.
    expect(nowMs).toBeLessThan(startedAt + DAY);
    nowMs = startedAt + DAY + 5 * MINUTE;
    await runFor(t, 10 * MINUTE);
    expect(apiCalls(t) - start).toBeGreaterThan(dayTotal);
    // The interactive reads were made hours after the pollers' calls: a LIVE read goes through again at the time the refusal named.
    const retryAt = Date.parse(refusedAgain.body.errors![0]!.extensions!.retryAt);
    expect(retryAt).toBeGreaterThan(nowMs);
    nowMs = retryAt;
    const again = await t.post(LIVE_INVOICES, { o: t.organizationId });
    expect(again.body.errors).toBeUndefined();
  });
});

describe("a simulated day of an idle Xero organization on Xero's Starter plan, 1,000 calls a day (webhooks on, as npm start)", { timeout: 120_000 }, () => {
  let t: TriggerLedgerline;
  beforeAll(async () => {
    // The sandbox's own real-time limits are lifted: a day of the gateway's clock passes in seconds.
    t = await startTriggerLedgerline({ clock, sandboxLimits: "relaxed", sandboxWebhooks: true });
    const organization = (await t.app.services.organizations.get(t.organizationId))!;
    await t.app.services.organizations.update({ ...organization, settings: { ...organization.settings, triggers: { budgetPerDay: 1_000 } } });
  });
  afterAll(() => t?.close());

  it("the pollers make at most their 500 calls in the day, counted at the sandbox, and every kind is still polled", async () => {
    const start = apiCalls(t);
    const dayStart = nowMs;
    await runFor(t, DAY);
    const calls = apiCalls(t) - start;
    const scheduler = (await t.runtime.scheduler(t.organizationId))!;
    expect(scheduler.budget()).toMatchObject({ budgetPerDay: 1_000, pollerLimitPerDay: 500 });
    expect(scheduler.budget().callsLastDay).toBe(calls);
    expect(calls).toBeLessThanOrEqual(500);
    // It uses its share to detect changes, not a sliver of it.
    expect(calls).toBeGreaterThan(0.8 * 500);
    for (const poller of scheduler.status()) {
      expect(poller.lastError, poller.entity).toBeNull();
      expect(poller.lastRunAt!.getTime(), poller.entity).toBeGreaterThan(dayStart + DAY - 4 * HOUR);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTriggerLedgerline, type TriggerLedgerline } from "./support.js";

/** The gateway's clock, moved by the test one second at a time. */
let nowMs = Date.now();
const clock = { now: () => new Date(nowMs) };
const MINUTE = 60_000;

/** The largest number of calls in any 60-second window of (second → calls) samples. */
function busiestMinute(samples: Array<{ at: number; calls: number }>): number {
  return Math.max(...samples.map((s) => samples.filter((o) => o.at > s.at - MINUTE && o.at <= s.at).reduce((sum, o) => sum + o.calls, 0)));
}

describe("budget-aware scheduling (Xero sandbox, hand-moved clock)", () => {
  let t: TriggerLedgerline;
  beforeAll(async () => {
    // The sandbox's own real-time limits are lifted: ten simulated minutes pass in a few real seconds. No daily
    // limit here (this is the per-minute share; the daily one is tested in ./daily-budget.test.ts).
    t = await startTriggerLedgerline({ sandboxLimits: "relaxed", clock, env: { LEDGERLINE_TRIGGER_DAILY_BUDGET_XERO: "0" } });
  });
  afterAll(() => t?.close());

  it("with the default budget the pollers stay within half of Xero's 60 calls a minute, and use that half", async () => {
    const scheduler = (await t.runtime.scheduler(t.organizationId))!;
    expect(scheduler.budget()).toMatchObject({ budgetPerMinute: 60, pollerLimitPerMinute: 30 });
    const start = nowMs;
    const served: Array<{ at: number; calls: number }> = [];
    let seen: number = t.xero.stats.total;
    for (let second = 0; second < 10 * 60; second++) {
      nowMs = start + second * 1000;
      await t.runtime.runDue(t.organizationId);
      served.push({ at: nowMs, calls: t.xero.stats.total - seen });
      seen = t.xero.stats.total;
      expect(scheduler.budget().callsLastMinute).toBeLessThanOrEqual(30);
    }
    // Counted at the sandbox, independently of the gateway's own accounting.
    expect(busiestMinute(served)).toBeLessThanOrEqual(30);
    const total = served.reduce((sum, s) => sum + s.calls, 0);
    expect(total).toBeGreaterThan(0.8 * 30 * 9);

    const pollers = scheduler.status();
    // Every entity Xero can list is polled: those with triggers at the budget's pace, the others (mirror only) every two minutes.
    const withTriggers = ["BankTransaction", "Bill", "Contact", "CreditNote", "Invoice", "Payment", "Quote"];
    const mirrorOnly = ["Account", "Item", "PurchaseOrder", "TaxRate", "TrackingCategory"];
    expect(pollers.map((p) => p.entity).sort()).toEqual([...withTriggers, ...mirrorOnly].sort());
    for (const poller of pollers) {
      expect(poller.lastError).toBeNull();
      expect(poller.lastRunAt!.getTime()).toBeGreaterThan(start + (withTriggers.includes(poller.entity) ? 9 : 7.9) * MINUTE);
    }
    const intervalMs = scheduler.budget().intervalMs;
    expect(intervalMs).toBeGreaterThanOrEqual((60_000 * 7) / 30);
    expect(intervalMs).toBeLessThan(30_000);
  });

  it("the state query shows each poller and the budget", async () => {
    const data = await t.run(`query($o: ID!) { organization(id: $o) {
      triggers { entity changes strategy baselineAt lastRunAt nextRunAt lastError eventsEmitted callsLastMinute recordsTracked }
      triggerBudget { budgetPerMinute pollerLimitPerMinute callsLastMinute intervalSeconds }
    } }`, { o: t.organizationId });
    const { triggers, triggerBudget } = data.organization;
    expect(triggerBudget).toMatchObject({ budgetPerMinute: 60, pollerLimitPerMinute: 30 });
    expect(triggerBudget.callsLastMinute).toBeLessThanOrEqual(30);
    const invoice = triggers.find((p: { entity: string }) => p.entity === "Invoice");
    expect(invoice).toMatchObject({ changes: ["CREATED", "UPDATED", "VOIDED", "DELETED"], strategy: "INCREMENTAL", lastError: null, eventsEmitted: 0 });
    expect(invoice.recordsTracked).toBe(t.xero.books.invoices.filter((i) => i.Type === "ACCREC").length);
    expect(Date.parse(invoice.nextRunAt)).toBeGreaterThan(Date.parse(invoice.lastRunAt));
    expect(triggers.reduce((sum: number, p: { callsLastMinute: number }) => sum + p.callsLastMinute, 0)).toBe(triggerBudget.callsLastMinute);
  });
});

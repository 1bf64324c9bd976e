import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestLedgerline, type TestLedgerline } from "../e2e/start-test-ledgerline.js";
import { subscribe, wsClient } from "./ws-subscriber.js";

const STATE = `{ organizations { id provider triggers { entity strategy baselineAt lastError nextRunAt } triggerBudget { budgetPerMinute pollerLimitPerMinute } } }`;

interface OrganizationState {
  provider: string;
  triggers: Array<{ entity: string; strategy: string; baselineAt: string | null; lastError: string | null; nextRunAt: string | null }>;
  triggerBudget: { budgetPerMinute: number; pollerLimitPerMinute: number } | null;
}

describe("triggers start with the gateway", () => {
  let t: TestLedgerline;
  beforeAll(async () => {
    // Clientary's conservative default (30 calls a minute, half for pollers) would stretch its baselines over minutes.
    t = await startTestLedgerline({ env: { LEDGERLINE_TRIGGERS: "on", LEDGERLINE_TRIGGER_BUDGET_CLIENTARY: "600" }, sandboxLimits: "relaxed" });
  });
  afterAll(() => t?.close());

  const organizations = async () => (await t.post(STATE)).body.data!.organizations as OrganizationState[];

  it("every poller of the three embedded organizations takes its baseline on its own, without errors", async () => {
    await expect.poll(async () => (await organizations()).flatMap((o) => o.triggers).every((p) => p.baselineAt !== null), { timeout: 20_000, interval: 250 }).toBe(true);
    const orgs = await organizations();
    const byProvider = Object.fromEntries(orgs.map((o) => [o.provider, o]));
    expect(byProvider.XERO!.triggers.map((p) => p.entity).sort()).toEqual(["BankTransaction", "Bill", "Contact", "CreditNote", "Invoice", "Payment", "Quote"]);
    expect(byProvider.DAFTRA!.triggers.map((p) => p.entity).sort()).toEqual(["Contact", "Invoice", "Item", "Quote"]);
    expect(byProvider.CLIENTARY!.triggers.map((p) => p.entity).sort()).toEqual(["Contact", "Expense", "Invoice", "Lead", "Payment", "Project", "Quote", "Staff", "Task"]);
    expect(byProvider.XERO!.triggerBudget).toEqual({ budgetPerMinute: 60, pollerLimitPerMinute: 30 });
    expect(byProvider.DAFTRA!.triggerBudget).toEqual({ budgetPerMinute: 120, pollerLimitPerMinute: 60 });
    expect(byProvider.CLIENTARY!.triggerBudget).toEqual({ budgetPerMinute: 600, pollerLimitPerMinute: 300 });
    for (const poller of orgs.flatMap((o) => o.triggers)) {
      expect(poller.lastError, poller.entity).toBeNull();
      expect(poller.nextRunAt).not.toBeNull();
    }
    expect(byProvider.DAFTRA!.triggers.every((p) => p.strategy === "FULL_LISTING")).toBe(true);
    expect(byProvider.XERO!.triggers.every((p) => p.strategy === "INCREMENTAL")).toBe(true);
  });

  it("capabilities list the triggers each entity declares", async () => {
    const { body } = await t.post(`query($o: ID!) { organization(id: $o) { capabilities { subject operation supported } } }`, { o: t.organizationId });
    const rows = body.data!.organization.capabilities as Array<{ subject: string; operation: string; supported: boolean }>;
    const triggers = (subject: string) => rows.filter((r) => r.subject === subject && r.operation.startsWith("trigger:") && r.supported).map((r) => r.operation);
    expect(triggers("Invoice")).toEqual(["trigger:created", "trigger:updated", "trigger:deleted", "trigger:voided"]);
    expect(triggers("Contact")).toEqual(["trigger:created", "trigger:updated"]);
    expect(triggers("Account")).toEqual([]);
  });
});

describe("LEDGERLINE_TRIGGERS=off", () => {
  it("starts nothing; subscriptions say events are off; the state query is empty", async () => {
    const t = await startTestLedgerline();
    try {
      expect(t.app.triggers).toBeUndefined();
      const { body } = await t.post(`query($o: ID!) { organization(id: $o) { triggers { entity } triggerBudget { budgetPerMinute } } }`, { o: t.organizationId });
      expect(body.data!.organization).toEqual({ triggers: [], triggerBudget: null });
      const subscriber = subscribe(wsClient(t.app.wsUrl, t.app.localApiKey!), "subscription { events { id } }", {}, "events");
      await expect.poll(() => subscriber.errors.length).toBe(1);
      expect(subscriber.errors[0]).toMatchObject({ extensions: { code: "NOT_SUPPORTED" }, message: expect.stringContaining("LEDGERLINE_TRIGGERS") });
      await subscriber.stop();
    } finally {
      await t.close();
    }
  });
});

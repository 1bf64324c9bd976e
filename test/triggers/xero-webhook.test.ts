import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signXeroWebhook } from "../../src/triggers/index.js";
import { createInvoice, newEvents, startTriggerLedgerline, summary, UPDATE_INVOICE, type TriggerLedgerline } from "./support.js";

const WEBHOOK_KEY = "xero-webhook-key-for-tests-0123456789";

describe("Xero webhook ingress", () => {
  let t: TriggerLedgerline;
  let url: string;
  const count = async () => (await t.allEvents()).length;
  const deliver = (body: string, signature: string | null) =>
    fetch(url, { method: "POST", headers: { "content-type": "application/json", ...(signature === null ? {} : { "x-xero-signature": signature }) }, body });
  const signed = (body: string) => deliver(body, signXeroWebhook(Buffer.from(body), WEBHOOK_KEY));
  const payload = (events: Array<{ id: string; category?: string; type?: string; tenantId?: string }>) =>
    JSON.stringify({
      events: events.map((e) => ({
        resourceUrl: `https://api.xero.com/api.xro/2.0/Invoices/${e.id}`, resourceId: e.id, eventDateUtc: "2026-11-22T09:30:00.123",
        eventType: e.type ?? "UPDATE", eventCategory: e.category ?? "INVOICE", tenantId: e.tenantId ?? t.xero.tenantId, tenantType: "ORGANISATION",
      })),
      firstEventSequence: 1, lastEventSequence: events.length, entropy: "QWERTYUIOPASDFGHJKLZ",
    });

  beforeAll(async () => {
    t = await startTriggerLedgerline({ env: { XERO_WEBHOOK_KEY: WEBHOOK_KEY } });
    url = new URL("/webhooks/xero", t.app.url).toString();
    await t.poll("Invoice");
    await t.poll("Bill");
  });
  afterAll(() => t?.close());

  describe("intent to receive", () => {
    const handshake = JSON.stringify({ events: [], firstEventSequence: 0, lastEventSequence: 0, entropy: "FXNGWLCCGVANWHKILRUB" });
    it("a correctly signed delivery gets 200 with an empty body", async () => {
      const response = await signed(handshake);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe("");
      expect(response.headers.get("set-cookie")).toBeNull();
    });
    it("unsigned, tampered or signed with another key: 401", async () => {
      expect((await deliver(handshake, null)).status).toBe(401);
      expect((await deliver(handshake.replace("FXNG", "FXNH"), signXeroWebhook(Buffer.from(handshake), WEBHOOK_KEY))).status).toBe(401);
      expect((await deliver(handshake, signXeroWebhook(Buffer.from(handshake), "another-key-0123456789"))).status).toBe(401);
      expect((await deliver(handshake, "not base64 at all")).status).toBe(401);
    });
  });

  it("a signed INVOICE UPDATE is one INVOICE_UPDATED event, also when the poller sees the same change afterwards", async () => {
    const invoice = await createInvoice(t);
    await t.poll("Invoice");
    const before = await count();
    await t.run(UPDATE_INVOICE, { id: invoice.id, input: { reference: "From the webhook" } });
    expect((await signed(payload([{ id: invoice.remoteId }]))).status).toBe(200);
    await t.runtime.webhooksIdle();
    const events = await newEvents(t, before);
    expect(summary(events)).toEqual([`INVOICE_UPDATED ${invoice.remoteId}`]);
    expect(events[0]!.record).toMatchObject({ reference: "From the webhook" });

    await t.poll("Invoice");
    expect((await signed(payload([{ id: invoice.remoteId }]))).status).toBe(200);
    await t.runtime.webhooksIdle();
    expect(summary(await newEvents(t, before))).toEqual([`INVOICE_UPDATED ${invoice.remoteId}`]);
  });

  it("the poller first, the webhook after: still one event", async () => {
    const invoice = await createInvoice(t);
    await t.poll("Invoice");
    const before = await count();
    await t.run(UPDATE_INVOICE, { id: invoice.id, input: { reference: "Poller first" } });
    await t.poll("Invoice");
    await signed(payload([{ id: invoice.remoteId }]));
    await t.runtime.webhooksIdle();
    expect(summary(await newEvents(t, before))).toEqual([`INVOICE_UPDATED ${invoice.remoteId}`]);
  });

  it("a CREATE for a new invoice is INVOICE_CREATED at once (not UPDATED); a bill's INVOICE event is a BILL event", async () => {
    const before = await count();
    const invoice = await createInvoice(t);
    const bill = t.xero.books.invoices.find((i) => i.Type === "ACCPAY" && i.Status === "AUTHORISED")!;
    bill.Reference = "Changed at the provider";
    bill.UpdatedDateUTC = new Date().toISOString();
    await signed(payload([{ id: invoice.remoteId, type: "CREATE" }, { id: bill.InvoiceID }]));
    await t.runtime.webhooksIdle();
    await t.poll("Invoice");
    await t.poll("Bill");
    expect(summary(await newEvents(t, before))).toEqual([`INVOICE_CREATED ${invoice.remoteId}`, `BILL_UPDATED ${bill.InvoiceID}`]);
  });

  it("events of an organisation not connected here are acknowledged and ignored", async () => {
    const before = await count();
    const invoice = t.xero.books.invoices.find((i) => i.Type === "ACCREC")!;
    expect((await signed(payload([{ id: invoice.InvoiceID, tenantId: "00000000-0000-0000-0000-000000000001" }]))).status).toBe(200);
    await t.runtime.webhooksIdle();
    expect(await count()).toBe(before);
  });
});

describe("without XERO_WEBHOOK_KEY", () => {
  it("there is no webhook route", async () => {
    const t = await startTriggerLedgerline();
    try {
      const response = await fetch(new URL("/webhooks/xero", t.app.url), { method: "POST", body: "{}" });
      expect(response.status).toBe(404);
    } finally {
      await t.close();
    }
  });
});

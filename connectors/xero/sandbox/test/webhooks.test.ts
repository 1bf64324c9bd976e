/**
 * Webhooks over real HTTP: a node:http receiver gets signed payloads for API writes (and for
 * simulated activity), batched within the window with increasing sequence numbers; failures are
 * retried in order; intent to receive tells a verifying endpoint from one that accepts anything.
 */
import { createHmac } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { XeroSandbox } from "../server.js";
import type { SandboxWebhookOptions, WebhookDeliveryStats } from "../webhooks/index.js";
import { api, clientCredentialsToken, startSandbox } from "./harness.js";
import { checkSignature, startReceiver, type Receiver, type Responder } from "./webhook-receiver.js";

const KEY = "c2FuZGJveC13ZWJob29rLWtleQ==";
const EVENT_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/;
let sandbox: XeroSandbox;
let token: string;
const receivers: Receiver[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ limits: { perMinute: 10_000 } });
  token = await clientCredentialsToken(sandbox);
});
afterEach(async () => {
  sandbox.configureWebhooks(null);
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});
afterAll(() => sandbox.close());

const send = (method: string, path: string, body?: unknown) => api(sandbox, token, path, { method, body });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function receiver(respond: Responder = checkSignature, options: Partial<SandboxWebhookOptions> = {}): Promise<Receiver> {
  const r = await startReceiver(KEY, respond);
  receivers.push(r);
  sandbox.configureWebhooks({ url: r.url, key: KEY, delayMs: 30, ...options });
  return r;
}

function customerId(): string {
  return sandbox.books.contacts.find((c) => c.ContactStatus === "ACTIVE" && c.IsCustomer)!.ContactID;
}

function invoice(contactId: string, status = "AUTHORISED") {
  return {
    Invoices: [{
      Type: "ACCREC", Contact: { ContactID: contactId }, Date: "2026-03-10", DueDate: "2026-04-09", Status: status,
      LineItems: [{ Description: "Consulting", Quantity: 2, UnitAmount: 150, AccountCode: "200" }],
    }],
  };
}

/** Counters moved since `before` (the sandbox's delivery counters run for its whole life). */
function since(before: WebhookDeliveryStats): Pick<WebhookDeliveryStats, "sent" | "eventsSent" | "failed" | "dropped"> {
  const now = sandbox.webhookStats();
  return { sent: now.sent - before.sent, eventsSent: now.eventsSent - before.eventsSent, failed: now.failed - before.failed, dropped: now.dropped - before.dropped };
}

const brief = (events: any[]) => events.map((e) => `${e.eventCategory} ${e.eventType} ${e.resourceId}`);

describe("delivery", () => {
  test("an invoice written over HTTP arrives as one signed INVOICE CREATE event, whose resourceUrl reads it back", async () => {
    const before = sandbox.webhookStats();
    const r = await receiver();
    const res = await send("PUT", "/Invoices", invoice(customerId()));
    expect(res.status, res.text).toBe(200);
    const id = res.json.Invoices[0].InvoiceID;

    await r.waitFor(1);
    await sleep(150);
    expect(r.deliveries).toHaveLength(1);
    const [delivery] = r.deliveries;
    expect(delivery!.signed).toBe(true);
    expect(delivery!.headers["x-xero-signature"]).toBe(createHmac("sha256", KEY).update(delivery!.raw).digest("base64"));
    expect(delivery!.headers["content-type"]).toMatch(/^application\/json/);
    const payload = delivery!.payload;
    expect(payload.events).toEqual([{
      resourceUrl: `${sandbox.url}/api.xro/2.0/Invoices/${id}`, resourceId: id, eventDateUtc: expect.stringMatching(EVENT_DATE),
      eventType: "CREATE", eventCategory: "INVOICE", tenantId: sandbox.tenantId, tenantType: "ORGANISATION",
    }]);
    expect(payload.firstEventSequence).toBeGreaterThanOrEqual(1);
    expect(payload.lastEventSequence).toBe(payload.firstEventSequence);
    expect(payload.entropy).toMatch(/^[A-Z]{20}$/);
    await sandbox.flushWebhooks();
    expect(since(before)).toEqual({ sent: 1, eventsSent: 1, failed: 0, dropped: 0 });
    expect(sandbox.webhookStats()).toMatchObject({ pending: 0, lastStatus: 200 });

    const fetched = await fetch(payload.events[0].resourceUrl, { headers: { Authorization: `Bearer ${token}`, "xero-tenant-id": sandbox.tenantId, Accept: "application/json" } });
    expect(((await fetched.json()) as any).Invoices[0].InvoiceID).toBe(id);
  });

  test("writes within the batching window share one payload, in order, with increasing sequence numbers", async () => {
    const r = await receiver(checkSignature, { delayMs: 500 });
    const contact = (await send("PUT", "/Contacts", { Contacts: [{ Name: "Webhook Batch Co" }] })).json.Contacts[0].ContactID;
    const draft = (await send("PUT", "/Invoices", invoice(contact, "DRAFT"))).json.Invoices[0];
    expect((await send("POST", `/Invoices/${draft.InvoiceID}`, { Invoices: [{ Status: "AUTHORISED" }] })).status).toBe(200);
    const note = await send("PUT", "/CreditNotes", {
      CreditNotes: [{ Type: "ACCRECCREDIT", Contact: { ContactID: contact }, Date: "2026-03-11", Status: "AUTHORISED", LineItems: [{ Description: "Goodwill", Quantity: 1, UnitAmount: 20, AccountCode: "200" }] }],
    });
    expect(note.status, note.text).toBe(200);
    const noteId = note.json.CreditNotes[0].CreditNoteID;

    await r.waitFor(1);
    const first = r.deliveries[0]!.payload;
    expect(brief(first.events)).toEqual([`CONTACT CREATE ${contact}`, `INVOICE CREATE ${draft.InvoiceID}`, `INVOICE UPDATE ${draft.InvoiceID}`, `CREDITNOTE CREATE ${noteId}`]);
    expect(first.events[3].data).toEqual({ Type: "ACCRECCREDIT", Status: "AUTHORISED" });
    expect(first.lastEventSequence - first.firstEventSequence).toBe(3);

    const bank = await send("PUT", "/Payments", { Payments: [{ Invoice: { InvoiceID: draft.InvoiceID }, Account: { Code: "090" }, Date: "2026-03-12", Amount: 10 }] });
    expect(bank.status, bank.text).toBe(200);
    await r.waitFor(2);
    const second = r.deliveries[1]!.payload;
    expect(brief(second.events)).toEqual([`INVOICE UPDATE ${draft.InvoiceID}`]);
    expect(second.firstEventSequence).toBe(first.lastEventSequence + 1);
  });

  test("a refused delivery is retried with back-off, with the same body, and later events follow in order", async () => {
    const before = sandbox.webhookStats();
    const r = await receiver((d, index) => (index < 2 ? { status: 503 } : checkSignature(d, index)), { retry: { baseMs: 40, maxMs: 100 } });
    const id = customerId();
    expect((await send("POST", `/Contacts/${id}`, { Contacts: [{ FirstName: "Retry" }] })).status).toBe(200);
    await r.waitFor(1);
    expect((await send("PUT", "/Invoices", invoice(id))).status).toBe(200);

    await r.waitFor(4);
    const [a, b, c, d] = r.deliveries.map((x) => x.payload);
    expect(r.deliveries.slice(0, 3).map((x) => x.raw.toString())).toEqual(Array(3).fill(r.deliveries[0]!.raw.toString()));
    expect(brief(a.events)).toEqual([`CONTACT UPDATE ${id}`]);
    expect(b.firstEventSequence).toBe(a.firstEventSequence);
    expect(d.events[0].eventCategory).toBe("INVOICE");
    expect(d.firstEventSequence).toBe(c.lastEventSequence + 1);
    await sandbox.flushWebhooks();
    expect(since(before)).toEqual({ sent: 2, eventsSent: 2, failed: 2, dropped: 0 });
    expect(sandbox.webhookStats()).toMatchObject({ pending: 0, lastStatus: 200 });
  });

  test("an unreachable endpoint counts failures; pointing the sandbox at a live one delivers what was pending", async () => {
    const gone = await startReceiver(KEY);
    await gone.close();
    const before = sandbox.webhookStats();
    sandbox.configureWebhooks({ url: gone.url, key: KEY, delayMs: 10, retry: { baseMs: 30, maxMs: 60 } });
    const contact = (await send("PUT", "/Contacts", { Contacts: [{ Name: "Unreachable Receiver Co" }] })).json.Contacts[0].ContactID;
    for (let i = 0; i < 100 && since(before).failed < 2; i++) await sleep(20);
    expect(since(before).failed).toBeGreaterThanOrEqual(2);
    expect(since(before).sent).toBe(0);
    expect(sandbox.webhookStats()).toMatchObject({ pending: 1, lastError: expect.stringMatching(/ECONNREFUSED|fetch failed|connect/i) });

    const r = await receiver(checkSignature, { delayMs: 10, retry: { baseMs: 30, maxMs: 60 } });
    await sandbox.flushWebhooks();
    expect(r.payloads().flatMap((p) => brief(p.events))).toEqual([`CONTACT CREATE ${contact}`]);
  });

  test("refused writes and history notes announce nothing", async () => {
    const r = await receiver();
    const bad = await send("PUT", "/Invoices", { Invoices: [{ Type: "ACCREC", Contact: { ContactID: customerId() }, Status: "AUTHORISED", LineItems: [] }] });
    expect(bad.status).toBe(400);
    const existing = sandbox.books.invoices[0]!.InvoiceID;
    expect((await send("PUT", `/Invoices/${existing}/History`, { HistoryRecords: [{ Details: "Left a voicemail." }] })).status).toBe(200);
    await sandbox.flushWebhooks();
    await sleep(100);
    expect(r.deliveries).toHaveLength(0);
  });

  test("simulated activity is announced like API writes", async () => {
    const r = await receiver();
    const actions = sandbox.activity.step(12);
    await sandbox.flushWebhooks();
    const announced = new Set(r.payloads().flatMap((p) => p.events.map((e: any) => e.resourceId)));
    const watched = actions.filter((a) => ["Contact", "Invoice", "CreditNote"].includes(a.entity));
    expect(watched.length).toBeGreaterThan(0);
    for (const action of watched) expect(announced, `${action.kind} ${action.id}`).toContain(action.id);
    expect(r.deliveries.every((d) => d.signed)).toBe(true);
  });
});

describe("intent to receive", () => {
  test("passes against an endpoint that checks signatures", async () => {
    const r = await receiver();
    const result = await sandbox.verifyWebhookEndpoint();
    expect(result).toMatchObject({ ok: true, url: r.url });
    expect(result.checks.map((c) => [c.signature, c.status, c.ok])).toEqual([["valid", 200, true], ["invalid", 401, true]]);
    expect(r.deliveries.map((d) => [d.signed, d.payload.events, d.payload.firstEventSequence, d.payload.lastEventSequence])).toEqual([[true, [], 0, 0], [false, [], 0, 0]]);
  });

  test("fails against an endpoint that answers 200 to anything, or answers with a body", async () => {
    await receiver(() => ({ status: 200 }));
    const lax = await sandbox.verifyWebhookEndpoint();
    expect(lax.ok).toBe(false);
    expect(lax.checks[1]).toMatchObject({ signature: "invalid", status: 200, ok: false, problem: "answered 200 instead of 401" });

    await receiver((d) => (d.signed ? { status: 200, body: "thanks" } : { status: 401 }));
    const chatty = await sandbox.verifyWebhookEndpoint();
    expect(chatty.ok).toBe(false);
    expect(chatty.checks[0]!.problem).toMatch(/empty/);
  });

  test("fails when nothing is configured or nothing listens", async () => {
    expect(await sandbox.verifyWebhookEndpoint()).toEqual({ ok: false, checks: [] });
    const gone = await startReceiver(KEY);
    await gone.close();
    sandbox.configureWebhooks({ url: gone.url, key: KEY });
    const result = await sandbox.verifyWebhookEndpoint();
    expect(result.ok).toBe(false);
    expect(result.checks[0]!.problem).toMatch(/could not connect/);
  });
});

test("a sandbox started with webhooks delivers from the start and stops retrying once closed", async () => {
  const r = await startReceiver(KEY, () => ({ status: 500 }));
  receivers.push(r);
  const own = await startSandbox({ limits: { perMinute: 10_000 }, webhooks: { url: r.url, key: KEY, delayMs: 10, retry: { baseMs: 20, maxMs: 20 } } });
  const ownToken = await clientCredentialsToken(own);
  expect((await api(own, ownToken, "/Contacts", { method: "PUT", body: { Contacts: [{ Name: "Closing Time Co" }] } })).status).toBe(200);
  await r.waitFor(2);
  await own.close();
  const seen = r.deliveries.length;
  await sleep(150);
  expect(r.deliveries.length).toBe(seen);
  expect(own.webhookStats().sent).toBe(0);
});

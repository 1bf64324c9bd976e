import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { NewEvent } from "../../src/triggers/event.js";
import { startTriggerLedgerline, type TriggerLedgerline } from "./support.js";
import { subscribe, wsClient, type Subscriber } from "./ws-subscriber.js";

const EVENTS = `subscription($filter: EventFilter) { events(filter: $filter) { id type entity organizationId provider remoteId recordId record { id } } }`;
const INVOICE_EVENTS = `subscription($filter: EntityEventFilter) { invoiceEvents(filter: $filter) { id type invoice { id } } }`;

let serial = 0;
const now = () => new Date().toISOString();

describe("subscriptions with `where` and key events", () => {
  let t: TriggerLedgerline;
  let acme: string;
  let globex: string;
  /** A sales invoice event of the sandbox organization, with the record as the log stores it. */
  const invoiceEvent = (record: { status: string; total: string; contact: string }, type = "INVOICE_UPDATED"): NewEvent => {
    const remoteId = `inv-filter-${serial++}`;
    const at = now();
    return {
      id: `evt_filter_${remoteId}`, type, entity: "Invoice", change: type === "INVOICE_CREATED" ? "CREATED" : "UPDATED", organizationId: t.organizationId, provider: "XERO" as NewEvent["provider"], remoteId, occurredAt: at, detectedAt: at,
      record: {
        id: t.globalId("Invoice", remoteId), remoteId, organizationId: t.organizationId, provider: "XERO", updatedAt: at, currency: "USD", lineAmountType: "EXCLUSIVE", lineItems: [],
        subTotal: record.total, totalTax: "0.00", total: record.total, status: record.status, amountDue: record.total, amountPaid: "0.00", amountCredited: "0.00", isOverdue: false, payments: [],
        contactRef: { remoteId: record.contact, name: record.contact },
      },
    };
  };
  const keyEvent = (apiKeyId: string): NewEvent => {
    const at = now();
    return {
      id: `evt_key_${serial++}`, type: "WEBHOOK_ENDPOINT_DISABLED", entity: "WebhookEndpoint", change: "UPDATED", organizationId: null, provider: null, remoteId: `whep_${serial}`, occurredAt: at, detectedAt: at,
      record: null, apiKeyId, subject: { id: `whep_${serial}`, status: "DISABLED" },
    };
  };
  /** Appends a marker and answers its cursor: subscriptions started `after` it see exactly what is appended next, whenever they start. */
  const mark = async () => {
    await t.runtime.log.append([invoiceEvent({ status: "DRAFT", total: "0.00", contact: "marker" })]);
    return (await t.allEvents()).at(-1)!.cursor;
  };
  const ids = (s: Subscriber<Record<string, any>>) => s.received.map((e) => e.id as string);

  beforeAll(async () => {
    t = await startTriggerLedgerline();
    acme = "c-acme";
    globex = "c-globex";
  });
  afterAll(async () => {
    await t?.close();
  });

  it("a `where` on status, total and contact.id delivers exactly the matching events, in log order", async () => {
    const key = t.app.localApiKey!;
    const after = await mark();
    const bigPaid = subscribe(wsClient(t.app.wsUrl, key), INVOICE_EVENTS, { filter: { after, where: [{ field: "status", in: ["AUTHORISED", "PAID"] }, { field: "total", gte: "1000" }] } }, "invoiceEvents");
    const acmeOnly = subscribe(wsClient(t.app.wsUrl, key), EVENTS, { filter: { after, types: ["INVOICE_CREATED", "INVOICE_UPDATED"], where: [{ field: "contact.id", eq: t.globalId("Contact", acme) }] } }, "events");
    const events = [
      invoiceEvent({ status: "PAID", total: "1000", contact: acme }), // both
      invoiceEvent({ status: "PAID", total: "999.99", contact: acme }), // acme only
      invoiceEvent({ status: "DRAFT", total: "5000.00", contact: globex }), // neither
      invoiceEvent({ status: "AUTHORISED", total: "12345678901234567.89", contact: globex }, "INVOICE_CREATED"), // bigPaid only
      invoiceEvent({ status: "VOIDED", total: "1000.00", contact: acme }), // acme only
      invoiceEvent({ status: "AUTHORISED", total: "1000.00", contact: acme }), // both: the last, so each subscriber's list is complete once it arrives
    ];
    await t.runtime.log.append(events);
    const pick = (...n: number[]) => n.map((i) => events[i]!.id);
    await bigPaid.waitFor(3);
    await acmeOnly.waitFor(4);
    expect(ids(bigPaid)).toEqual(pick(0, 3, 5));
    expect(ids(acmeOnly)).toEqual(pick(0, 1, 4, 5));
    expect(bigPaid.received[0]).toMatchObject({ type: "INVOICE_UPDATED", invoice: { id: t.globalId("Invoice", events[0]!.remoteId) } });
    await Promise.all([bigPaid.stop(), acmeOnly.stop()]);
  });

  it("an invalid `where` is refused as BAD_USER_INPUT naming the field, before any stream opens", async () => {
    const key = t.app.localApiKey!;
    const head = vi.spyOn(t.runtime.log, "head");
    const readAfter = vi.spyOn(t.runtime.log, "readAfter");
    try {
      const badValue = subscribe(wsClient(t.app.wsUrl, key), INVOICE_EVENTS, { filter: { where: [{ field: "status", eq: "PAID" }, { field: "total", gte: "1e3" }] } }, "invoiceEvents");
      const untyped = subscribe(wsClient(t.app.wsUrl, key), EVENTS, { filter: { where: [{ field: "total", gte: "1000" }] } }, "events");
      const badEnum = subscribe(wsClient(t.app.wsUrl, key), EVENTS, { filter: { types: ["INVOICE_UPDATED"], where: [{ field: "status", in: ["PAID", "SETTLED"] }] } }, "events");
      await expect.poll(() => [badValue, untyped, badEnum].map((s) => s.errors.length)).toEqual([1, 1, 1]);
      expect(badValue.errors[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", fields: [{ field: "filter.where[1].gte", message: expect.stringMatching(/plain decimal/) }] } });
      expect(untyped.errors[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", fields: [{ field: "filter.where[0].field", message: expect.stringMatching(/Name `filter\.types`/) }] } });
      expect(badEnum.errors[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", fields: [{ field: "filter.where[0].in[1]", message: expect.stringMatching(/'SETTLED' is not a value of InvoiceStatus/) }] } });
      expect(head).not.toHaveBeenCalled();
      expect(readAfter).not.toHaveBeenCalled();
      await Promise.all([badValue.stop(), untyped.stop(), badEnum.stop()]);
    } finally {
      head.mockRestore();
      readAfter.mockRestore();
    }
  });

  it("a key event reaches only its own key's subscriptions that name its type", async () => {
    const one = await t.app.services.apiKeys.create({ name: "key one", organizationIds: "*" });
    const two = await t.app.services.apiKeys.create({ name: "key two", organizationIds: "*" });
    const after = await mark();
    const named = { after, types: ["WEBHOOK_ENDPOINT_DISABLED"] };
    const oneNamed = subscribe(wsClient(t.app.wsUrl, one.key), EVENTS, { filter: named }, "events");
    const oneMixed = subscribe(wsClient(t.app.wsUrl, one.key), EVENTS, { filter: { ...named, types: ["WEBHOOK_ENDPOINT_DISABLED", "INVOICE_UPDATED"], where: [{ field: "status", eq: "PAID" }] } }, "events");
    const oneUntyped = subscribe(wsClient(t.app.wsUrl, one.key), EVENTS, { filter: { after } }, "events");
    const oneInvoices = subscribe(wsClient(t.app.wsUrl, one.key), INVOICE_EVENTS, { filter: { after } }, "invoiceEvents");
    const twoNamed = subscribe(wsClient(t.app.wsUrl, two.key), EVENTS, { filter: named }, "events");
    const events = [keyEvent(one.id), keyEvent(two.id), invoiceEvent({ status: "PAID", total: "1.00", contact: acme }), keyEvent(one.id), keyEvent(two.id), invoiceEvent({ status: "PAID", total: "2.00", contact: acme })];
    await t.runtime.log.append(events);
    const pick = (...n: number[]) => n.map((i) => events[i]!.id);
    await Promise.all([oneNamed.waitFor(2), oneMixed.waitFor(4), oneUntyped.waitFor(2), oneInvoices.waitFor(2), twoNamed.waitFor(2)]);
    // Each waited for its last expected event, appended after every other: whatever else reached it would be there by now.
    expect(ids(oneNamed)).toEqual(pick(0, 3));
    expect(ids(oneMixed)).toEqual(pick(0, 2, 3, 5));
    expect(ids(oneUntyped)).toEqual(pick(2, 5));
    expect(ids(oneInvoices)).toEqual(pick(2, 5));
    expect(ids(twoNamed)).toEqual(pick(1, 4));
    expect(oneNamed.received[0]).toMatchObject({ type: "WEBHOOK_ENDPOINT_DISABLED", entity: "WebhookEndpoint", organizationId: null, provider: null, recordId: null, record: null, remoteId: events[0]!.remoteId });
    await Promise.all([oneNamed, oneMixed, oneUntyped, oneInvoices, twoNamed].map((s) => s.stop()));
  });
});

import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createInvoice, CREATE_CONTACT, DELETE_RECORD, newEvents, RECORD_PAYMENT, startTriggerLedgerline, summary, UPDATE_INVOICE, type TriggerLedgerline,
} from "./support.js";

/** The gateway's clock, moved by hand past the reconciliation interval. */
let offsetMs = 0;
const clock = { now: () => new Date(Date.now() + offsetMs) };

describe("change detection against the Xero sandbox", () => {
  let t: TriggerLedgerline;
  const count = async () => (await t.allEvents()).length;
  beforeAll(async () => {
    t = await startTriggerLedgerline();
    // The first poll of each kind is the baseline: what is already there raises no event.
    for (const entity of ["Invoice", "Contact", "Payment"] as const) await t.poll(entity);
  });
  afterAll(() => t?.close());

  it("the baseline records every existing record and raises no event", async () => {
    expect(await t.allEvents()).toEqual([]);
    const state = await t.runtime.recorder.state(t.organizationId, "Invoice");
    expect(state.baselineAt).toBeTruthy();
    // The baseline wrote every sales invoice into the mirror (archived ones too), none twice.
    const invoiceIds = t.xero.books.invoices.filter((i) => i.Type === "ACCREC").map((i) => i.InvoiceID).sort();
    expect(await t.runtime.mirror.store.knownIds(t.organizationId, "Invoice")).toEqual(invoiceIds);
    expect(await t.runtime.mirror.store.count(t.organizationId, "Invoice", { includeArchived: true })).toBe(invoiceIds.length);
    expect((await t.runtime.mirror.entityState(t.organizationId, "Invoice")).state).toBe("IN_SYNC");
  });

  it("a new invoice is CREATED once, with the record as it is; polling again raises nothing, and never UPDATED", async () => {
    const before = await count();
    const invoice = await createInvoice(t);
    await t.poll("Invoice");
    await t.poll("Invoice");
    const events = await newEvents(t, before);
    expect(summary(events)).toEqual([`INVOICE_CREATED ${invoice.remoteId}`]);
    expect(events[0]).toMatchObject({ entity: "Invoice", change: "CREATED", organizationId: t.organizationId, provider: "XERO", record: { id: invoice.id, status: "DRAFT" } });
    expect(Date.parse(events[0]!.occurredAt)).toBeLessThanOrEqual(Date.parse(events[0]!.detectedAt));
  });

  it("a change is UPDATED once; voiding is VOIDED; deleting a draft is DELETED", async () => {
    const draft = await createInvoice(t);
    const approved = await createInvoice(t, "AUTHORISED");
    await t.poll("Invoice");
    const before = await count();

    await t.run(UPDATE_INVOICE, { id: draft.id, input: { reference: "PO-77" } });
    await t.poll("Invoice");
    const updated = await newEvents(t, before);
    expect(summary(updated)).toEqual([`INVOICE_UPDATED ${draft.remoteId}`]);
    expect(updated[0]!.record).toMatchObject({ reference: "PO-77", status: "DRAFT" });

    await t.run(DELETE_RECORD, { id: approved.id });
    await t.run(DELETE_RECORD, { id: draft.id });
    await t.poll("Invoice");
    const ended = await newEvents(t, before + 1);
    expect(summary(ended).sort()).toEqual([`INVOICE_DELETED ${draft.remoteId}`, `INVOICE_VOIDED ${approved.remoteId}`].sort());
    expect(ended.find((e) => e.change === "VOIDED")!.record).toMatchObject({ status: "VOIDED" });
    await t.poll("Invoice");
    expect(await count()).toBe(before + 3);
  });

  it("a new contact is CONTACT_CREATED; a payment is PAYMENT_CREATED and its invoice INVOICE_UPDATED", async () => {
    const before = await count();
    const contact = (await t.run(CREATE_CONTACT, { o: t.organizationId, input: { name: `Trigger Test ${Date.now()}` } })).createContact.record;
    const invoice = await createInvoice(t, "AUTHORISED");
    await t.poll("Contact");
    await t.poll("Invoice");
    const bank = t.xero.books.accounts.find((a) => a.Type === "BANK")!.Code;
    const payment = (await t.run(RECORD_PAYMENT, { o: t.organizationId, input: { documentId: invoice.id, accountCode: bank, date: "2026-11-10", amount: "100.00" } })).recordPayment.record;
    await t.poll("Payment");
    await t.poll("Invoice");
    expect(summary(await newEvents(t, before))).toEqual([
      `CONTACT_CREATED ${contact.remoteId}`,
      `INVOICE_CREATED ${invoice.remoteId}`,
      `PAYMENT_CREATED ${payment.remoteId}`,
      `INVOICE_UPDATED ${invoice.remoteId}`,
    ]);
    expect((await newEvents(t, before)).at(-1)!.record).toMatchObject({ status: "PARTIALLY_PAID", amountPaid: "100.00" });
  });
});

describe("reconciliation and crash safety", { timeout: 60_000 }, () => {
  let t: TriggerLedgerline;
  let dataDir: string;
  beforeAll(async () => {
    t = await startTriggerLedgerline({ clock });
    dataDir = t.dataDir;
    await t.poll("Invoice");
  });
  afterAll(async () => {
    await t?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("an invoice that vanished from the provider is DELETED at the next full listing, with no record", async () => {
    const created = await createInvoice(t);
    await t.poll("Invoice");
    const before = (await t.allEvents()).length;
    const books = t.xero.books.invoices;
    books.splice(books.findIndex((i) => i.InvoiceID === created.remoteId), 1);
    await t.poll("Invoice");
    expect(await newEvents(t, before)).toEqual([]);

    offsetMs += 16 * 60_000;
    await t.poll("Invoice");
    const events = await newEvents(t, before);
    expect(summary(events)).toEqual([`INVOICE_DELETED ${created.remoteId}`]);
    expect(events[0]!.record).toBeNull();
    expect(await t.runtime.recorder.known(t.organizationId, "Invoice", [created.remoteId])).toEqual(new Set());
  });

  it("events appended but not yet cleared from the mirror (a crash in between): after a restart they are kept once, and the mirror holds the record", async () => {
    const invoice = await createInvoice(t);
    await t.poll("Invoice");
    const after = await t.allEvents();
    const created = after.at(-1)!;
    expect(summary([created])).toEqual([`INVOICE_CREATED ${invoice.remoteId}`]);
    // Put back what the mirror holds between the log append and the commit clearing it: the event still pending.
    const { store } = t.runtime.mirror;
    const { importing: _importing, ...state } = await t.runtime.recorder.state(t.organizationId, "Invoice");
    expect(state.pending).toBeUndefined();
    await store.commit(t.organizationId, "Invoice", { upserts: [], removals: [], sync: { ...state, pending: [created] } });
    await t.app.stop();

    const xeroCreated = t.xero.books.invoices.length;
    t = await startTriggerLedgerline({ dataDir });
    expect(t.xero.books.invoices).toHaveLength(xeroCreated);
    expect((await t.runtime.recorder.state(t.organizationId, "Invoice")).pending?.map((e) => e.id)).toEqual([created.id]);
    await t.poll("Invoice");
    expect(await t.allEvents()).toEqual(after);
    expect((await t.runtime.recorder.state(t.organizationId, "Invoice")).pending).toBeUndefined();
    const [row] = await t.runtime.mirror.store.getMany(t.organizationId, "Invoice", [invoice.remoteId]);
    expect(row?.record).toMatchObject({ remoteId: invoice.remoteId, status: "DRAFT" });
  });

  it("a mirror that lost a detection (its rows and state put back as before it): the change is detected again and kept once", async () => {
    const { store } = t.runtime.mirror;
    const { importing: _importing, ...before } = await t.runtime.recorder.state(t.organizationId, "Invoice");
    const invoice = await createInvoice(t);
    await t.poll("Invoice");
    const after = await t.allEvents();
    expect(summary(after.slice(-1))).toEqual([`INVOICE_CREATED ${invoice.remoteId}`]);
    await store.commit(t.organizationId, "Invoice", { upserts: [], removals: [invoice.remoteId], sync: before });
    await t.poll("Invoice");
    expect(await t.allEvents()).toEqual(after);
    expect(await t.runtime.recorder.known(t.organizationId, "Invoice", [invoice.remoteId])).toEqual(new Set([invoice.remoteId]));
  });
});

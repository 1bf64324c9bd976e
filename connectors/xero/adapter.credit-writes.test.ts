import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReportBasis, ReportTimeframe } from "../../schema/report/report-enums.js";
import type { CreditNoteInput, InvoiceInput } from "../../src/connector/inputs.js";
import type { ActionResults, WriteOptions } from "../../src/connector/writes.js";
import { startSandboxOrganization, type SandboxOrganization } from "./testing/sandbox-organization.js";
import { accountBalance, unbalancedSources } from "./testing/books-ledger.js";

const TODAY = "2026-11-22";
const send: WriteOptions = { dryRun: false };
let org: SandboxOrganization;
beforeAll(async () => (org = await startSandboxOrganization({ sandbox: { today: TODAY } })));
afterAll(() => org.sandbox.close());

const books = () => org.sandbox.books;
const adapter = () => org.adapter;
const customer = () => books().contacts.find((c) => c.ContactStatus === "ACTIVE" && c.IsCustomer)!;
const otherCustomer = () => books().contacts.filter((c) => c.ContactStatus === "ACTIVE" && c.IsCustomer)[1]!;
const supplier = () => books().contacts.find((c) => c.ContactStatus === "ACTIVE" && c.IsSupplier && !c.IsCustomer)!;
const storedNote = (id: string) => books().creditNotes.find((c) => c.CreditNoteID === id)!;
const storedInvoice = (id: string) => books().invoices.find((i) => i.InvoiceID === id)!;

async function invoice(type: "INVOICE" | "BILL", contactRemoteId: string, amount: string) {
  const input: InvoiceInput = {
    type, contactRemoteId, status: "AUTHORISED" as InvoiceInput["status"], issueDate: "2026-11-02", dueDate: "2026-12-02", lineAmountType: "NO_TAX" as InvoiceInput["lineAmountType"],
    lines: [{ description: "Work", quantity: "1", unitAmount: amount, accountCode: type === "INVOICE" ? "200" : "429" }],
  };
  const result = await adapter().create!(type === "INVOICE" ? "Invoice" : "Bill", input, send);
  if (result.kind !== "done") throw new Error("expected a record");
  return result.record;
}

async function creditNote(kind: "SALES" | "PURCHASE", contactRemoteId: string, amount: string, status = "AUTHORISED") {
  const input: CreditNoteInput = {
    kind, contactRemoteId, status: status as CreditNoteInput["status"], issueDate: "2026-11-05", lineAmountType: "NO_TAX" as CreditNoteInput["lineAmountType"],
    lines: [{ description: "Returned goods", quantity: "1", unitAmount: amount, accountCode: kind === "SALES" ? "200" : "429" }],
  };
  const result = await adapter().create!("CreditNote", input, send);
  if (result.kind !== "done") throw new Error("expected a record");
  return result.record;
}

const allocate = (creditNoteRemoteId: string, documentRemoteId: string, amount: string, documentType: "INVOICE" | "BILL" = "INVOICE", options = send) =>
  adapter().perform!("allocateCredit", { creditNoteRemoteId, documentType, documentRemoteId, amount, date: "2026-11-10" }, options);
const done = <T>(result: { kind: string }) => (result as unknown as { record: T }).record;

async function expectReportsBalance() {
  for (const basis of [ReportBasis.ACCRUAL, ReportBasis.CASH]) {
    expect(unbalancedSources(books(), basis)).toEqual([]);
    const bs = await adapter().balanceSheet({ date: "2026-11-30", periods: 0, timeframe: ReportTimeframe.MONTH, basis });
    const pl = await adapter().profitAndLoss({ fromDate: "2026-11-01", toDate: "2026-11-30", periods: 0, timeframe: ReportTimeframe.MONTH, basis });
    expect([bs.balanced, pl.balanced]).toEqual([true, true]);
  }
}

describe("createPurchaseOrder", () => {
  it("stores a numbered order by Xero's rules and reads back as stored", async () => {
    const record = done<{ remoteId: string; number: string; status: string; total: string }>(await adapter().create!("PurchaseOrder", {
      contactRemoteId: supplier().ContactID, status: "AUTHORISED", issueDate: "2026-11-12", deliveryDate: "2026-11-26", deliveryAddress: "Dock B",
      lines: [{ description: "Toner", quantity: "4", unitAmount: "54.6000", itemCode: "TONER-BK" }],
    }, send));
    const stored = books().purchaseOrders.find((o) => o.PurchaseOrderID === record.remoteId)!;
    expect(stored).toMatchObject({ Status: "AUTHORISED", Date: "2026-11-12", DeliveryDate: "2026-11-26", DeliveryAddress: "Dock B", Contact: { ContactID: supplier().ContactID } });
    expect(stored.PurchaseOrderNumber).toMatch(/^PO-\d{4}$/);
    expect(stored.LineItems[0]).toMatchObject({ ItemCode: "TONER-BK", Quantity: 4, UnitAmount: 54.6, LineAmount: 218.4 });
    expect(record).toMatchObject({ number: stored.PurchaseOrderNumber, status: "AUTHORISED", total: stored.Total.toFixed(2) });
    expect((await adapter().getMany("PurchaseOrder", [record.remoteId]))[0]).toMatchObject({ number: stored.PurchaseOrderNumber });
  });

  it("refuses a taken order number and a status Xero does not create with", async () => {
    const taken = books().purchaseOrders.find((o) => o.Status !== "DELETED")!.PurchaseOrderNumber;
    const before = books().purchaseOrders.length;
    const base = { contactRemoteId: supplier().ContactID, lines: [{ description: "Paper", quantity: "1", unitAmount: "5", accountCode: "429" }] };
    await expect(adapter().create!("PurchaseOrder", { ...base, number: taken }, send)).rejects.toMatchObject({ extensions: { code: "PROVIDER_VALIDATION" }, message: expect.stringContaining("Order number must be unique") });
    await expect(adapter().create!("PurchaseOrder", { ...base, status: "BILLED" }, send)).rejects.toMatchObject({ extensions: { code: "PROVIDER_VALIDATION" } });
    expect(books().purchaseOrders.length).toBe(before);
  });
});

describe("createCreditNote", () => {
  it("stores sales credits as numbered ACCRECCREDIT and supplier credits as ACCPAYCREDIT, with all their credit remaining", async () => {
    const sales = await creditNote("SALES", customer().ContactID, "120.00");
    const purchase = await creditNote("PURCHASE", supplier().ContactID, "80.00");
    expect(storedNote(sales.remoteId)).toMatchObject({ Type: "ACCRECCREDIT", Status: "AUTHORISED", Total: 120, RemainingCredit: 120, CreditNoteNumber: expect.stringMatching(/^CN-\d{4}$/) });
    expect(storedNote(purchase.remoteId)).toMatchObject({ Type: "ACCPAYCREDIT", Status: "AUTHORISED", Total: 80, RemainingCredit: 80 });
    expect(sales).toMatchObject({ kind: "SALES", status: "AUTHORISED", remainingCredit: "120.00" });
    expect(purchase).toMatchObject({ kind: "PURCHASE", remainingCredit: "80.00" });
    await expectReportsBalance();
  });
});

describe("allocateCredit", () => {
  it("applies part of a credit, then the rest: remaining credit, amount due and statuses follow, and the books balance", async () => {
    const inv = await invoice("INVOICE", customer().ContactID, "500.00");
    const note = await creditNote("SALES", customer().ContactID, "300.00");
    const receivable = accountBalance(books(), "610");

    const first = done<ActionResults["allocateCredit"]>(await allocate(note.remoteId, inv.remoteId, "100.00"));
    expect(storedNote(note.remoteId)).toMatchObject({ RemainingCredit: 200, Status: "AUTHORISED", Allocations: [{ Amount: 100, Date: "2026-11-10", Invoice: { InvoiceID: inv.remoteId } }] });
    expect(storedInvoice(inv.remoteId)).toMatchObject({ AmountDue: 400, AmountCredited: 100, Status: "AUTHORISED", CreditNotes: [{ CreditNoteID: note.remoteId, AppliedAmount: 100 }] });
    expect(first).toMatchObject({ amount: "100.00", date: "2026-11-10", creditNote: { remoteId: note.remoteId, remainingCredit: "200.00", status: "PARTIALLY_PAID" }, document: { remoteId: inv.remoteId, amountDue: "400.00", amountCredited: "100.00", status: "PARTIALLY_PAID" } });
    // Allocations move balances within receivables: the accrual AR balance is unchanged.
    expect(accountBalance(books(), "610")).toBe(receivable);

    const rest = done<ActionResults["allocateCredit"]>(await allocate(note.remoteId, inv.remoteId, "200.00"));
    expect(storedNote(note.remoteId)).toMatchObject({ RemainingCredit: 0, Status: "PAID" });
    expect(storedInvoice(inv.remoteId)).toMatchObject({ AmountDue: 200, AmountCredited: 300 });
    expect(rest.creditNote.status).toBe("PAID");
    expect((await adapter().getMany("CreditNote", [note.remoteId]))[0]).toMatchObject({ remainingCredit: "0.00", allocations: [{ amount: "100.00" }, { amount: "200.00" }] });
    await expectReportsBalance();
  });

  it("a supplier credit settles a bill in full and marks it PAID", async () => {
    const bill = await invoice("BILL", supplier().ContactID, "80.00");
    const note = await creditNote("PURCHASE", supplier().ContactID, "150.00");
    const result = done<ActionResults["allocateCredit"]>(await allocate(note.remoteId, bill.remoteId, "80.00", "BILL"));
    expect(storedInvoice(bill.remoteId)).toMatchObject({ AmountDue: 0, Status: "PAID", FullyPaidOnDate: "2026-11-10" });
    expect(storedNote(note.remoteId)).toMatchObject({ RemainingCredit: 70, Status: "AUTHORISED" });
    expect(result.document).toMatchObject({ id: expect.any(String), status: "PAID", amountDue: "0.00" });
    await expectReportsBalance();
  });

  it.each([
    ["more credit than remains", "40.00", "500.00", "50.00", "SALES", "AUTHORISED", /greater than the remaining credit/],
    ["more than the invoice's amount due", "500.00", "60.00", "70.00", "SALES", "AUTHORISED", /greater than amount outstanding/],
    ["a DRAFT credit note", "100.00", "100.00", "10.00", "SALES", "DRAFT", /not of status AUTHORISED/],
    ["a supplier credit to a sales invoice", "100.00", "100.00", "10.00", "PURCHASE", "AUTHORISED", /incorrect invoice type/],
  ] as const)("refuses allocating %s with Xero's message, changing nothing", async (_case, credit, due, amount, kind, status, message) => {
    const inv = await invoice("INVOICE", customer().ContactID, due);
    const note = await creditNote(kind, kind === "SALES" ? customer().ContactID : supplier().ContactID, credit, status);
    await expect(allocate(note.remoteId, inv.remoteId, amount)).rejects.toMatchObject({ extensions: { code: "PROVIDER_VALIDATION", provider: "XERO" }, message: expect.stringMatching(message) });
    expect(storedNote(note.remoteId)).toMatchObject({ RemainingCredit: Number(credit), Allocations: [] });
    expect(storedInvoice(inv.remoteId)).toMatchObject({ AmountDue: Number(due), AmountCredited: 0, CreditNotes: [] });
  });

  it("refuses credit for another contact's invoice", async () => {
    const inv = await invoice("INVOICE", otherCustomer().ContactID, "100.00");
    const note = await creditNote("SALES", customer().ContactID, "100.00");
    await expect(allocate(note.remoteId, inv.remoteId, "10.00")).rejects.toMatchObject({ extensions: { code: "PROVIDER_VALIDATION" }, message: expect.stringContaining("different contact") });
  });

  it("the same allocation retried with its idempotency key is applied once", async () => {
    const inv = await invoice("INVOICE", customer().ContactID, "100.00");
    const note = await creditNote("SALES", customer().ContactID, "100.00");
    const options = { dryRun: false, idempotencyKey: `alloc-${note.remoteId}` };
    await allocate(note.remoteId, inv.remoteId, "30.00", "INVOICE", options);
    await allocate(note.remoteId, inv.remoteId, "30.00", "INVOICE", options);
    expect(storedNote(note.remoteId)).toMatchObject({ RemainingCredit: 70, Allocations: [{ Amount: 30 }] });
  });
});

describe("dry runs and idempotency keys", () => {
  it("describe the exact requests and send nothing", async () => {
    const inv = await invoice("INVOICE", customer().ContactID, "100.00");
    const note = await creditNote("SALES", customer().ContactID, "100.00");
    const counts = [books().purchaseOrders.length, books().creditNotes.length];
    org.sandbox.stats.reset();
    const dry = { dryRun: true };
    const po = await adapter().create!("PurchaseOrder", { contactRemoteId: supplier().ContactID, status: "SUBMITTED", lines: [{ description: "Paper", quantity: "2", unitAmount: "4.95", accountCode: "429" }] }, dry);
    const cn = await adapter().create!("CreditNote", { kind: "PURCHASE", contactRemoteId: supplier().ContactID, lines: [{ description: "Refund", quantity: "1", unitAmount: "10", accountCode: "429" }] }, dry);
    const alloc = await allocate(note.remoteId, inv.remoteId, "25.00", "INVOICE", dry);
    expect(org.sandbox.stats.total).toBe(0);
    expect([books().purchaseOrders.length, books().creditNotes.length]).toEqual(counts);
    expect(storedNote(note.remoteId).Allocations).toEqual([]);
    expect(po).toEqual({ kind: "dryRun", request: { method: "PUT", path: "/api.xro/2.0/PurchaseOrders?summarizeErrors=true", body: { PurchaseOrders: [{
      Contact: { ContactID: supplier().ContactID }, Status: "SUBMITTED", LineItems: [{ Description: "Paper", Quantity: "2", UnitAmount: "4.95", AccountCode: "429" }] }] } } });
    expect(cn).toMatchObject({ kind: "dryRun", request: { method: "PUT", path: "/api.xro/2.0/CreditNotes?summarizeErrors=true&unitdp=4", body: { CreditNotes: [{ Type: "ACCPAYCREDIT", Contact: { ContactID: supplier().ContactID } }] } } });
    expect(alloc).toEqual({ kind: "dryRun", request: { method: "PUT", path: `/api.xro/2.0/CreditNotes/${note.remoteId}/Allocations?summarizeErrors=true`, body: { Allocations: [{ Invoice: { InvoiceID: inv.remoteId }, Amount: "25.00", Date: "2026-11-10" }] } } });
  });

  it("a create retried with its idempotency key stores one record", async () => {
    const input = { contactRemoteId: supplier().ContactID, reference: "once only", lines: [{ description: "Paper", quantity: "1", unitAmount: "5", accountCode: "429" }] };
    const options = { dryRun: false, idempotencyKey: "po-once" };
    const first = done<{ remoteId: string }>(await adapter().create!("PurchaseOrder", input, options));
    const again = done<{ remoteId: string }>(await adapter().create!("PurchaseOrder", input, options));
    expect(again.remoteId).toBe(first.remoteId);
    expect(books().purchaseOrders.filter((o) => o.Reference === "once only")).toHaveLength(1);
  });
});

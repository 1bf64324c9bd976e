import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestLedgerline, type TestLedgerline } from "./start-test-ledgerline.js";
import { toGlobalId } from "../../src/ids/global-id.js";

const CREATE_DOCUMENT = (kind: "Invoice" | "Bill") =>
  `mutation($o: ID!, $input: DocumentInput!) { create${kind}(organizationId: $o, input: $input) { record { id remoteId total } } }`;
const CREATE_CREDIT_NOTE = `mutation($o: ID!, $input: CreditNoteInput!, $key: String) {
  createCreditNote(organizationId: $o, input: $input, idempotencyKey: $key) { replayed record { id remoteId } } }`;
const ALLOCATE = `mutation($c: ID!, $d: ID!, $a: Decimal!) { allocateCreditNote(creditNoteId: $c, documentId: $d, amount: $a) { amount } }`;

const DATE = "2026-11-20";

describe("purchase orders, credit notes, bank transactions, transfers, items and stock (Xero sandbox)", () => {
  let t: TestLedgerline;
  let contactId: string;
  let contactRemoteId: string;
  const org = () => t.organizationId;

  beforeAll(async () => {
    t = await startTestLedgerline();
    contactRemoteId = t.xero.books.contacts.find((c) => c.ContactStatus === "ACTIVE")!.ContactID;
    contactId = toGlobalId({ organizationId: t.organizationId, type: "Contact", remoteId: contactRemoteId });
  });
  afterAll(() => t?.close());

  /** An approved invoice or bill of 500.00 (no tax) to the test contact. */
  async function approved(kind: "Invoice" | "Bill") {
    const input = { contactId, status: "AUTHORISED", issueDate: "2026-11-01", dueDate: "2026-11-30", lineAmountType: "NO_TAX", lines: [{ description: "Work", quantity: "5", unitAmount: "100.00", accountCode: kind === "Invoice" ? "200" : "429" }] };
    const { body } = await t.post(CREATE_DOCUMENT(kind), { o: org(), input });
    expect(body.errors).toBeUndefined();
    return body.data![`create${kind}`].record as { id: string; remoteId: string; total: string };
  }

  /** An approved credit note for `amount` (no tax). */
  async function credit(kind: "SALES" | "PURCHASE", amount: string, reference?: string) {
    const { createCreditNote } = await t.sdk.CreateCreditNote({
      organizationId: org(),
      input: { kind, contactId, status: "AUTHORISED", issueDate: "2026-11-05", lineAmountType: "NO_TAX", reference, lines: [{ description: "Goodwill", quantity: "1", unitAmount: amount, accountCode: kind === "SALES" ? "200" : "429" }] },
    });
    return createCreditNote.record!;
  }

  it("createPurchaseOrder stores a numbered draft for the supplier, findable by its number", async () => {
    const { createPurchaseOrder } = await t.sdk.CreatePurchaseOrder({
      organizationId: org(),
      input: { contactId, issueDate: DATE, deliveryDate: "2026-11-30", deliveryAddress: "1 Dock Road", reference: "Q4 paper", lines: [{ description: "Paper", quantity: "10", unitAmount: "4.50", accountCode: "429" }] },
    });
    const record = createPurchaseOrder.record!;
    expect(record).toMatchObject({ status: "DRAFT", deliveryDate: "2026-11-30", contact: { id: contactId } });
    expect(record.lineItems).toHaveLength(1);
    const stored = t.xero.books.purchaseOrders.find((p) => p.PurchaseOrderID === record.remoteId)!;
    expect(stored).toMatchObject({ Status: "DRAFT", Contact: { ContactID: contactRemoteId }, DeliveryDate: "2026-11-30", Reference: "Q4 paper", PurchaseOrderNumber: record.number });
    expect(stored.Total).toBe(Number(record.total));
    const found = await t.sdk.FindPurchaseOrder({ organizationId: org(), by: { number: record.number! } });
    expect(found.findPurchaseOrder.id).toBe(record.id);
  });

  it("a SALES credit note allocated to an invoice lowers the credit left and what the invoice owes", async () => {
    const invoice = await approved("Invoice");
    const note = await credit("SALES", "120.00");
    expect(note).toMatchObject({ kind: "SALES", status: "AUTHORISED", total: "120.00", remainingCredit: "120.00" });
    expect(t.xero.books.creditNotes.find((c) => c.CreditNoteID === note.remoteId)).toMatchObject({ Type: "ACCRECCREDIT", Status: "AUTHORISED", RemainingCredit: 120 });

    const { allocateCreditNote } = await t.sdk.AllocateCreditNote({ creditNoteId: note.id, documentId: invoice.id, amount: "50", date: "2026-11-21" });
    expect(allocateCreditNote).toMatchObject({ amount: "50.00", date: "2026-11-21", replayed: false, request: null, bill: null });
    expect(allocateCreditNote.invoice).toMatchObject({ id: invoice.id, amountCredited: "50.00", amountDue: "450.00" });
    expect(allocateCreditNote.creditNote!.remainingCredit).toBe("70.00");
    expect(allocateCreditNote.creditNote!.allocations).toContainEqual(expect.objectContaining({ amount: "50.00", documentId: invoice.id }));

    const storedNote = t.xero.books.creditNotes.find((c) => c.CreditNoteID === note.remoteId)!;
    expect(storedNote.RemainingCredit).toBe(70);
    expect(storedNote.Allocations).toEqual([expect.objectContaining({ Invoice: expect.objectContaining({ InvoiceID: invoice.remoteId }), Amount: 50, Date: "2026-11-21" })]);
    const storedInvoice = t.xero.books.invoices.find((i) => i.InvoiceID === invoice.remoteId)!;
    expect(storedInvoice).toMatchObject({ AmountCredited: 50, AmountDue: 450, Status: "AUTHORISED" });
    expect(storedInvoice.CreditNotes).toEqual([expect.objectContaining({ CreditNoteID: note.remoteId, AppliedAmount: 50 })]);
  });

  it("a PURCHASE credit note used up on a bill is PAID; allocating more is refused by the provider", async () => {
    const bill = await approved("Bill");
    const note = await credit("PURCHASE", "80.00");
    expect(t.xero.books.creditNotes.find((c) => c.CreditNoteID === note.remoteId)).toMatchObject({ Type: "ACCPAYCREDIT" });
    const { allocateCreditNote } = await t.sdk.AllocateCreditNote({ creditNoteId: note.id, documentId: bill.id, amount: "80.00" });
    expect(allocateCreditNote).toMatchObject({ invoice: null, bill: { id: bill.id, amountCredited: "80.00", amountDue: "420.00" }, creditNote: { remainingCredit: "0.00", status: "PAID" } });
    expect(t.xero.books.creditNotes.find((c) => c.CreditNoteID === note.remoteId)).toMatchObject({ Status: "PAID", RemainingCredit: 0 });
    expect(t.xero.books.invoices.find((i) => i.InvoiceID === bill.remoteId)).toMatchObject({ AmountCredited: 80, AmountDue: 420 });

    const { body } = await t.post(ALLOCATE, { c: note.id, d: bill.id, a: "1.00" });
    expect(body.errors![0].extensions).toMatchObject({ code: "PROVIDER_VALIDATION" });
  });

  it("createBankTransaction records a spend and a receipt through a bank account", async () => {
    const spend = await t.sdk.CreateBankTransaction({
      organizationId: org(),
      input: { kind: "SPEND", bankAccountCode: "090", contactId, date: DATE, lineAmountType: "NO_TAX", reference: "Team coffee", lines: [{ description: "Coffee", quantity: "2", unitAmount: "4.50", accountCode: "429" }] },
    });
    const record = spend.createBankTransaction.record!;
    expect(record).toMatchObject({ kind: "SPEND", total: "9.00", date: DATE, bankAccount: { code: "090" }, contact: { id: contactId } });
    expect(t.xero.books.bankTransactions.find((b) => b.BankTransactionID === record.remoteId)).toMatchObject({
      Type: "SPEND", Status: "AUTHORISED", BankAccount: { Code: "090" }, Contact: { ContactID: contactRemoteId }, Total: 9, Reference: "Team coffee", Date: DATE,
    });

    const receive = await t.sdk.CreateBankTransaction({ organizationId: org(), input: { kind: "RECEIVE", bankAccountCode: "090", contactId, date: DATE, lineAmountType: "NO_TAX", lines: [{ description: "Interest", quantity: "1", unitAmount: "3.21", accountCode: "270" }] } });
    const received = receive.createBankTransaction.record!;
    expect(t.xero.books.bankTransactions.find((b) => b.BankTransactionID === received.remoteId)).toMatchObject({ Type: "RECEIVE", Total: 3.21 });
  });

  it("createBankTransfer moves money between two bank accounts and names both bank transactions", async () => {
    const { createBankTransfer } = await t.sdk.CreateBankTransfer({ organizationId: org(), input: { fromAccountCode: "090", toAccountCode: "091", amount: "250", date: DATE, reference: "To savings" } });
    const record = createBankTransfer.record!;
    expect(record).toMatchObject({ fromAccountCode: "090", toAccountCode: "091", amount: "250.00", date: DATE, reference: "To savings" });
    const stored = t.xero.books.bankTransfers.find((b) => b.BankTransferID === record.remoteId)!;
    expect(stored).toMatchObject({ FromBankAccount: { Code: "090" }, ToBankAccount: { Code: "091" }, Amount: 250, Date: DATE });
    expect(record.fromTransactionId).toBe(toGlobalId({ organizationId: org(), type: "BankTransaction", remoteId: stored.FromBankTransactionID }));
    expect(record.toTransactionId).toBe(toGlobalId({ organizationId: org(), type: "BankTransaction", remoteId: stored.ToBankTransactionID }));
  });

  it("createItem makes a tracked item; addStock buys stock into it, paid from the bank", async () => {
    const code = "WIDGET-TRK";
    const { createItem } = await t.sdk.CreateItem({
      organizationId: org(),
      input: { code, name: "Tracked widget", salesUnitPrice: "25.00", purchaseUnitPrice: "10.00", salesAccountCode: "200", purchaseAccountCode: "310", isTracked: true, inventoryAssetAccountCode: "630" },
    });
    const item = createItem.record!;
    expect(item).toMatchObject({ code, isTracked: true });
    expect([Number(item.salesUnitPrice), Number(item.purchaseUnitPrice)]).toEqual([25, 10]);
    expect(Number(item.quantityOnHand ?? 0)).toBe(0);
    expect(t.xero.books.items.find((i) => i.ItemID === item.remoteId)).toMatchObject({ Code: code, IsTrackedAsInventory: true, InventoryAssetAccountCode: "630" });

    const { addStock } = await t.sdk.AddStock({ itemId: item.id, quantity: "5", unitCost: "10.00", date: DATE, contactId, bankAccountCode: "090" });
    expect(Number(addStock.quantityAdded)).toBe(5);
    expect(Number(addStock.item!.quantityOnHand)).toBe(5);
    expect(addStock.via).toBeTruthy();
    expect(t.xero.books.items.find((i) => i.ItemID === item.remoteId)).toMatchObject({ QuantityOnHand: 5 });
    const purchase = t.xero.books.bankTransactions.find((b) => addStock.via!.includes(b.BankTransactionID))!;
    expect(purchase).toMatchObject({ Type: "SPEND", BankAccount: { Code: "090" }, Contact: { ContactID: contactRemoteId } });
    expect(purchase.LineItems).toContainEqual(expect.objectContaining({ ItemCode: code, Quantity: 5, UnitAmount: 10 }));
  });

  it("20 identical createCreditNote calls at once with one key make one credit note; the key with other input is refused", async () => {
    const input = { kind: "SALES", contactId, status: "DRAFT", reference: "once-only-credit", lines: [{ description: "Refund", quantity: "1", unitAmount: "15.00", accountCode: "200" }] };
    const vars = { o: org(), key: "credit-once", input };
    const answers = await Promise.all(Array.from({ length: 20 }, () => t.post(CREATE_CREDIT_NOTE, vars)));
    for (const a of answers) expect(a.body.errors).toBeUndefined();
    expect(new Set(answers.map((a) => a.body.data!.createCreditNote.record.id)).size).toBe(1);
    expect(answers.filter((a) => a.body.data!.createCreditNote.replayed)).toHaveLength(19);
    expect(t.xero.books.creditNotes.filter((c) => c.Reference === "once-only-credit")).toHaveLength(1);

    const changed = await t.post(CREATE_CREDIT_NOTE, { ...vars, input: { ...input, lines: [{ ...input.lines[0], unitAmount: "16.00" }] } });
    expect(changed.body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "idempotencyKey" }] });
    expect(t.xero.books.creditNotes.filter((c) => c.Reference === "once-only-credit")).toHaveLength(1);
  });
});

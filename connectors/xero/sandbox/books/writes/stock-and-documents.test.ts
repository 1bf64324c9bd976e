import { describe, expect, it } from "vitest";
import { journal } from "../ledger.js";
import { sumDecimal } from "../money.js";
import { fresh, NOW } from "../test-support.js";
import type { XeroBooks } from "../types.js";
import {
  DELETED_ORDER_MESSAGE, RECONCILED_TRANSACTION_MESSAGE, SENT_TO_CONTACT_MESSAGE, SETTLED_MESSAGE, TRANSFER_LEG_MESSAGE,
  writeAllocations, writeBankTransactions, writeCreditNotes, writeInvoices, writeItems, writePurchaseOrders,
} from "./index.js";

const create = { now: NOW, mode: "create" } as const;
const upsert = { now: NOW, mode: "upsert" } as const;
const contactOf = (books: XeroBooks) => ({ ContactID: books.contacts.find((c) => c.ContactStatus === "ACTIVE")!.ContactID });
const ok = <T>(result: { ok: boolean; record?: T; errors?: string[] } | undefined): T => {
  if (!result?.ok) throw new Error(`write refused: ${result?.errors?.join("; ")}`);
  return result.record!;
};
const balance = (books: XeroBooks, code: string) => sumDecimal(journal(books, "ACCRUAL").filter((l) => l.accountCode === code).map((l) => l.amount)).toNumber();

describe("stock on hand", () => {
  it("moves with every approved document that carries a tracked item, and sales post their cost", () => {
    const books = fresh();
    const item = books.items.find((i) => i.IsTrackedAsInventory)!;
    const start = item.QuantityOnHand!;
    const cogs = balance(books, "310");
    const line = (Quantity: number, AccountCode?: string) => [{ ItemCode: item.Code, Quantity, UnitAmount: 100, ...(AccountCode ? { AccountCode } : {}) }];
    ok(writeBankTransactions(books, [{ Type: "SPEND", Contact: contactOf(books), BankAccount: { Code: "090" }, LineItems: line(5) }], create)[0]);
    expect(item.QuantityOnHand).toBe(start + 5);
    ok(writeBankTransactions(books, [{ Type: "RECEIVE", Contact: contactOf(books), BankAccount: { Code: "090" }, LineItems: line(2, "200") }], create)[0]);
    expect(item.QuantityOnHand).toBe(start + 3);
    expect(balance(books, "310")).toBeCloseTo(cogs + 2 * item.PurchaseDetails.UnitPrice!, 2);
    const note = ok(writeCreditNotes(books, [{ Type: "ACCRECCREDIT", Status: "AUTHORISED", Date: "2026-03-10", Contact: contactOf(books), LineItems: line(1, "200") }], create)[0]);
    expect(item.QuantityOnHand).toBe(start + 4);
    ok(writeCreditNotes(books, [{ CreditNoteID: note.CreditNoteID, Status: "VOIDED" }], upsert)[0]);
    expect(item.QuantityOnHand).toBe(start + 3);
    expect(item.TotalCostPool).toBeCloseTo((start + 3) * item.PurchaseDetails.UnitPrice!, 2);
    expect(item.UpdatedDateUTC).toBe(NOW);
  });
});

describe("purchase order updates", () => {
  it("follow Xero's status moves, SentToContact rule and refuse deleted orders", () => {
    const books = fresh();
    const order = ok(writePurchaseOrders(books, [{ Contact: contactOf(books), LineItems: [{ Description: "Chairs", Quantity: 2, UnitAmount: 188.125 }] }], create)[0]);
    expect(order).toMatchObject({ Status: "DRAFT", LineItems: [{ UnitAmount: 188.125, LineAmount: 376.25 }] });
    expect(writePurchaseOrders(books, [{ PurchaseOrderID: order.PurchaseOrderID, SentToContact: true }], upsert)[0]).toMatchObject({ ok: false, errors: [SENT_TO_CONTACT_MESSAGE] });
    ok(writePurchaseOrders(books, [{ PurchaseOrderID: order.PurchaseOrderID, Status: "AUTHORISED", SentToContact: true }], upsert)[0]);
    ok(writePurchaseOrders(books, [{ PurchaseOrderID: order.PurchaseOrderID, Status: "BILLED" }], upsert)[0]);
    expect(writePurchaseOrders(books, [{ PurchaseOrderID: order.PurchaseOrderID, Status: "DRAFT" }], upsert)[0]!.ok).toBe(false);
    const deleted = books.purchaseOrders.find((o) => o.Status === "DELETED")!;
    expect(writePurchaseOrders(books, [{ PurchaseOrderID: deleted.PurchaseOrderID, Reference: "x" }], upsert)[0]).toMatchObject({ ok: false, errors: [DELETED_ORDER_MESSAGE] });
    expect(books.history[order.PurchaseOrderID]!.map((h) => h.Changes)).toEqual(["Created", "Status changed", "Status changed"]);
  });
});

describe("credit notes once credit is used", () => {
  it("cannot be voided or edited, only referenced", () => {
    const books = fresh();
    const invoice = ok(writeInvoices(books, [{ Type: "ACCREC", Status: "AUTHORISED", Contact: contactOf(books), Date: "2026-03-01", DueDate: "2026-03-31", LineItems: [{ Description: "S", Quantity: 1, UnitAmount: 100, AccountCode: "260" }] }], create)[0]);
    const note = ok(writeCreditNotes(books, [{ Type: "ACCRECCREDIT", Status: "AUTHORISED", Contact: contactOf(books), Date: "2026-03-02", LineItems: [{ Description: "S", Quantity: 1, UnitAmount: 50, AccountCode: "260" }] }], create)[0]);
    ok(writeAllocations(books, note, [{ Invoice: { InvoiceID: invoice.InvoiceID }, Amount: 20, Date: "2026-03-05" }], create)[0]);
    expect(writeCreditNotes(books, [{ CreditNoteID: note.CreditNoteID, Status: "VOIDED" }], upsert)[0]).toMatchObject({ ok: false, errors: [SETTLED_MESSAGE] });
    expect(writeCreditNotes(books, [{ CreditNoteID: note.CreditNoteID, LineItems: [] }], upsert)[0]).toMatchObject({ ok: false, errors: [SETTLED_MESSAGE] });
    expect(ok(writeCreditNotes(books, [{ CreditNoteID: note.CreditNoteID, Reference: "Agreed refund" }], upsert)[0])).toMatchObject({ Reference: "Agreed refund", RemainingCredit: 35 });
  });
});

describe("bank transaction updates", () => {
  it("delete through Status DELETED (taking them out of the ledger), but not reconciled ones or transfer legs", () => {
    const books = fresh();
    const bank = balance(books, "090");
    const tx = ok(writeBankTransactions(books, [{ Type: "SPEND", Contact: contactOf(books), BankAccount: { Code: "090" }, LineAmountTypes: "NoTax", LineItems: [{ Description: "Fee", Quantity: 1, UnitAmount: 30, AccountCode: "404" }] }], create)[0]);
    expect(balance(books, "090")).toBeCloseTo(bank - 30, 2);
    ok(writeBankTransactions(books, [{ BankTransactionID: tx.BankTransactionID, Status: "DELETED" }], upsert)[0]);
    expect(balance(books, "090")).toBeCloseTo(bank, 2);
    const reconciled = books.bankTransactions.find((t) => t.IsReconciled && t.Type === "SPEND" && t.Status === "AUTHORISED")!;
    expect(writeBankTransactions(books, [{ BankTransactionID: reconciled.BankTransactionID, Status: "DELETED" }], upsert)[0]).toMatchObject({ ok: false, errors: [RECONCILED_TRANSACTION_MESSAGE] });
    const leg = books.bankTransactions.find((t) => t.Type === "SPEND-TRANSFER")!;
    expect(writeBankTransactions(books, [{ BankTransactionID: leg.BankTransactionID, Reference: "x" }], upsert)[0]).toMatchObject({ ok: false, errors: [TRANSFER_LEG_MESSAGE] });
  });
});

describe("item upserts", () => {
  it("POST updates the item matched by Code; PUT refuses the code; tracked stock cannot be untracked", () => {
    const books = fresh();
    const laptop = books.items.find((i) => i.Code === "LAPTOP-14")!;
    const updated = ok(writeItems(books, [{ Code: "laptop-14", SalesDetails: { UnitPrice: 1349 } }], upsert)[0]);
    expect(updated).toMatchObject({ ItemID: laptop.ItemID, SalesDetails: { UnitPrice: 1349, AccountCode: "200" }, IsTrackedAsInventory: true });
    expect(writeItems(books, [{ Code: "LAPTOP-14" }], create)[0]).toMatchObject({ ok: false });
    expect(laptop.QuantityOnHand).toBeGreaterThan(0);
    expect(writeItems(books, [{ Code: "LAPTOP-14", InventoryAssetAccountCode: "" }], upsert)[0]).toMatchObject({ ok: false, errors: expect.arrayContaining(["An item with stock on hand cannot stop being tracked."]) });
  });
});

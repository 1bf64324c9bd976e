import { describe, expect, it } from "vitest";
import { addMonths } from "./dates.js";
import { sumDecimal } from "./money.js";
import { seedBooks } from "./seed.js";
import { SEED, seeded, TODAY } from "./test-support.js";
import { totals } from "./totals.js";
import { DATE_FIELDS, TIMESTAMP_FIELDS } from "./types.js";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const statuses = <T extends { Status: string }>(records: T[]) => new Set(records.map((r) => r.Status));

describe("seedBooks", () => {
  it("is deterministic for a seed and today, and differs across seeds", () => {
    const again = seedBooks({ seed: SEED, today: TODAY });
    expect(JSON.stringify(again)).toBe(JSON.stringify(seeded()));
    const other = seedBooks({ seed: SEED + 1, today: TODAY });
    expect(other.tenantId).not.toBe(again.tenantId);
    expect(other.invoices.map((i) => i.Total)).not.toEqual(again.invoices.map((i) => i.Total));
  });

  it("survives a JSON round trip unchanged", () => {
    const books = seeded();
    expect(JSON.parse(JSON.stringify(books))).toEqual(books);
  });

  it("has a demo organisation whose id is the tenant id", () => {
    const { organisation, tenantId } = seeded();
    expect(organisation).toMatchObject({ OrganisationID: tenantId, Name: "Ledgerline Demo Company", IsDemoCompany: true, Version: "GLOBAL", SalesTaxBasis: "ACCRUALS", FinancialYearEndDay: 31, FinancialYearEndMonth: 12 });
  });

  it("has rich contacts: customers, suppliers, both, archived", () => {
    const { contacts } = seeded();
    expect(contacts.length).toBeGreaterThanOrEqual(50);
    expect(contacts.filter((c) => c.ContactStatus === "ARCHIVED").length).toBeGreaterThanOrEqual(3);
    expect(contacts.some((c) => c.IsCustomer && c.IsSupplier)).toBe(true);
    expect(contacts.every((c) => c.EmailAddress?.includes("@") && c.Addresses.length === 2 && c.Phones.length === 4)).toBe(true);
    const active = contacts.filter((c) => c.ContactStatus === "ACTIVE").map((c) => c.Name.toLowerCase());
    expect(new Set(active).size).toBe(active.length);
  });

  it("spans 18 months ending today with every invoice and bill status", () => {
    const { invoices } = seeded();
    expect(invoices.length).toBeGreaterThanOrEqual(600);
    expect(invoices.length).toBeLessThanOrEqual(1200);
    const dates = invoices.map((i) => i.Date).sort();
    expect(dates[0]! <= addMonths(TODAY, -17)).toBe(true);
    expect(dates[dates.length - 1]! <= TODAY).toBe(true);
    const all = ["DRAFT", "SUBMITTED", "AUTHORISED", "PAID", "VOIDED", "DELETED"];
    for (const type of ["ACCREC", "ACCPAY"]) expect([...statuses(invoices.filter((i) => i.Type === type))].sort()).toEqual([...all].sort());
    expect(new Set(invoices.map((i) => i.LineAmountTypes))).toEqual(new Set(["Exclusive", "Inclusive", "NoTax"]));
    expect(invoices.some((i) => i.LineItems.length > 1 && i.LineItems.some((l) => l.Tracking.length > 0))).toBe(true);
  });

  it("recomputes every document's totals exactly from its lines", () => {
    const books = seeded();
    for (const doc of [...books.invoices, ...books.creditNotes, ...books.quotes, ...books.purchaseOrders, ...books.bankTransactions.filter((t) => t.LineItems.length)]) {
      const again = totals(doc.LineItems, doc.LineAmountTypes, books.taxRates);
      expect({ lines: doc.LineItems, SubTotal: doc.SubTotal, TotalTax: doc.TotalTax, Total: doc.Total })
        .toEqual({ lines: again.LineItems, SubTotal: again.SubTotal, TotalTax: again.TotalTax, Total: again.Total });
    }
  });

  it("keeps AmountDue, payments and allocations consistent, with partial payments", () => {
    const books = seeded();
    const paidBy = new Map<string, number[]>();
    for (const p of books.payments.filter((p) => p.Status === "AUTHORISED" && p.Invoice)) (paidBy.get(p.Invoice!.InvoiceID) ?? paidBy.set(p.Invoice!.InvoiceID, []).get(p.Invoice!.InvoiceID)!).push(p.Amount);
    for (const i of books.invoices) {
      const paid = sumDecimal(paidBy.get(i.InvoiceID) ?? []);
      expect(paid.toNumber()).toBe(i.AmountPaid);
      expect(sumDecimal([i.Total]).minus(i.AmountPaid).minus(i.AmountCredited).toNumber()).toBe(i.AmountDue);
      expect(i.Status === "PAID").toBe(["AUTHORISED", "PAID"].includes(i.Status) && i.AmountDue === 0);
    }
    expect(books.invoices.filter((i) => i.Status === "AUTHORISED" && i.AmountPaid > 0).length).toBeGreaterThan(5);
    expect(books.payments.filter((p) => p.Invoice?.Type === "ACCPAY").length).toBeGreaterThan(100);
  });

  it("has credit notes fully, partly and not allocated, quotes and purchase orders in every status", () => {
    const books = seeded();
    const notes = books.creditNotes.filter((c) => c.Status === "AUTHORISED" || c.Status === "PAID");
    expect(notes.some((c) => c.Allocations.length && c.RemainingCredit === 0)).toBe(true);
    expect(notes.some((c) => c.Allocations.length && c.RemainingCredit > 0)).toBe(true);
    expect(notes.some((c) => !c.Allocations.length && c.RemainingCredit === c.Total)).toBe(true);
    expect(statuses(books.quotes)).toEqual(new Set(["DRAFT", "SENT", "ACCEPTED", "DECLINED", "INVOICED", "DELETED"]));
    expect(books.quotes.every((q) => ["EXCLUSIVE", "INCLUSIVE", "NOTAX"].includes(q.LineAmountTypes))).toBe(true);
    expect(statuses(books.purchaseOrders)).toEqual(new Set(["DRAFT", "SUBMITTED", "AUTHORISED", "BILLED", "DELETED"]));
  });

  it("has spend and receive money, transfers with their legs, and an opening capital contribution", () => {
    const books = seeded();
    const types = new Set(books.bankTransactions.map((t) => t.Type));
    for (const t of ["RECEIVE", "SPEND", "RECEIVE-TRANSFER", "SPEND-TRANSFER"]) expect(types.has(t as never)).toBe(true);
    expect(books.bankTransfers.length).toBeGreaterThanOrEqual(17);
    const ids = new Set(books.bankTransactions.map((t) => t.BankTransactionID));
    expect(books.bankTransfers.every((t) => ids.has(t.FromBankTransactionID) && ids.has(t.ToBankTransactionID))).toBe(true);
    expect(books.bankTransactions.some((t) => t.LineItems.some((l) => l.AccountCode === "970"))).toBe(true);
  });

  it("uses unique v4-looking GUIDs and stores dates and timestamps in their formats", () => {
    const books = seeded();
    const ids = [...books.invoices.map((i) => i.InvoiceID), ...books.contacts.map((c) => c.ContactID), ...books.payments.map((p) => p.PaymentID), ...books.accounts.map((a) => a.AccountID)];
    expect(ids.every((id) => GUID.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const records: Record<string, unknown>[] = [...books.invoices, ...books.payments, ...books.quotes, ...books.contacts, ...books.bankTransfers] as never;
    for (const r of records) {
      for (const f of DATE_FIELDS) if (r[f] !== undefined) expect(r[f]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const f of TIMESTAMP_FIELDS) if (r[f] !== undefined) expect(r[f]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    }
  });

  it("stamps UpdatedDateUTC on or after the record date and never after today", () => {
    const books = seeded();
    for (const r of [...books.invoices, ...books.creditNotes, ...books.payments, ...books.quotes, ...books.purchaseOrders, ...books.bankTransactions]) {
      expect(r.UpdatedDateUTC.slice(0, 10) >= r.Date).toBe(true);
      expect(r.UpdatedDateUTC.slice(0, 10) <= TODAY).toBe(true);
    }
  });
});

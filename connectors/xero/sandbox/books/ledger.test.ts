import { describe, expect, it } from "vitest";
import { journal, type JournalLine } from "./ledger.js";
import { Decimal, sumDecimal } from "./money.js";
import { seeded } from "./test-support.js";

function bySource(lines: JournalLine[]): Map<string, Decimal> {
  const sums = new Map<string, Decimal>();
  for (const l of lines) sums.set(l.source.id, (sums.get(l.source.id) ?? new Decimal(0)).plus(l.amount));
  return sums;
}

function balance(lines: JournalLine[], code: string): number {
  return sumDecimal(lines.filter((l) => l.accountCode === code).map((l) => l.amount)).toNumber();
}

describe.each(["ACCRUAL", "CASH"] as const)("journal (%s)", (basis) => {
  const lines = journal(seeded(), basis);

  it("sums to zero overall and per source document", () => {
    expect(sumDecimal(lines.map((l) => l.amount)).toFixed(2)).toBe("0.00");
    for (const [id, sum] of bySource(lines)) expect([id, sum.toFixed(2)]).toEqual([id, "0.00"]);
  });

  it("posts only to known accounts, in cents", () => {
    const ids = new Set(seeded().accounts.map((a) => a.AccountID));
    expect(lines.every((l) => ids.has(l.accountId) && l.amount.decimalPlaces() <= 2)).toBe(true);
  });

  it("posts nothing for draft, submitted, voided or deleted documents", () => {
    const silent = new Set(seeded().invoices.filter((i) => !["AUTHORISED", "PAID"].includes(i.Status)).map((i) => i.InvoiceID));
    expect(lines.some((l) => silent.has(l.source.id))).toBe(false);
  });
});

describe("accrual and cash bases", () => {
  const books = seeded();
  const accrual = journal(books, "ACCRUAL");
  const cash = journal(books, "CASH");

  it("accrual receivables and payables equal what documents still have outstanding", () => {
    const posted = (s: string) => s === "AUTHORISED" || s === "PAID";
    const due = (type: string) => sumDecimal(books.invoices.filter((i) => i.Type === type && posted(i.Status)).map((i) => i.AmountDue));
    const credit = (type: string) => sumDecimal(books.creditNotes.filter((c) => c.Type === type && posted(c.Status)).map((c) => c.RemainingCredit));
    expect(balance(accrual, "610")).toBe(due("ACCREC").minus(credit("ACCRECCREDIT")).toNumber());
    expect(balance(accrual, "800")).toBe(due("ACCPAY").minus(credit("ACCPAYCREDIT")).negated().toNumber());
  });

  it("cash basis never touches receivables or payables and recognises unpaid invoices not at all", () => {
    expect(cash.some((l) => l.accountCode === "610" || l.accountCode === "800")).toBe(false);
    const unpaid = books.invoices.find((i) => i.Status === "AUTHORISED" && i.AmountPaid === 0 && i.AmountCredited === 0)!;
    expect(cash.some((l) => l.source.id === unpaid.InvoiceID)).toBe(false);
    expect(accrual.some((l) => l.source.id === unpaid.InvoiceID)).toBe(true);
  });

  it("bank balances agree on both bases", () => {
    for (const code of ["090", "091"]) expect(balance(cash, code)).toBe(balance(accrual, code));
    expect(balance(accrual, "090")).toBeGreaterThan(0);
  });

  it("a fully paid invoice is fully recognised on the cash basis", () => {
    const paid = books.invoices.find((i) => i.Type === "ACCREC" && i.Status === "PAID" && i.Payments.length > 1 && i.CreditNotes.length === 0)
      ?? books.invoices.find((i) => i.Type === "ACCREC" && i.Status === "PAID" && i.CreditNotes.length === 0)!;
    const paymentIds = new Set(paid.Payments.map((p) => p.PaymentID));
    const revenue = (lines: JournalLine[], ids: Set<string>) =>
      sumDecimal(lines.filter((l) => ids.has(l.source.id) && ["200", "260", "820"].includes(l.accountCode)).map((l) => l.amount)).toNumber();
    expect(revenue(cash, paymentIds)).toBe(-paid.Total);
    expect(revenue(accrual, new Set([paid.InvoiceID]))).toBe(-paid.Total);
  });
});

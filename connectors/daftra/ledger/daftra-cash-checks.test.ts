/**
 * The cash checks on correct Daftra books where a payment settles more than income or expense:
 *   - purchase invoice B1 (1 Jul) for equipment 5,000.00 (asset 1401), paid 10 Jul: the cash P&L has no
 *     expense, and the payment is not an expense either (on its own, CASH_EXPENSES_EQUAL_PAYMENTS was −5,000.00 off: repro p8);
 *   - invoice I1 (2 Jul) Sales 1,000.00 + VAT 150.00 with its cost of sales (invoice_sales_cost: Cost of
 *     Goods Sold 600.00 / Stock 600.00), half paid (575.00) 15 Jul: cash income 500.00, cost of sales 300.00.
 */
import { describe, expect, it } from "vitest";
import { ReportBasis, ReportTimeframe } from "../../../schema/report/report-enums.js";
import { computeProfitAndLoss, type Ledger } from "../../../src/reports/engine/index.js";
import { invoice, lineItem, payment } from "../../../src/reports/engine/testing/documents.js";
import type { DaftraJournalAccount } from "../mapping/wire-schemas.js";
import { daftraJournalLedger } from "./daftra-ledger.js";
import type { JournalBooks, JournalPosting } from "./journal-ledger.js";

const account = (id: string, code: string, name: string, entity_type: string | null = null) => ({ id, code, name, entity_type }) as DaftraJournalAccount;
const accounts = [
  account("a1", "1201", "Bank", "treasury"), account("a2", "1401", "Equipment"), account("a3", "2101", "Suppliers"), account("a4", "3101", "Capital"),
  account("a5", "1101", "Customers"), account("a6", "1301", "Stock"), account("a7", "2102", "VAT Output"), account("a8", "4101", "Sales"),
  account("a9", "5102", "Cost of Goods Sold"),
];
const P = (date: string, accountRemoteId: string, amount: string, type: string, id: string, entityId: string | null): JournalPosting =>
  ({ date, accountRemoteId, amount, source: { type, id }, entityId });
const postings = [
  P("2026-06-01", "a1", "10000.00", "journal", "j0", null), P("2026-06-01", "a4", "-10000.00", "journal", "j0", null),
  P("2026-07-01", "a2", "5000.00", "purchase_order", "j1", "B1"), P("2026-07-01", "a3", "-5000.00", "purchase_order", "j1", "B1"),
  P("2026-07-10", "a3", "5000.00", "purchase_order_payment", "j2", "PP1"), P("2026-07-10", "a1", "-5000.00", "purchase_order_payment", "j2", "PP1"),
  P("2026-07-02", "a5", "1150.00", "invoice", "j3", "I1"), P("2026-07-02", "a8", "-1000.00", "invoice", "j3", "I1"), P("2026-07-02", "a7", "-150.00", "invoice", "j3", "I1"),
  P("2026-07-02", "a9", "600.00", "invoice_sales_cost", "j4", "I1"), P("2026-07-02", "a6", "-600.00", "invoice_sales_cost", "j4", "I1"),
  P("2026-07-15", "a1", "575.00", "invoice_payment", "j5", "IP1"), P("2026-07-15", "a5", "-575.00", "invoice_payment", "j5", "IP1"),
];
const net = new Map<string, number>();
for (const p of postings) net.set(p.accountRemoteId, (net.get(p.accountRemoteId) ?? 0) + Number(p.amount));
const totals = accounts.map((a) => ({ accountRemoteId: a.id, debit: Math.max(net.get(a.id) ?? 0, 0).toFixed(2), credit: Math.max(-(net.get(a.id) ?? 0), 0).toFixed(2) }));
const journal: JournalBooks = { accounts, postings, totals };

const bill = invoice("Bill", "B1", "2026-07-01", [lineItem("5000.00", "0.00")], { payments: [{ remoteId: "PP1", paymentId: null, amount: "5000.00", date: "2026-07-10" }] });
const sale = invoice("Invoice", "I1", "2026-07-02", [lineItem("1000.00", "150.00")]);
const documents = { invoices: [sale], bills: [bill], payments: [payment("IP1", "2026-07-15", "575.00", sale)], expenses: [] };
const CTX = { organizationId: "org-1", provider: "DAFTRA" as never };
const july = (ledger: Ledger) =>
  computeProfitAndLoss(ledger, { fromDate: "2026-07-01", toDate: "2026-07-31", periods: 0, timeframe: ReportTimeframe.MONTH, basis: ReportBasis.CASH }, CTX);
const cashChecks = (ledger: Ledger) => july(ledger).checks.filter((c) => c.name.startsWith("CASH_")).map((c) => [c.name, c.passed, c.difference]);

describe("Daftra cash checks count only what a payment settles in the P&L", () => {
  it("equipment bought on a purchase invoice and a sale with its cost of sales: cash P&L as computed by hand, both checks pass", () => {
    const ledger = daftraJournalLedger(journal, documents, ReportBasis.CASH, { currency: "SAR" });
    const pl = july(ledger);
    expect([pl.totalIncome, pl.grossProfit, pl.netProfit]).toEqual([["500.00"], ["200.00"], ["200.00"]]); // 575 × 1000/1150; COGS 600 × ½
    expect(cashChecks(ledger)).toEqual([
      ["CASH_INCOME_EQUALS_RECEIPTS", true, ["0.00"]],
      ["CASH_EXPENSES_EQUAL_PAYMENTS", true, ["0.00"]], // was −4,700.00: the 5,000.00 equipment payment counted as an expense, the 300.00 cost of sales not
    ]);
    expect(pl.balanced).toBe(true);
  });

  it("still fails when the cash P&L leaves the cost of sales out (−300.00) or books the equipment as an expense (+5,000.00)", () => {
    const ledger = daftraJournalLedger(journal, documents, ReportBasis.CASH, { currency: "SAR" });
    expect(cashChecks({ ...ledger, postings: ledger.postings.filter((p) => p.accountRemoteId !== "a9") })[1]).toEqual(["CASH_EXPENSES_EQUAL_PAYMENTS", false, ["-300.00"]]);
    const rentChart = { ...ledger, accounts: ledger.accounts.map((a) => (a.remoteId === "a2" ? { ...a, class: "EXPENSE" as never, sectionKey: "OPERATING_EXPENSES" as never } : a)) };
    expect(cashChecks(rentChart)[1]).toEqual(["CASH_EXPENSES_EQUAL_PAYMENTS", false, ["5000.00"]]);
  });
});

import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { BankTransactionKind } from "../../../schema/bank-transaction/bank-transaction.type.js";
import { LineAmountType } from "../../../schema/common/document.type.js";
import { CreditNoteKind } from "../../../schema/credit-note/credit-note.type.js";
import { ExpenseKind } from "../../../schema/expense/expense.type.js";
import { InvoiceStatus } from "../../../schema/invoice/invoice-status.enum.js";
import { PaymentDirection } from "../../../schema/payment/payment.type.js";
import { ReportBasis, ReportTimeframe } from "../../../schema/report/report-enums.js";
import type { DocumentBooks } from "./document-index.js";
import { documentPostings } from "./document-ledger.js";
import { computeBalanceSheet, computeProfitAndLoss } from "./index.js";
import { bankTransaction, CHART, creditNote, expense, invoice, lineItem, payment } from "./testing/documents.js";
import { CTX, handLedger } from "./testing/hand-ledger.js";

const { ACCRUAL, CASH } = ReportBasis;
const sale = invoice("Invoice", "inv-1", "2026-01-10", [lineItem("100.00", "15.00", { accountCode: "200" })], { status: InvoiceStatus.PAID });
const books: DocumentBooks = {
  invoices: [
    sale,
    invoice("Invoice", "draft", "2026-01-11", [lineItem("999.00", "0.00")], { status: InvoiceStatus.DRAFT }),
    invoice("Invoice", "void", "2026-01-12", [lineItem("888.00", "0.00")], { status: InvoiceStatus.VOIDED }),
  ],
  payments: [payment("pay-1", "2026-02-05", "46.00", sale), payment("pay-2", "2026-03-20", "69.00", sale)],
};
const ledger = (docs: DocumentBooks, basis: ReportBasis) => handLedger(documentPostings(docs, CHART, basis));
const income = (docs: DocumentBooks, basis: ReportBasis) => computeProfitAndLoss(ledger(docs, basis),
  { fromDate: "2026-03-01", toDate: "2026-03-31", periods: 2, timeframe: ReportTimeframe.MONTH, basis }, CTX).totalIncome;
const balances = (docs: DocumentBooks, basis: ReportBasis, date: string) => {
  const report = computeBalanceSheet(ledger(docs, basis), { date, periods: 0, timeframe: ReportTimeframe.MONTH, basis }, CTX);
  expect(report.balanced).toBe(true);
  return Object.fromEntries(report.sections.flatMap((s) => [...s.lines, ...s.sections.flatMap((c) => c.lines)]).map((l) => [l.name, l.amounts[0]]));
};

describe("documents → postings", () => {
  it("accrual: income at the issue date against receivables; drafts and voided post nothing", () => {
    expect(income(books, ACCRUAL)).toEqual(["0.00", "0.00", "100.00"]);
    expect(balances(books, ACCRUAL, "2026-02-28")).toMatchObject({ Debtors: "69.00", Bank: "46.00", Tax: "15.00" });
  });

  it("cash: income and tax recognised pro rata as the invoice is paid", () => {
    expect(income(books, CASH)).toEqual(["60.00", "40.00", "0.00"]);
    expect(balances(books, CASH, "2026-02-28")).toEqual({ "Current Year Earnings": "40.00", Bank: "46.00", Tax: "6.00" });
  });

  it("cash: carried rounding leaves exactly the document's amounts once it is fully paid", () => {
    const odd = invoice("Invoice", "odd", "2026-03-01", [lineItem("33.34", "5.00"), lineItem("53.62", "8.04")]);
    const thirds = ["33.33", "33.33", "33.34"].map((a, i) => payment(`p${i}`, `2026-03-0${i + 2}`, a, odd));
    const postings = documentPostings({ invoices: [odd], payments: thirds }, CHART, CASH);
    const total = (account: string) => postings.filter((p) => p.accountRemoteId === account).reduce((s, p) => s.plus(p.amount), new Decimal(0)).toFixed(2);
    expect([total("sales"), total("tax"), total("bank")]).toEqual(["-86.96", "-13.04", "100.00"]);
  });

  it("every source's postings sum to zero, on both bases", () => {
    const bill = invoice("Bill", "bill-1", "2026-01-15", [lineItem("200.00", "30.00", { accountCode: "469" })]);
    const all: DocumentBooks = { ...books, bills: [bill], payments: [...books.payments!, payment("pay-3", "2026-01-20", "100.00", bill, PaymentDirection.PAID)] };
    for (const basis of [ACCRUAL, CASH]) {
      const bySource = new Map<string, Decimal>();
      for (const p of documentPostings(all, CHART, basis)) bySource.set(p.source!.id, (bySource.get(p.source!.id) ?? new Decimal(0)).plus(p.amount));
      expect([...bySource.values()].every((d) => d.isZero())).toBe(true);
    }
  });

  it("credit applied to an invoice reduces accrual income, and nets to nothing on the cash basis", () => {
    const inv = invoice("Invoice", "inv-2", "2026-03-05", [lineItem("100.00", "15.00")]);
    const credit = creditNote(CreditNoteKind.SALES, "cn-1", "2026-03-06", [lineItem("20.00", "3.00")], [{ amount: "23.00", date: "2026-03-07", documentId: inv.id }]);
    const docs = { invoices: [inv], creditNotes: [credit] };
    expect(income(docs, ACCRUAL)[0]).toBe("80.00");
    expect(income(docs, CASH)[0]).toBe("0.00");
    expect(balances(docs, CASH, "2026-03-31")).toEqual({ "Current Year Earnings": "0.00" });
  });

  it("selling a tracked item moves its cost from stock to cost of sales", () => {
    const widgets = invoice("Invoice", "inv-3", "2026-03-05", [lineItem("100.00", "0.00", { itemCode: "WIDGET", quantity: "2" })]);
    const report = computeProfitAndLoss(ledger({ invoices: [widgets] }, ACCRUAL), { fromDate: "2026-03-01", toDate: "2026-03-31", periods: 0, timeframe: ReportTimeframe.MONTH, basis: ACCRUAL }, CTX);
    expect(report).toMatchObject({ totalIncome: ["100.00"], grossProfit: ["40.00"] });
    expect(balances({ invoices: [widgets] }, ACCRUAL, "2026-03-31")).toMatchObject({ Stock: "-60.00", Debtors: "100.00" });
  });

  it("bank transactions, expenses and transfers post on both bases; transfer legs clear each other", () => {
    const docs: DocumentBooks = {
      bankTransactions: [
        bankTransaction("rx", BankTransactionKind.RECEIVE, "2026-03-03", "090", [lineItem("115.00", "15.00", { accountCode: "200" })], LineAmountType.INCLUSIVE),
        bankTransaction("out", BankTransactionKind.SPEND_TRANSFER, "2026-03-04", "090", [lineItem("50.00", "0.00")]),
        bankTransaction("in", BankTransactionKind.RECEIVE_TRANSFER, "2026-03-04", "091", [lineItem("50.00", "0.00")]),
      ],
      expenses: [expense("e1", ExpenseKind.EXPENSE, "2026-03-05", "20.00", "3.00", "469"), expense("e2", ExpenseKind.INCOME, "2026-03-06", "10.00", "0.00", null)],
    };
    for (const basis of [ACCRUAL, CASH]) {
      expect(income(docs, basis)[0]).toBe("110.00");
      expect(balances(docs, basis, "2026-03-31")).toMatchObject({ Bank: "65.00", Savings: "37.00", Tax: "12.00", "Current Year Earnings": "90.00" });
    }
  });

  it("uses payments listed only on the document when there are no payment records", () => {
    const listed = invoice("Invoice", "inv-4", "2026-03-01", [lineItem("100.00", "0.00")], { payments: [{ remoteId: "s1", date: "2026-03-10", amount: "25.00" }] });
    expect(income({ invoices: [listed] }, CASH)[0]).toBe("25.00");
    expect(balances({ invoices: [listed] }, ACCRUAL, "2026-03-31")).toMatchObject({ Bank: "25.00", Debtors: "75.00" });
  });
});

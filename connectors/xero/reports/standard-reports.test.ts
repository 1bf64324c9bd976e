import { describe, expect, it } from "vitest";
import type { ReportWithRow } from "xero-node";
import { AccountClass } from "../../../schema/account/account.type.js";
import { ReportBasis, ReportTimeframe } from "../../../schema/report/report-enums.js";
import { AgedBy } from "../../../schema/report/standard-reports.type.js";
import { toGlobalId } from "../../../src/ids/global-id.js";
import { fromWire } from "../testing/from-wire.js";
import { toUnifiedAgedByContact } from "./aged-by-contact.js";
import { toUnifiedCashSummary } from "./bank-summary.js";
import { toUnifiedTrialBalance } from "./trial-balance.js";

type Attr = { Id: string; Value: string };
const cell = (Value: string, Attributes?: Attr[]) => (Attributes ? { Value, Attributes } : { Value });
const row = (values: string[], attrs?: Attr[]) => ({ RowType: "Row", Cells: values.map((v) => cell(v, attrs)) });
const summary = (values: string[]) => ({ RowType: "SummaryRow", Cells: values.map((v) => cell(v)) });
const section = (Title: string, Rows: unknown[]) => ({ RowType: "Section", Title, Rows });
const header = (values: string[]) => ({ RowType: "Header", Cells: values.map((v) => cell(v)) });
const report = (id: string, titles: string[], rows: unknown[]) =>
  fromWire<ReportWithRow>({ ReportID: id, ReportName: id, ReportType: id, ReportTitles: titles, Rows: rows }, "ReportWithRow");

const ctx = { organizationId: "org-1", currency: "USD" };
const acc = (id: string) => [{ Id: "account", Value: id }];

describe("toUnifiedTrialBalance", () => {
  // As the spec's example lays it out: one side of each pair filled, the other empty; retained earnings with its cut-off.
  const retained = [...acc("acc-re"), { Id: "fromDate", Value: "" }, { Id: "toDate", Value: "6/30/2026" }];
  const tbRows = (total = ["1290.00", "1290.00", "46019.00", "46019.00"]) => [
    header(["Account", "Debit", "Credit", "YTD Debit", "YTD Credit"]),
    section("Revenue", [row(["Sales (400)", "", "200.00", "", "1020.22"], acc("acc-sales"))]),
    section("Expenses", [row(["Rent (469)", "100.00", "", "40.00", ""], acc("acc-rent"))]),
    section("Assets", [row(["Accounts Receivable (120)", "1190.00", "", "36555.04", ""], acc("acc-ar")), row(["Savings (090)", "0.00", "", "9423.96", ""], acc("acc-bank"))]),
    section("Liabilities", [row(["Accounts Payable (200)", "", "1090.00", "", "13127.09"], acc("acc-ap"))]),
    section("Equity", [{ RowType: "Row", Cells: [cell("Retained Earnings (320)", acc("acc-re")), ...["", "0.00", "", "31871.69"].map((v) => cell(v, retained))] }]),
    section("", [summary(["Total", ...total])]),
  ];
  const params = { date: "2026-10-15", basis: ReportBasis.ACCRUAL };

  it("maps each account to one line: name without its code, class from the section, each pair on one side", () => {
    const tb = toUnifiedTrialBalance(report("TrialBalance", ["Trial Balance", "Demo", "As at 15 October 2026"], tbRows()), params, { ...ctx, accountCodes: new Map([["acc-sales", "400"]]) });
    expect(tb.lines[0]).toEqual({ accountRemoteId: "acc-sales", accountCode: "400", name: "Sales", class: AccountClass.REVENUE, debit: "0.00", credit: "200.00", ytdDebit: "0.00", ytdCredit: "1020.22" });
    // Unified order: class, then code.
    expect(tb.lines.map((l) => [l.class, l.accountCode, l.name])).toEqual([
      ["REVENUE", "400", "Sales"], ["EXPENSE", "469", "Rent"], ["ASSET", "090", "Savings"], ["ASSET", "120", "Accounts Receivable"],
      ["LIABILITY", "200", "Accounts Payable"], ["EQUITY", "320", "Retained Earnings"],
    ]);
    expect(tb).toMatchObject({
      source: "NATIVE", provider: "XERO", currency: "USD", title: "Trial Balance, Demo, As at 15 October 2026", date: "2026-10-15", basis: "ACCRUAL",
      totalDebit: "1290.00", totalCredit: "1290.00", totalYtdDebit: "46019.00", totalYtdCredit: "46019.00", balanced: true,
    });
    // Without the organisation's year end, the year starts the day after Xero's retained-earnings cut-off.
    expect(tb.periods).toEqual([
      { label: "1 Oct 2026 – 15 Oct 2026", fromDate: "2026-10-01", toDate: "2026-10-15" },
      { label: "1 Jul 2026 – 15 Oct 2026", fromDate: "2026-07-01", toDate: "2026-10-15" },
    ]);
    expect((tb.raw as { ReportID: string }).ReportID).toBe("TrialBalance");
  });

  it("takes the year from the organisation's financial year end, and the chart's names and codes", () => {
    const accounts = new Map([["acc-rent", { code: "469", name: "Office Rent", class: AccountClass.EXPENSE }]]);
    const tb = toUnifiedTrialBalance(report("TrialBalance", [], tbRows()), params, { ...ctx, accounts, financialYearEnd: { month: 3, day: 31 } });
    expect(tb.periods[1]).toEqual({ label: "1 Apr 2026 – 15 Oct 2026", fromDate: "2026-04-01", toDate: "2026-10-15" });
    expect(tb.lines.find((l) => l.accountRemoteId === "acc-rent")!.name).toBe("Office Rent");
  });

  it("is not balanced when Xero's total disagrees with the lines, or debits with credits, and says which column", () => {
    const tb = toUnifiedTrialBalance(report("TrialBalance", [], tbRows(["1290.00", "1290.01", "46019.00", "46019.00"])), params, ctx);
    expect(tb.balanced).toBe(false);
    expect(tb.checks.filter((c) => !c.passed).map((c) => [c.name, c.difference])).toEqual([
      ["TRIAL_BALANCE:DEBITS_EQUAL_CREDITS", ["-0.01"]],
      ["TRIAL_BALANCE:TOTALS", ["0.01", "0.00"]],
    ]);
    expect(tb.checks.find((c) => c.name === "TRIAL_BALANCE:TOTALS")!.message).toContain("'1 Oct 2026 – 15 Oct 2026'");
  });
});

describe("toUnifiedAgedByContact", () => {
  const inv = (id: string) => [{ Id: "invoiceID", Value: id }];
  const agedRows = (due = "150.00") => [
    header(["Date", "Number", "Due Date", "", "Total", "Paid", "Credited", "Due"]),
    section("", [row(["2026-01-01T00:00:00", "Opening Balance", "", "", "", "", "", "40.00"])]),
    section("", [
      row(["2026-01-10T00:00:00", "INV-9", "2026-02-09T00:00:00", "34 days overdue", "220.00", "50.00", "20.00", due], inv("i-9")),
      row(["2026-03-01T00:00:00", "INV-10", "2026-03-31T00:00:00", "", "110.00", "0.00", "0.00", "110.00"], inv("i-10")),
      row(["2026-03-05T00:00:00", "CN-1", "", "", "-55.00", "0.00", "-20.00", "-35.00"], [{ Id: "creditNoteID", Value: "cn-1" }]),
      summary(["Total", "", "", "", "275.00", "50.00", "0.00", "225.00"]),
    ]),
    section("", [summary(["Closing Balance", "", "", "", "275.00", "50.00", "0.00", "265.00"])]),
  ];
  const params = {
    side: "RECEIVABLES" as const, date: "2026-03-15", agedBy: AgedBy.DUE_DATE, bucketDays: [30, 60, 90], contactRemoteId: "c-1",
    fromDate: "2026-01-01", toDate: "2026-03-15", basis: ReportBasis.ACCRUAL,
  };
  const id = (type: string, remoteId: string) => toGlobalId({ organizationId: "org-1", type, remoteId });

  it("maps each document row, ages and buckets it by the engine's buckets, and leaves the opening balance out", () => {
    const aged = toUnifiedAgedByContact(report("AgedReceivablesByContact", ["Invoices", "Acme Ltd", "From 1 January 2026 to 15 March 2026", "Showing payments to 15 March 2026"], agedRows()), params, ctx);
    expect(aged.buckets.map((b) => b.label)).toEqual(["Current", "1 - 30 days", "31 - 60 days", "61 - 90 days", "Older than 90 days"]);
    expect(aged.contacts).toHaveLength(1);
    expect(aged.contacts[0]).toMatchObject({ contactId: id("Contact", "c-1"), contactName: "Acme Ltd", total: "225.00", amounts: ["110.00", "-35.00", "150.00", "0.00", "0.00"] });
    expect(aged.contacts[0]!.documents).toEqual([
      { documentId: id("Invoice", "i-9"), kind: "INVOICE", number: "INV-9", reference: null, issueDate: "2026-01-10", dueDate: "2026-02-09", total: "220.00", paid: "50.00", credited: "20.00", due: "150.00", daysAged: 34, bucket: 2 },
      { documentId: id("Invoice", "i-10"), kind: "INVOICE", number: "INV-10", reference: null, issueDate: "2026-03-01", dueDate: "2026-03-31", total: "110.00", paid: "0.00", credited: "0.00", due: "110.00", daysAged: -16, bucket: 0 },
      // A credit note has no due date: it ages from its issue date.
      { documentId: id("CreditNote", "cn-1"), kind: "SALES_CREDIT", number: "CN-1", reference: null, issueDate: "2026-03-05", dueDate: null, total: "-55.00", paid: "0.00", credited: "-20.00", due: "-35.00", daysAged: 10, bucket: 1 },
    ]);
    expect(aged).toMatchObject({ source: "NATIVE", date: "2026-03-15", agedBy: "DUE_DATE", amounts: ["110.00", "-35.00", "150.00", "0.00", "0.00"], total: "225.00", balanced: true });
  });

  it("ages from the issue date when asked, and reads payables as bills", () => {
    const aged = toUnifiedAgedByContact(report("AgedPayablesByContact", [], agedRows()), { ...params, side: "PAYABLES", agedBy: AgedBy.ISSUE_DATE }, ctx);
    expect(aged.contacts[0]!.documents.map((d) => [d.kind, d.daysAged, d.bucket, d.documentId])).toEqual([
      ["BILL", 64, 3, id("Bill", "i-9")], ["BILL", 14, 1, id("Bill", "i-10")], ["PURCHASE_CREDIT", 10, 1, id("CreditNote", "cn-1")],
    ]);
  });

  it("flags a document whose due is not total − paid − credited, and totals that do not add up", () => {
    const aged = toUnifiedAgedByContact(report("AgedReceivablesByContact", [], agedRows("150.01")), params, ctx);
    expect(aged.balanced).toBe(false);
    expect(aged.checks.filter((c) => !c.passed).map((c) => [c.name, c.difference])).toEqual([
      ["AGED:DOCUMENT_DUE", ["0.01"]],
      ["AGED:STATED_TOTALS", ["0.00", "0.00", "0.00", "-0.01"]],
      ["AGED:CLOSING_BALANCE", ["-0.01"]],
    ]);
  });

  it("a contact with nothing open has no contact entry and a zero total", () => {
    const empty = [header(["Date", "Number", "Due Date", "", "Total", "Paid", "Credited", "Due"]), section("", [summary(["Total", "", "", "", "0.00", "0.00", "0.00", "0.00"])])];
    const aged = toUnifiedAgedByContact(report("AgedReceivablesByContact", [], empty), params, ctx);
    expect(aged).toMatchObject({ contacts: [], amounts: ["0.00", "0.00", "0.00", "0.00", "0.00"], total: "0.00", balanced: true });
  });
});

describe("toUnifiedCashSummary", () => {
  const bank = (id: string, name: string, values: string[]) => ({
    RowType: "Row",
    Cells: [cell(name, [{ Id: "accountID", Value: id }]), cell(values[0]!), cell(values[1]!, acc(id)), cell(values[2]!, acc(id)), cell(values[3]!)],
  });
  const bankSummary = (rows: unknown[], total: string[]) => report("BankSummary", ["Bank Summary", "Demo", "From 1 October 2026 to 31 October 2026"], [
    header(["Bank Accounts", "Opening Balance", "Cash Received", "Cash Spent", "Closing Balance"]),
    section("", [...rows, summary(["Total", ...total])]),
  ]);
  const params = { fromDate: "2026-10-01", toDate: "2026-10-31", periods: 1, timeframe: ReportTimeframe.MONTH, basis: ReportBasis.ACCRUAL };
  const accountCodes = new Map([["b-1", "090"], ["b-2", "091"]]);

  it("puts one report per period together, account by account, 0.00 where a period does not list an account", () => {
    const october = bankSummary([bank("b-2", "Savings", ["100.00", "0.00", "25.00", "75.00"]), bank("b-1", "Cheque", ["0.00", "110.00", "100.00", "10.00"])], ["100.00", "110.00", "125.00", "85.00"]);
    const september = bankSummary([bank("b-2", "Savings", ["0.00", "100.00", "0.00", "100.00"])], ["0.00", "100.00", "0.00", "100.00"]);
    const cs = toUnifiedCashSummary([october, september], params, { ...ctx, accountCodes });
    expect(cs.periods.map((p) => p.label)).toEqual(["Oct 2026", "Sep 2026"]);
    expect(cs.accounts).toEqual([
      { accountRemoteId: "b-1", accountCode: "090", name: "Cheque", opening: ["0.00", "0.00"], received: ["110.00", "0.00"], spent: ["100.00", "0.00"], closing: ["10.00", "0.00"] },
      { accountRemoteId: "b-2", accountCode: "091", name: "Savings", opening: ["100.00", "0.00"], received: ["0.00", "100.00"], spent: ["25.00", "0.00"], closing: ["75.00", "100.00"] },
    ]);
    expect(cs).toMatchObject({
      source: "NATIVE", fromDate: "2026-10-01", toDate: "2026-10-31", title: "Bank Summary, Demo, From 1 October 2026 to 31 October 2026",
      opening: ["100.00", "0.00"], received: ["110.00", "100.00"], spent: ["125.00", "0.00"], closing: ["85.00", "100.00"], balanced: true,
    });
    expect(cs.raw).toHaveLength(2);
  });

  it("flags an account whose closing is not opening + received − spent, and a Total row that disagrees", () => {
    const october = bankSummary([bank("b-1", "Cheque", ["0.00", "110.00", "100.00", "10.01"])], ["0.00", "110.00", "100.00", "10.00"]);
    const cs = toUnifiedCashSummary([october], { ...params, periods: 0 }, { ...ctx, accountCodes });
    expect(cs.balanced).toBe(false);
    expect(cs.checks.filter((c) => !c.passed).map((c) => [c.name, c.difference])).toEqual([["CASH_SUMMARY:CLOSING", ["0.02"]], ["CASH_SUMMARY:TOTALS", ["0.01"]]]);
  });
});

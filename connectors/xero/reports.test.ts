import { describe, expect, it } from "vitest";
import type { ReportWithRow } from "xero-node";
import { ReportBasis, ReportTimeframe } from "../../schema/report/report-enums.js";
import { fromWire } from "./testing/from-wire.js";
import { toUnifiedBalanceSheet, toUnifiedProfitAndLoss } from "./reports.js";

const attr = (id: string) => [{ Id: "account", Value: id }];
const row = (name: string, id: string, ...values: string[]) => ({ RowType: "Row", Cells: [{ Value: name, Attributes: attr(id) }, ...values.map((Value) => ({ Value, Attributes: attr(id) }))] });
const plain = (name: string, ...values: string[]) => ({ RowType: "Row", Cells: [{ Value: name }, ...values.map((Value) => ({ Value }))] });
const total = (name: string, ...values: string[]) => ({ RowType: "SummaryRow", Cells: [{ Value: name }, ...values.map((Value) => ({ Value }))] });
const section = (Title: string, Rows: unknown[]) => ({ RowType: "Section", Title, Rows });
const report = (id: string, titles: string[], rows: unknown[]) =>
  fromWire<ReportWithRow>({ ReportID: id, ReportName: id, ReportTitles: titles, Rows: rows }, "ReportWithRow");

const ctx = { organizationId: "org-1", currency: "NZD", accountCodes: new Map([["acc-sales", "200"]]) };

const pnlRows = (netProfit = "1,300.00") => [
  { RowType: "Header", Cells: [{ Value: "" }, { Value: "31 Oct 26" }, { Value: "30 Sep 26" }] },
  section(" Income", [row("Sales", "acc-sales", "2,000.10", "1000.00"), row("Interest", "acc-int", "", "5.00"), total("Total Income", "2,000.10", "1005.00")]),
  section("Less Cost of Sales", [row("Purchases", "acc-cos", "500.10", "200.00"), total("Total Cost of Sales", "500.10", "200.00")]),
  section("", [plain("Gross Profit", "1500.00", "805.00")]),
  section("Plus Other Income", [row("Grants", "acc-grant", "100.00", "0.00"), total("Total Other Income", "100.00", "0.00")]),
  section("Less Operating Expenses", [row("Rent", "acc-rent", "300.00", "(300.00)"), total("Total Operating Expenses", "300.00", "-300.00")]),
  section("", [plain("NET PROFIT", netProfit, "1105.00")]),
];
const pnlParams = { fromDate: "2026-10-01", toDate: "2026-10-31", periods: 1, timeframe: ReportTimeframe.MONTH, basis: ReportBasis.ACCRUAL };

describe("toUnifiedProfitAndLoss", () => {
  it("maps header, sections with stable keys, lines with account ids and totals", () => {
    const pnl = toUnifiedProfitAndLoss(report("ProfitAndLoss", ["Profit & Loss", "Demo", "1 October 2026 to 31 October 2026"], pnlRows()), pnlParams, ctx);
    expect(pnl.periods).toEqual([
      { label: "Oct 2026", fromDate: "2026-10-01", toDate: "2026-10-31" },
      { label: "Sep 2026", fromDate: "2026-09-01", toDate: "2026-09-30" },
    ]);
    expect(pnl.sections.map((s) => [s.key, s.title])).toEqual([
      ["INCOME", "Income"], ["COST_OF_SALES", "Less Cost of Sales"], ["OTHER_INCOME", "Plus Other Income"], ["OPERATING_EXPENSES", "Less Operating Expenses"],
    ]);
    expect(pnl.sections[0].lines).toEqual([
      { name: "Sales", accountRemoteId: "acc-sales", accountCode: "200", amounts: ["2000.10", "1000.00"] },
      { name: "Interest", accountRemoteId: "acc-int", accountCode: null, amounts: ["0.00", "5.00"] },
    ]);
    expect(pnl.sections[3].total).toEqual(["300.00", "-300.00"]);
    expect(pnl).toMatchObject({
      source: "NATIVE", currency: "NZD", basis: "ACCRUAL", provider: "XERO", title: "Profit & Loss, Demo, 1 October 2026 to 31 October 2026",
      totalIncome: ["2000.10", "1005.00"], grossProfit: ["1500.00", "805.00"], totalExpenses: ["300.00", "-300.00"], netProfit: ["1300.00", "1105.00"],
      balanced: true,
    });
    expect((pnl.raw as { ReportID: string }).ReportID).toBe("ProfitAndLoss");
  });

  it("is not balanced when Xero's net profit disagrees, and says where", () => {
    const pnl = toUnifiedProfitAndLoss(report("ProfitAndLoss", [], pnlRows("1,300.01")), pnlParams, ctx);
    expect(pnl.balanced).toBe(false);
    const failed = pnl.checks.filter((c) => !c.passed);
    expect(failed.map((c) => c.name)).toEqual(["NET_PROFIT"]);
    expect(failed[0].difference).toEqual(["0.01", "0.00"]);
    expect(failed[0].message).toContain("'Oct 2026'");
  });
});

const bsRows = [
  { RowType: "Header", Cells: [{ Value: "" }, { Value: "31 Oct 2026" }] },
  section("Assets", []),
  section("Bank", [row("Cheque Account", "acc-bank", "1,000.00"), total("Total Bank", "1,000.00")]),
  section("Current Assets", [row("Accounts Receivable", "acc-ar", "500.00"), total("Total Current Assets", "500.00")]),
  section("Fixed Assets", [row("Office Equipment", "acc-fa", "250.00"), total("Total Fixed Assets", "250.00")]),
  section("", [total("Total Assets", "1,750.00")]),
  section("Liabilities", []),
  section("Current Liabilities", [row("GST", "acc-gst", "150.00"), total("Total Current Liabilities", "150.00")]),
  section("Non-Current Liabilities", [row("Loan", "acc-loan", "600.00"), total("Total Non-Current Liabilities", "600.00")]),
  section("", [total("Total Liabilities", "750.00")]),
  section("", [plain("Net Assets", "1,000.00")]),
  section("Equity", [row("Current Year Earnings", "00000000-0000-0000-0000-000000000000", "400.00"), row("Retained Earnings", "acc-re", "600.00"), total("Total Equity", "1,000.00")]),
];

describe("toUnifiedBalanceSheet", () => {
  const params = { date: "2026-10-31", periods: 0, timeframe: ReportTimeframe.MONTH, basis: ReportBasis.CASH };

  it("nests Xero's flat sections under ASSETS, LIABILITIES and EQUITY and balances", () => {
    const bs = toUnifiedBalanceSheet(report("BalanceSheet", ["Balance Sheet", "Demo", "As at 31 October 2026"], bsRows), params, ctx);
    expect(bs.periods).toEqual([{ label: "31 Oct 2026", fromDate: "2026-10-01", toDate: "2026-10-31" }]);
    expect(bs.sections.map((s) => [s.key, s.sections.map((c) => c.key)])).toEqual([
      ["ASSETS", ["BANK", "CURRENT_ASSETS", "FIXED_ASSETS"]],
      ["LIABILITIES", ["CURRENT_LIABILITIES", "NON_CURRENT_LIABILITIES"]],
      ["EQUITY", []],
    ]);
    expect(bs.sections[2].lines.map((l) => l.name)).toEqual(["Current Year Earnings", "Retained Earnings"]);
    expect(bs).toMatchObject({
      date: "2026-10-31", basis: "CASH", totalAssets: ["1750.00"], totalLiabilities: ["750.00"], totalEquity: ["1000.00"], netAssets: ["1000.00"], balanced: true,
    });
    expect(bs.checks.map((c) => c.name)).toEqual(expect.arrayContaining(["SECTION_TOTAL:ASSETS", "SECTION_TOTAL:BANK", "ASSETS_MINUS_LIABILITIES_EQUALS_EQUITY", "NET_ASSETS"]));
  });

  it("flags a sub-section whose lines do not add up to its total", () => {
    const broken = bsRows.map((r) => ((r as { Title?: string }).Title === "Bank" ? section("Bank", [row("Cheque Account", "acc-bank", "999.99"), total("Total Bank", "1,000.00")]) : r));
    const bs = toUnifiedBalanceSheet(report("BalanceSheet", [], broken), params, ctx);
    expect(bs.balanced).toBe(false);
    const failed = bs.checks.find((c) => !c.passed)!;
    expect(failed.name).toBe("SECTION_TOTAL:BANK");
    expect(failed.message).toContain("'Bank' (BANK)");
    expect(failed.difference).toEqual(["0.01"]);
  });
});

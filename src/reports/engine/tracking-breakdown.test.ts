import { describe, expect, it } from "vitest";
import { Provider } from "../../../schema/common/provider.enum.js";
import { ExpenseKind } from "../../../schema/expense/expense.type.js";
import { ReportBasis, ReportTimeframe } from "../../../schema/report/report-enums.js";
import type { ProfitAndLoss } from "../../../schema/report/report.type.js";
import { toGlobalId } from "../../ids/global-id.js";
import { PROJECTS_CATEGORY, trackingSumCheck } from "../tracking-columns.js";
import { fixedChartLedger } from "./fixed-chart-ledger.js";
import type { DocumentBooks } from "./document-index.js";
import { expense, invoice, lineItem, payment } from "./testing/documents.js";
import { computeBalanceSheetByTracking, computeProfitAndLossByTracking, type TrackingBreakdown } from "./tracking-breakdown.js";

/**
 * Clientary-shaped books on the fixed chart, by project. Hand-computed, January 2026:
 * - INV-1 (project Alpha): lines 100.00 + 50.00 net, tax 10.00 + 5.00, total 165.00; 110.00 received 20 Jan (2/3).
 * - INV-2 (project Beta): 200.00, no tax; unpaid.
 * - INV-3 (no project): 40.00, paid in full 25 Jan.
 * - Expense E-1 (Alpha) 30.00 on 12 Jan; expense E-2 (no project) 20.00 on 14 Jan.
 * Accrual: sales Alpha 150, Beta 200, Unassigned 40 (total 390); expenses Alpha 30, Unassigned 20; net 120 / 200 / 20 / 340.
 * Cash: INV-1 recognised 2/3 → sales 66.67 + 33.33 = 100.00 (tax 6.67 + 3.33); net Alpha 70, Beta 0, Unassigned 20, total 90.
 */
const ORG = "org-1";
const project = (remoteId: string) => toGlobalId({ organizationId: ORG, type: "Project", remoteId });
const inv1 = { ...invoice("Invoice", "INV-1", "2026-01-10", [lineItem("100.00", "10.00"), lineItem("50.00", "5.00")]), projectId: project("11") };
const inv2 = { ...invoice("Invoice", "INV-2", "2026-01-15", [lineItem("200.00", "0.00")]), projectId: project("12") };
const inv3 = invoice("Invoice", "INV-3", "2026-01-18", [lineItem("40.00", "0.00")]);
const books: DocumentBooks = {
  invoices: [inv1, inv2, inv3],
  payments: [payment("P-1", "2026-01-20", "110.00", inv1), payment("P-3", "2026-01-25", "40.00", inv3)],
  expenses: [
    { ...expense("E-1", ExpenseKind.EXPENSE, "2026-01-12", "30.00", "0.00", null), projectId: project("11") },
    expense("E-2", ExpenseKind.EXPENSE, "2026-01-14", "20.00", "0.00", null),
  ],
};
const byProject: TrackingBreakdown = { categoryRemoteId: PROJECTS_CATEGORY, options: [{ id: "11", name: "Alpha" }, { id: "12", name: "Beta" }] };
const ctx = { organizationId: ORG, provider: Provider.CLIENTARY };
const january = { fromDate: "2026-01-01", toDate: "2026-01-31", periods: 0, timeframe: ReportTimeframe.MONTH };
const ledger = (basis: ReportBasis) => fixedChartLedger(books, { currency: "USD", basis });
const lineOf = (r: ProfitAndLoss, key: string, account: string) => r.sections.find((s) => s.key === key)?.lines.find((l) => l.accountRemoteId === account)?.amounts;

describe("reports by tracking option (engine), hand-checked books by project", () => {
  it("accrual P&L: a column per project, then Unassigned and Total, every figure by hand", () => {
    const r = computeProfitAndLossByTracking(ledger(ReportBasis.ACCRUAL), { ...january, basis: ReportBasis.ACCRUAL }, ctx, byProject);
    expect(r.periods.map((p) => [p.label, p.trackingOption?.id ?? null, p.fromDate, p.toDate])).toEqual([
      ["Alpha", "11", "2026-01-01", "2026-01-31"], ["Beta", "12", "2026-01-01", "2026-01-31"],
      ["Unassigned", null, "2026-01-01", "2026-01-31"], ["Total", null, "2026-01-01", "2026-01-31"],
    ]);
    expect(r.periods[2]!.trackingOption).toEqual({ id: null, name: "Unassigned" });
    expect(r.periods[3]!.trackingOption).toBeNull();
    expect(lineOf(r, "INCOME", "sales")).toEqual(["150.00", "200.00", "40.00", "390.00"]);
    expect(lineOf(r, "OPERATING_EXPENSES", "expenses")).toEqual(["30.00", "0.00", "20.00", "50.00"]);
    expect(r.netProfit).toEqual(["120.00", "200.00", "20.00", "340.00"]);
    expect(r.balanced).toBe(true);
    expect(r.checks.find((c) => c.name === "TRACKING_COLUMNS_SUM_TO_TOTAL")).toMatchObject({ passed: true, difference: ["0.00", "0.00", "0.00", "0.00"] });
  });

  it("cash P&L: a part-paid invoice's lines are recognised pro rata in its project's column", () => {
    const r = computeProfitAndLossByTracking(ledger(ReportBasis.CASH), { ...january, basis: ReportBasis.CASH }, ctx, byProject);
    expect(lineOf(r, "INCOME", "sales")).toEqual(["100.00", "0.00", "40.00", "140.00"]);
    expect(r.netProfit).toEqual(["70.00", "0.00", "20.00", "90.00"]);
    expect(r.balanced).toBe(true);
  });

  it("balance sheet: projects hold their profit in equity; receivables, bank and tax stay Unassigned; Total is the plain balance sheet", () => {
    const r = computeBalanceSheetByTracking(ledger(ReportBasis.ACCRUAL), { date: "2026-01-31", periods: 0, timeframe: ReportTimeframe.MONTH, basis: ReportBasis.ACCRUAL }, ctx, byProject);
    expect(r.periods.map((p) => p.label)).toEqual(["Alpha", "Beta", "Unassigned", "Total"]);
    expect(r.totalAssets).toEqual(["0.00", "0.00", "355.00", "355.00"]);
    expect(r.totalLiabilities).toEqual(["0.00", "0.00", "15.00", "15.00"]);
    expect(r.totalEquity).toEqual(["120.00", "200.00", "20.00", "340.00"]);
    const checks = Object.fromEntries(r.checks.map((c) => [c.name, c]));
    expect(checks.TRACKING_COLUMNS_SUM_TO_TOTAL!.passed).toBe(true);
    expect(checks.ASSETS_MINUS_LIABILITIES_EQUALS_EQUITY).toMatchObject({ passed: true, difference: ["0.00", "0.00", "0.00", "0.00"] });
    expect(checks.ASSETS_MINUS_LIABILITIES_EQUALS_EQUITY!.message).toContain("(checked on the Total column)");
    expect(r.balanced).toBe(true);
  });

  it("a breakdown that does not add up fails the sum check", () => {
    const r = computeProfitAndLossByTracking(ledger(ReportBasis.ACCRUAL), { ...january, basis: ReportBasis.ACCRUAL }, ctx, byProject);
    const broken = structuredClone(r);
    broken.sections.find((s) => s.key === "INCOME")!.lines[0]!.amounts[0] = "151.00";
    const check = trackingSumCheck(broken);
    expect(check.passed).toBe(false);
    expect(check.difference).toEqual(["0.00", "0.00", "0.00", "1.00"]);
    expect(check.message).toContain("'Sales' in INCOME by 1.00");
  });
});

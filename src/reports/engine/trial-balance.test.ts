import { describe, expect, it } from "vitest";
import { ReportBasis, ReportTimeframe } from "../../../schema/report/report-enums.js";
import { computeBalanceSheet, computeProfitAndLoss } from "./index.js";
import { computeTrialBalance } from "./standard-reports.js";
import { COMPUTED_RETAINED_EARNINGS } from "./trial-balance.js";
import { CTX, entry, handLedger, sale } from "./testing/hand-ledger.js";
import type { Ledger } from "./ledger.js";

/**
 * Hand-computed books, financial year ending 30 June (handLedger):
 * FY2025 (to 30 Jun 2025): capital 1000, sales 300, rent 100 → profit 200, rolled into retained earnings.
 * FY2026: sales 50 on 1 Jul 2025, purchases 40 on credit 28 Feb 2026, a credit sale of 200 on 1 Mar,
 * 120 of it received 15 Mar, rent 30 on 20 Mar, interest 5 on 31 Mar, a sale of 999 on 1 Apr.
 */
const POSTINGS = [
  ...entry("2025-03-10", ["bank", "1000"], ["capital", "-1000"]),
  ...sale("2025-05-20", "300"),
  ...entry("2025-06-30", ["rent", "100"], ["bank", "-100"]),
  ...sale("2025-07-01", "50"),
  ...entry("2026-02-28", ["purchases", "40"], ["creditors", "-40"]),
  ...entry("2026-03-01", ["debtors", "200"], ["sales", "-200"]),
  ...entry("2026-03-15", ["bank", "120"], ["debtors", "-120"]),
  ...entry("2026-03-20", ["rent", "30"], ["bank", "-30"]),
  ...entry("2026-03-31", ["bank", "5"], ["interest", "-5"]),
  ...sale("2026-04-01", "999"),
];
const tb = (date: string, ledger: Ledger = handLedger(POSTINGS), basis = ReportBasis.ACCRUAL) => computeTrialBalance(ledger, { date, basis }, CTX);
/** [remoteId, debit, credit, ytdDebit, ytdCredit] per line, in the report's order. */
const rows = (report: ReturnType<typeof tb>) => report.lines.map((l) => [l.accountRemoteId, l.debit, l.credit, l.ytdDebit, l.ytdCredit]);

describe("trial balance", () => {
  it("mid-month: the month's movement from the 1st, the year's income and expenses, balances since the beginning, in Xero's class order", () => {
    const report = tb("2026-03-20");
    expect(rows(report)).toEqual([
      ["sales", "0.00", "200.00", "0.00", "250.00"],
      ["purchases", "0.00", "0.00", "40.00", "0.00"],
      ["rent", "30.00", "0.00", "30.00", "0.00"],
      ["bank", "90.00", "0.00", "1340.00", "0.00"],
      ["debtors", "80.00", "0.00", "80.00", "0.00"],
      ["creditors", "0.00", "0.00", "0.00", "40.00"],
      ["retained", "0.00", "0.00", "0.00", "200.00"],
      ["capital", "0.00", "0.00", "0.00", "1000.00"],
    ]);
    expect(report.lines[0]).toEqual({ accountRemoteId: "sales", accountCode: "200", name: "Sales", class: "REVENUE", debit: "0.00", credit: "200.00", ytdDebit: "0.00", ytdCredit: "250.00" });
    expect(report).toMatchObject({
      totalDebit: "200.00", totalCredit: "200.00", totalYtdDebit: "1490.00", totalYtdCredit: "1490.00",
      date: "2026-03-20", basis: "ACCRUAL", title: "Trial Balance", currency: "NZD", source: "COMPUTED", raw: null, balanced: true,
      organizationId: "org-1", provider: "DAFTRA",
    });
    expect(report.periods).toEqual([
      { label: "1 Mar 2026 – 20 Mar 2026", fromDate: "2026-03-01", toDate: "2026-03-20" },
      { label: "1 Jul 2025 – 20 Mar 2026", fromDate: "2025-07-01", toDate: "2026-03-20" },
    ]);
    expect(report.checks.map((c) => [c.name, c.passed, c.difference])).toEqual([
      ["TRIAL_BALANCE:DEBITS_EQUAL_CREDITS", true, ["0.00"]],
      ["TRIAL_BALANCE:YTD_DEBITS_EQUAL_CREDITS", true, ["0.00"]],
      ["TRIAL_BALANCE:TOTALS", true, ["0.00", "0.00"]],
    ]);
  });

  it("month boundaries: the last day of the month is in, the 1st of the next is out", () => {
    const march = tb("2026-03-31");
    expect(march.periods[0].label).toBe("Mar 2026");
    expect(rows(march).find((r) => r[0] === "interest")).toEqual(["interest", "0.00", "5.00", "0.00", "5.00"]);
    expect(rows(march).find((r) => r[0] === "bank")).toEqual(["bank", "95.00", "0.00", "1345.00", "0.00"]);
    expect(march.totalYtdDebit).toBe("1495.00");
    const february = tb("2026-02-28");
    expect(february.periods[0]).toEqual({ label: "Feb 2026", fromDate: "2026-02-01", toDate: "2026-02-28" });
    expect(rows(february)).toEqual([
      ["sales", "0.00", "0.00", "0.00", "50.00"],
      ["purchases", "40.00", "0.00", "40.00", "0.00"],
      ["bank", "0.00", "0.00", "1250.00", "0.00"],
      ["creditors", "0.00", "40.00", "0.00", "40.00"],
      ["retained", "0.00", "0.00", "0.00", "200.00"],
      ["capital", "0.00", "0.00", "0.00", "1000.00"],
    ]);
    expect(february).toMatchObject({ totalDebit: "40.00", totalCredit: "40.00", totalYtdDebit: "1290.00", totalYtdCredit: "1290.00", balanced: true });
  });

  it("year boundary: the year's last day shows the year's income and expenses; the next day rolls them into retained earnings", () => {
    expect(rows(tb("2025-06-30"))).toEqual([
      ["sales", "0.00", "0.00", "0.00", "300.00"],
      ["rent", "100.00", "0.00", "100.00", "0.00"],
      ["bank", "0.00", "100.00", "1200.00", "0.00"],
      ["capital", "0.00", "0.00", "0.00", "1000.00"],
    ]);
    const next = tb("2025-07-01");
    expect(next.periods.map((p) => p.label)).toEqual(["1 Jul 2025 – 1 Jul 2025", "1 Jul 2025 – 1 Jul 2025"]);
    expect(rows(next)).toEqual([
      ["sales", "0.00", "50.00", "0.00", "50.00"],
      ["bank", "50.00", "0.00", "1250.00", "0.00"],
      ["retained", "0.00", "0.00", "0.00", "200.00"],
      ["capital", "0.00", "0.00", "0.00", "1000.00"],
    ]);
    expect(next).toMatchObject({ totalDebit: "50.00", totalCredit: "50.00", totalYtdDebit: "1250.00", totalYtdCredit: "1250.00", balanced: true });
  });

  it("without a retained earnings account, a computed Retained Earnings line carries earlier years' profit", () => {
    const report = tb("2026-03-20", handLedger(POSTINGS, { retainedEarningsAccountRemoteId: null }));
    expect(report.lines.slice(-2)).toEqual([
      { accountRemoteId: "capital", accountCode: "970", name: "Capital", class: "EQUITY", debit: "0.00", credit: "0.00", ytdDebit: "0.00", ytdCredit: "1000.00" },
      { accountRemoteId: COMPUTED_RETAINED_EARNINGS, accountCode: null, name: "Retained Earnings", class: "EQUITY", debit: "0.00", credit: "0.00", ytdDebit: "0.00", ytdCredit: "200.00" },
    ]);
    expect(report).toMatchObject({ totalYtdDebit: "1490.00", totalYtdCredit: "1490.00", balanced: true });
  });

  it("a retained earnings account with postings of its own shows them less earlier years' profit (a dividend paid from it)", () => {
    const report = tb("2026-03-20", handLedger([...POSTINGS, ...entry("2025-09-01", ["retained", "150"], ["bank", "-150"])]));
    expect(rows(report).find((r) => r[0] === "retained")).toEqual(["retained", "0.00", "0.00", "0.00", "50.00"]);
    expect(rows(report).find((r) => r[0] === "bank")).toEqual(["bank", "90.00", "0.00", "1190.00", "0.00"]);
    expect(report.balanced).toBe(true);
  });

  it("agrees with the balance sheet and the P&L of the same ledger", () => {
    const ledger = handLedger(POSTINGS);
    const report = tb("2026-03-20", ledger);
    const base = { periods: 0, timeframe: ReportTimeframe.MONTH, basis: ReportBasis.ACCRUAL };
    const sheet = computeBalanceSheet(ledger, { ...base, date: "2026-03-20" }, CTX);
    const pnl = computeProfitAndLoss(ledger, { ...base, fromDate: "2025-07-01", toDate: "2026-03-20" }, CTX);
    const sheetLines = new Map(sheet.sections.flatMap((s) => [...s.lines, ...s.sections.flatMap((c) => c.lines)]).map((l) => [l.accountRemoteId ?? l.name, l.amounts[0]]));
    expect(sheetLines.get("bank")).toBe("1340.00");
    expect(sheetLines.get("retained")).toBe("200.00");
    expect(sheetLines.get("Current Year Earnings")).toBe("180.00");
    expect(pnl.netProfit).toEqual(["180.00"]);
    for (const line of report.lines.filter((l) => l.class === "ASSET")) expect(sheetLines.get(line.accountRemoteId)).toBe(line.ytdDebit);
    for (const line of report.lines.filter((l) => l.class === "LIABILITY" || l.class === "EQUITY")) expect(sheetLines.get(line.accountRemoteId)).toBe(line.ytdCredit);
  });

  it("an unbalanced ledger fails both debits-equal-credits checks, by the amount it is off", () => {
    const report = tb("2026-03-20", handLedger([...POSTINGS, { date: "2026-03-05", accountRemoteId: "bank", amount: "10.01" }]));
    expect(report.balanced).toBe(false);
    expect(report.checks.filter((c) => !c.passed).map((c) => [c.name, c.difference, c.message])).toEqual([
      ["TRIAL_BALANCE:DEBITS_EQUAL_CREDITS", ["10.01"], "Total debits equal total credits for the month to date: off by 10.01 in '1 Mar 2026 – 20 Mar 2026'."],
      ["TRIAL_BALANCE:YTD_DEBITS_EQUAL_CREDITS", ["10.01"], "Total debits equal total credits for the year to date: off by 10.01 in '1 Jul 2025 – 20 Mar 2026'."],
    ]);
  });

  it("a debit-natured account in credit shows on the credit side (an overdrawn bank)", () => {
    const report = tb("2026-01-31", handLedger([...entry("2026-01-05", ["rent", "75.50"], ["bank", "-75.50"])]));
    expect(rows(report)).toEqual([["rent", "75.50", "0.00", "75.50", "0.00"], ["bank", "0.00", "75.50", "0.00", "75.50"]]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReportBasis, ReportTimeframe } from "../../schema/report/report-enums.js";
import type { ReportSection } from "../../schema/report/report.type.js";
import { startSandboxOrganization, type SandboxOrganization } from "./testing/sandbox-organization.js";

let org: SandboxOrganization;
beforeAll(async () => (org = await startSandboxOrganization({ sandbox: { today: "2026-11-22" } })));
afterAll(() => org.sandbox.close());

const keys = (sections: ReportSection[]): unknown[] => sections.map((s) => (s.sections.length ? [s.key, keys(s.sections)] : s.key));

describe("balance sheet", () => {
  it.each([ReportBasis.ACCRUAL, ReportBasis.CASH])("maps Xero's report (%s) into nested sections that balance", async (basis) => {
    const bs = await org.adapter.balanceSheet({ date: "2026-10-31", periods: 2, timeframe: ReportTimeframe.MONTH, basis });
    expect(bs.balanced).toBe(true);
    expect(bs.checks.every((c) => c.passed)).toBe(true);
    expect(bs.periods.map((p) => p.toDate)).toEqual(["2026-10-31", "2026-09-30", "2026-08-31"]);
    expect(keys(bs.sections)).toEqual([
      ["ASSETS", expect.arrayContaining(["BANK", "CURRENT_ASSETS"])],
      ["LIABILITIES", expect.arrayContaining(["CURRENT_LIABILITIES"])],
      "EQUITY",
    ]);
    expect(bs).toMatchObject({ source: "NATIVE", basis, currency: expect.stringMatching(/^[A-Z]{3}$/), provider: "XERO", date: "2026-10-31" });
    expect(bs.totalAssets).toHaveLength(3);
    const bank = bs.sections[0].sections.find((s) => s.key === "BANK")!;
    expect(bank.lines[0]).toMatchObject({ accountRemoteId: expect.any(String), accountCode: expect.any(String) });
    expect((bs.raw as { ReportID: string }).ReportID).toBe("BalanceSheet");
  });

  it("cash and accrual bases differ (paymentsOnly reaches Xero)", async () => {
    const params = { date: "2026-10-31", periods: 0, timeframe: ReportTimeframe.MONTH };
    const accrual = await org.adapter.balanceSheet({ ...params, basis: ReportBasis.ACCRUAL });
    const cash = await org.adapter.balanceSheet({ ...params, basis: ReportBasis.CASH });
    expect(cash.totalAssets).not.toEqual(accrual.totalAssets);
  });
});

describe("profit and loss", () => {
  it.each([ReportBasis.ACCRUAL, ReportBasis.CASH])("maps Xero's report (%s) with stable keys and balances", async (basis) => {
    const pnl = await org.adapter.profitAndLoss({ fromDate: "2026-07-01", toDate: "2026-09-30", periods: 1, timeframe: ReportTimeframe.QUARTER, basis });
    expect(pnl.balanced).toBe(true);
    expect(pnl.periods.map((p) => [p.fromDate, p.toDate])).toEqual([["2026-07-01", "2026-09-30"], ["2026-04-01", "2026-06-30"]]);
    expect(pnl.sections.map((s) => s.key)).toEqual(expect.arrayContaining(["INCOME", "OPERATING_EXPENSES"]));
    expect(pnl.checks.map((c) => c.name)).toEqual(expect.arrayContaining(["GROSS_PROFIT", "NET_PROFIT", "SECTION_TOTAL:INCOME"]));
    expect(pnl.totalIncome[0]).not.toBe("0.00");
    expect(pnl).toMatchObject({ source: "NATIVE", basis, fromDate: "2026-07-01", toDate: "2026-09-30" });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Decimal } from "decimal.js";
import { startTestLedgerline, type TestLedgerline } from "./start-test-ledgerline.js";
import { profitAndLoss } from "../../connectors/xero/sandbox/books/reports.js";
import type { XeroReportRow } from "../../connectors/xero/sandbox/books/types.js";

let t: TestLedgerline;
beforeAll(async () => {
  t = await startTestLedgerline();
});
afterAll(() => t?.close());

/** The value cells of the native report's row named `name` (e.g. "Net Profit"). */
function nativeRow(rows: XeroReportRow[], name: string): string[] {
  for (const row of rows) {
    const cells = row.Cells ?? [];
    if (cells[0]?.Value?.toLowerCase() === name.toLowerCase()) return cells.slice(1).map((c) => c.Value ?? "0.00");
    const inner = row.Rows ? nativeRow(row.Rows, name) : [];
    if (inner.length) return inner;
  }
  return [];
}

describe("reports through the gateway (Xero sandbox)", () => {
  it("balance sheet with comparison periods balances in every column", async () => {
    const { balanceSheet: bs } = (await t.sdk.BalanceSheet({ organizationId: t.organizationId, date: "2026-09-30", periods: 2 })).organization;
    expect(bs.periods.map((p) => p.toDate)).toHaveLength(3);
    expect(bs.balanced).toBe(true);
    expect(bs.checks.every((c) => c.passed)).toBe(true);
    bs.totalAssets.forEach((assets, i) => {
      expect(new Decimal(assets).minus(bs.totalLiabilities[i]).toFixed(2)).toBe(new Decimal(bs.totalEquity[i]).toFixed(2));
      expect(bs.netAssets[i]).toBe(new Decimal(assets).minus(bs.totalLiabilities[i]).toFixed(2));
    });
    expect(bs.sections.map((s) => s.key)).toEqual(["ASSETS", "LIABILITIES", "EQUITY"]);
    const assets = bs.sections[0];
    expect(assets.sections.map((s) => s.key)).toContain("BANK");
    for (const section of bs.sections) {
      const sum = [...section.lines.map((l) => l.amounts[0]), ...section.sections.map((s) => s.total[0])].reduce((a, b) => a.plus(b), new Decimal(0));
      expect(sum.toFixed(2), section.key).toBe(section.total[0]);
    }
  });

  it("profit and loss matches the provider's own figures to the cent, per quarter", async () => {
    const args = { organizationId: t.organizationId, fromDate: "2026-07-01", toDate: "2026-09-30", periods: 2, timeframe: "QUARTER" as const };
    const { profitAndLoss: pl } = (await t.sdk.ProfitAndLoss(args)).organization;
    expect(pl.balanced).toBe(true);
    expect(pl.periods.map((p) => [p.fromDate, p.toDate])).toEqual([
      ["2026-07-01", "2026-09-30"],
      ["2026-04-01", "2026-06-30"],
      ["2026-01-01", "2026-03-31"],
    ]);
    const native = profitAndLoss(t.xero.books, { fromDate: args.fromDate, toDate: args.toDate, periods: 2, timeframe: "QUARTER", now: new Date().toISOString() });
    expect(pl.netProfit).toEqual(nativeRow(native.Rows, "Net Profit"));
    expect(pl.grossProfit).toEqual(nativeRow(native.Rows, "Gross Profit"));
    pl.netProfit.forEach((net, i) => {
      expect(pl.totalIncome[i]).toBe(pl.sections.find((s) => s.key === "INCOME")!.total[i]);
      const otherIncome = pl.sections.find((s) => s.key === "OTHER_INCOME")?.total[i] ?? "0";
      expect(net).toBe(new Decimal(pl.grossProfit[i]).plus(otherIncome).minus(pl.totalExpenses[i]).toFixed(2));
    });
  });

  it("cash basis differs from accrual while invoices are unpaid", async () => {
    const range = { organizationId: t.organizationId, fromDate: "2026-01-01", toDate: "2026-10-31" };
    const accrual = (await t.sdk.ProfitAndLoss({ ...range, basis: "ACCRUAL" })).organization.profitAndLoss;
    const cash = (await t.sdk.ProfitAndLoss({ ...range, basis: "CASH" })).organization.profitAndLoss;
    expect(cash.basis).toBe("CASH");
    expect(cash.balanced).toBe(true);
    expect(cash.totalIncome[0]).not.toBe(accrual.totalIncome[0]);
  });

  it("refuses bad report arguments, naming each field", async () => {
    const { body } = await t.post(`query($o: ID!) { organization(id: $o) { profitAndLoss(fromDate: "2026-05-01", toDate: "2026-04-01", periods: 12) { netProfit } } }`, { o: t.organizationId });
    expect(body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(body.errors?.[0].extensions?.fields.map((f: { field: string }) => f.field).sort()).toEqual(["fromDate", "periods"]);
  });
});

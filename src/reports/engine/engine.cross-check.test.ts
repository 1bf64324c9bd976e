import { describe, expect, it } from "vitest";
import type { ReportWithRow } from "xero-node";
import { Provider } from "../../../schema/common/provider.enum.js";
import type { BalanceSheetParams, ProfitAndLossParams } from "../../connector/adapter.js";
import { ReportBasis, ReportTimeframe } from "../../../schema/report/report-enums.js";
import { toUnifiedBalanceSheet, toUnifiedProfitAndLoss } from "../../../connectors/xero/reports.js";
import { balanceSheet, profitAndLoss } from "../../../connectors/xero/sandbox/books/reports.js";
import { seedBooks } from "../../../connectors/xero/sandbox/books/seed.js";
import type { XeroBooks } from "../../../connectors/xero/sandbox/books/types.js";
import { recordToWire } from "../../../connectors/xero/sandbox/wire/dates.js";
import { fromWire } from "../../../connectors/xero/testing/from-wire.js";
import { computeBalanceSheet, computeProfitAndLoss } from "./index.js";
import { projection } from "./testing/report-projection.js";
import { sandboxLedgers } from "./testing/xero-books-ledger.js";

const ORG = "org-cross-check";
const engine = { organizationId: ORG, provider: Provider.XERO };
const asXeroNode = (report: object) => fromWire<ReportWithRow>(recordToWire(report), "ReportWithRow");
const bases = [ReportBasis.ACCRUAL, ReportBasis.CASH];

/** Sandbox books seeded for `today`, with the engine's ledgers built from the same documents. */
function sandbox(books: XeroBooks, today: string, adjust?: Parameters<typeof sandboxLedgers>[3]) {
  const now = `${today}T12:00:00.000Z`;
  const ledgers = sandboxLedgers(books, ORG, new Date(now), adjust);
  const native = { organizationId: ORG, currency: books.organisation.BaseCurrency, accountCodes: new Map(books.accounts.map((a) => [a.AccountID, a.Code])) };
  const paymentsOnly = (basis: ReportBasis) => basis === ReportBasis.CASH;
  return {
    profitAndLoss: (params: ProfitAndLossParams) => ({
      xero: toUnifiedProfitAndLoss(asXeroNode(profitAndLoss(books, { ...params, paymentsOnly: paymentsOnly(params.basis), now })), params, native),
      computed: computeProfitAndLoss(ledgers(params.basis), params, engine),
    }),
    balanceSheet: (params: BalanceSheetParams) => ({
      xero: toUnifiedBalanceSheet(asXeroNode(balanceSheet(books, { ...params, paymentsOnly: paymentsOnly(params.basis), now })), params, native),
      computed: computeBalanceSheet(ledgers(params.basis), params, engine),
    }),
  };
}

const sevenBooks = seedBooks({ seed: 7, today: "2026-03-15" });
const seven = sandbox(sevenBooks, "2026-03-15");
let fortyTwo: ReturnType<typeof sandbox> | undefined;

const PROFIT_AND_LOSS: Array<[string, string, number, ReportTimeframe]> = [
  ["2026-02-01", "2026-02-28", 11, ReportTimeframe.MONTH],
  ["2025-10-01", "2025-12-31", 3, ReportTimeframe.QUARTER],
  ["2025-01-01", "2025-12-31", 1, ReportTimeframe.YEAR],
  ["2025-06-10", "2026-03-15", 0, ReportTimeframe.MONTH],
];
const BALANCE_SHEET: Array<[string, number, ReportTimeframe]> = [
  ["2026-02-28", 11, ReportTimeframe.MONTH],
  ["2025-12-31", 4, ReportTimeframe.QUARTER],
  ["2026-03-15", 1, ReportTimeframe.YEAR],
  ["2025-01-01", 0, ReportTimeframe.MONTH],
];

describe("engine vs the Xero sandbox's native reports, from the same documents", () => {
  describe.each(bases)("%s basis", (basis) => {
    it.each(PROFIT_AND_LOSS)("P&L %s to %s, %i more %s periods: equal to the cent", (fromDate, toDate, periods, timeframe) => {
      const { xero, computed } = seven.profitAndLoss({ fromDate, toDate, periods, timeframe, basis });
      expect(xero.balanced && computed.balanced).toBe(true);
      expect(computed.totalIncome.some((v) => v !== "0.00")).toBe(true);
      expect(projection(computed)).toEqual(projection(xero));
    });

    it.each(BALANCE_SHEET)("balance sheet at %s, %i more %s periods: equal to the cent", (date, periods, timeframe) => {
      const { xero, computed } = seven.balanceSheet({ date, periods, timeframe, basis });
      expect(xero.balanced && computed.balanced).toBe(true);
      expect(projection(computed)).toEqual(projection(xero));
    });
  });

  it.each(bases)("other books (seed 42, to 22 Nov 2026, %s): a year of months and four quarter-ends agree too", (basis) => {
    const other = (fortyTwo ??= sandbox(seedBooks({ seed: 42, today: "2026-11-22" }), "2026-11-22"));
    const pnl = other.profitAndLoss({ fromDate: "2026-10-01", toDate: "2026-10-31", periods: 11, timeframe: ReportTimeframe.MONTH, basis });
    const bs = other.balanceSheet({ date: "2026-09-30", periods: 3, timeframe: ReportTimeframe.QUARTER, basis });
    expect(projection(pnl.computed)).toEqual(projection(pnl.xero));
    expect(projection(bs.computed)).toEqual(projection(bs.xero));
  });

  it("notices a wrong rule: without the tracked items' costing, cost of sales disagrees", () => {
    const uncosted = sandbox(sevenBooks, "2026-03-15", (chart) => ({ ...chart, trackedItems: new Map() }));
    const { xero, computed } = uncosted.profitAndLoss({ fromDate: "2026-01-01", toDate: "2026-01-31", periods: 0, timeframe: ReportTimeframe.MONTH, basis: ReportBasis.ACCRUAL });
    expect(projection(computed).totals.COST_OF_SALES).not.toEqual(projection(xero).totals.COST_OF_SALES);
    expect(projection(computed).totals.INCOME).toEqual(projection(xero).totals.INCOME);
  });
});

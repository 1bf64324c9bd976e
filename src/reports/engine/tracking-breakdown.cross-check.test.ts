import { describe, expect, it } from "vitest";
import type { ReportWithRow } from "xero-node";
import { Provider } from "../../../schema/common/provider.enum.js";
import { ReportBasis, ReportTimeframe } from "../../../schema/report/report-enums.js";
import type { TrackingCategory } from "../../../schema/tracking-category/tracking-category.type.js";
import { toUnifiedBalanceSheet, toUnifiedProfitAndLossByTracking } from "../../../connectors/xero/reports.js";
import { balanceSheetByTracking, breakdownOptions } from "../../../connectors/xero/reports/by-tracking.js";
import { balanceSheet, profitAndLoss } from "../../../connectors/xero/sandbox/books/reports.js";
import { seedBooks } from "../../../connectors/xero/sandbox/books/seed.js";
import type { XeroTrackingCategory } from "../../../connectors/xero/sandbox/books/types.js";
import { recordToWire } from "../../../connectors/xero/sandbox/wire/dates.js";
import { fromWire } from "../../../connectors/xero/testing/from-wire.js";
import { computeBalanceSheet, computeProfitAndLoss } from "./index.js";
import { projection } from "./testing/report-projection.js";
import { sandboxLedgers } from "./testing/xero-books-ledger.js";
import { computeBalanceSheetByTracking, computeProfitAndLossByTracking, type TrackingBreakdown } from "./tracking-breakdown.js";

const ORG = "org-tracking-cross-check";
const TODAY = "2026-03-15";
const NOW = `${TODAY}T12:00:00.000Z`;
const engine = { organizationId: ORG, provider: Provider.XERO };
const asXeroNode = (report: object) => fromWire<ReportWithRow>(recordToWire(report), "ReportWithRow");

const books = seedBooks({ seed: 7, today: TODAY });
const ledgers = sandboxLedgers(books, ORG, new Date(NOW));
const native = { organizationId: ORG, currency: books.organisation.BaseCurrency, accountCodes: new Map(books.accounts.map((a) => [a.AccountID, a.Code])) };

/** The sandbox's category as the connector lists it (the fields the breakdown reads). */
const unified = (c: XeroTrackingCategory) => ({
  remoteId: c.TrackingCategoryID, name: c.Name, status: c.Status,
  options: c.Options.map((o) => ({ remoteId: o.TrackingOptionID, name: o.Name, status: o.Status })),
}) as TrackingCategory;
const breakdownOf = (c: TrackingCategory): TrackingBreakdown => ({ categoryRemoteId: c.remoteId, options: breakdownOptions(c).map((o) => ({ id: o.remoteId, name: o.name })) });
const paymentsOnly = (basis: ReportBasis) => basis === ReportBasis.CASH;
const labels = (r: { periods: Array<{ label: string; trackingOption?: { id: string | null; name: string } | null }> }) => r.periods.map((p) => [p.label, p.trackingOption?.id ?? null]);

describe("engine by tracking option vs the Xero sandbox's native reports, from the same documents", () => {
  it("the seeded books have tracked lines in every category", () => {
    expect(books.trackingCategories.length).toBeGreaterThan(0);
    for (const c of books.trackingCategories) {
      expect(books.invoices.some((i) => i.LineItems.some((l) => l.Tracking.some((t) => t.TrackingCategoryID === c.TrackingCategoryID)))).toBe(true);
    }
  });

  describe.each([ReportBasis.ACCRUAL, ReportBasis.CASH])("%s basis", (basis) => {
    it.each(books.trackingCategories.map((c) => [c.Name, c] as const))("P&L by '%s', Oct 2025 to Mar 2026: every column equal to the cent", (_name, category) => {
      const params = { fromDate: "2025-10-01", toDate: "2026-03-15", periods: 0, timeframe: ReportTimeframe.MONTH, basis, trackingCategoryRemoteId: category.TrackingCategoryID };
      const raw = profitAndLoss(books, { ...params, paymentsOnly: paymentsOnly(basis), now: NOW, tracking: { category } });
      const xero = toUnifiedProfitAndLossByTracking(asXeroNode(raw), params, native, unified(category));
      const computed = computeProfitAndLossByTracking(ledgers(basis), params, engine, breakdownOf(unified(category)));
      expect(xero.balanced && computed.balanced).toBe(true);
      expect(labels(computed)).toEqual(labels(xero));
      expect(computed.periods.length).toBe(category.Options.length + 2);
      expect(computed.netProfit.slice(0, -2).some((v) => v !== "0.00")).toBe(true);
      expect(projection(computed)).toEqual(projection(xero));
      const plain = computeProfitAndLoss(ledgers(basis), params, engine);
      expect([computed.totalIncome.at(-1), computed.netProfit.at(-1)]).toEqual([plain.totalIncome[0], plain.netProfit[0]]);
    });

    it.each(books.trackingCategories.map((c) => [c.Name, c] as const))("balance sheet by '%s' at 28 Feb 2026: every column equal to the cent", async (_name, category) => {
      const params = { date: "2026-02-28", periods: 0, timeframe: ReportTimeframe.MONTH, basis, trackingCategoryRemoteId: category.TrackingCategoryID };
      const one = async (option?: string) => toUnifiedBalanceSheet(
        asXeroNode(balanceSheet(books, { ...params, paymentsOnly: paymentsOnly(basis), now: NOW, trackingOptions: option ? [option] : undefined })), params, native);
      const xero = await balanceSheetByTracking(unified(category), one);
      const computed = computeBalanceSheetByTracking(ledgers(basis), params, engine, breakdownOf(unified(category)));
      expect(xero.balanced && computed.balanced).toBe(true);
      expect(labels(computed)).toEqual(labels(xero));
      expect(projection(computed)).toEqual(projection(xero));
      // Option columns hold the option's profit in equity; receivables, bank and tax are untracked (Unassigned).
      expect(computed.totalEquity.slice(0, -2).every((v) => v !== "0.00")).toBe(true);
      expect(computed.totalAssets.slice(0, -2).every((v) => v === "0.00")).toBe(true);
      expect(computed.totalEquity.at(-1)).toBe(computeBalanceSheet(ledgers(basis), params, engine).totalEquity[0]);
    });
  });
});

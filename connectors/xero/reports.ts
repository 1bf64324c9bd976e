import type { ReportWithRow } from "xero-node";
import { Provider } from "../../schema/common/provider.enum.js";
import type { BalanceSheet, ProfitAndLoss, ReportPeriod, ReportSection } from "../../schema/report/report.type.js";
import type { TrackingCategory } from "../../schema/tracking-category/tracking-category.type.js";
import { TOTAL, trackingPeriod, trackingSumCheck, UNASSIGNED } from "../../src/reports/tracking-columns.js";
import type { BalanceSheetParams, ProfitAndLossParams } from "../../src/connector/adapter.js";
import {
  allChecksPassed, BALANCE_SHEET_PARENT, balanceSheetChecks, balanceSheetFigures, comparisonPeriods, profitAndLossChecks,
  profitAndLossFigures, ReportSectionKey as K,
} from "../../src/reports/index.js";
import { computedTotal } from "../../src/reports/amounts.js";
import { toWireJson } from "./mapping/wire-json.js";
import { readReportRows, statedRow, type XeroSection } from "./reports/report-rows.js";
import { balanceSheetKey, profitAndLossKey } from "./reports/section-titles.js";

/** Everything a native report needs besides Xero's rows. */
export interface ReportContext {
  organizationId: string;
  /** The organisation's base currency (reports are in it). */
  currency: string;
  /** AccountID → code, to fill `accountCode` on lines (Xero's cells carry only the id). */
  accountCodes?: ReadonlyMap<string, string>;
}

function toSection(key: string, xero: XeroSection, periodCount: number, stated?: string[] | null): ReportSection {
  const section: ReportSection = { key, title: xero.title, lines: xero.lines, sections: [], total: [] };
  section.total = xero.summaries[0]?.amounts ?? stated ?? computedTotal(section, periodCount);
  return section;
}

function common(report: ReportWithRow, ctx: ReportContext, basis: BalanceSheetParams["basis"]) {
  return {
    organizationId: ctx.organizationId,
    provider: Provider.XERO,
    title: (report.reportTitles ?? [report.reportName ?? ""]).filter(Boolean).join(", "),
    basis,
    currency: ctx.currency,
    source: "NATIVE",
    raw: toWireJson(report, "ReportWithRow"),
  };
}

/** Xero's P&L rows → unified sections (INCOME, COST_OF_SALES, OTHER_INCOME, OPERATING_EXPENSES, …) with checks. */
export function toUnifiedProfitAndLoss(report: ReportWithRow, params: ProfitAndLossParams, ctx: ReportContext, columns?: (labels: string[]) => ReportPeriod[]): ProfitAndLoss {
  const { labels, sections: xero } = readReportRows(report, ctx.accountCodes);
  const periods = columns?.(labels) ?? comparisonPeriods({ fromDate: params.fromDate, toDate: params.toDate, timeframe: params.timeframe }, labels.length);
  const sections = xero.filter((s) => s.title !== "").map((s) => toSection(profitAndLossKey(s.title), s, periods.length));
  const stated = { grossProfit: statedRow(xero, "Gross Profit"), netProfit: statedRow(xero, "Net Profit") };
  const checks = profitAndLossChecks(sections, periods, stated);
  const figures = profitAndLossFigures(sections, periods.length);
  return {
    ...common(report, ctx, params.basis),
    periods,
    sections,
    checks,
    balanced: allChecksPassed(checks),
    fromDate: params.fromDate,
    toDate: params.toDate,
    totalIncome: figures.totalIncome,
    grossProfit: stated.grossProfit ?? figures.grossProfit,
    totalExpenses: figures.totalExpenses,
    netProfit: stated.netProfit ?? figures.netProfit,
  };
}

const GROUP_TITLES: Record<string, string> = { ASSETS: "Assets", LIABILITIES: "Liabilities", EQUITY: "Equity" };

/** Xero lists "Assets", then "Bank", "Current Assets", … flat; nest them under ASSETS / LIABILITIES / EQUITY. */
function groupBalanceSheet(xero: XeroSection[], periodCount: number): ReportSection[] {
  const groups = new Map<string, { own?: XeroSection; children: ReportSection[] }>();
  const group = (key: string) => groups.get(key) ?? groups.set(key, { children: [] }).get(key)!;
  let current: string = K.ASSETS;
  for (const section of xero.filter((s) => s.title !== "")) {
    const key = balanceSheetKey(section.title);
    if (key in GROUP_TITLES) {
      current = key;
      group(key).own = section;
    } else {
      group(BALANCE_SHEET_PARENT[key] ?? current).children.push(toSection(key, section, periodCount));
    }
  }
  return [...groups].map(([key, { own, children }]) => {
    const base: XeroSection = own ?? { title: GROUP_TITLES[key], lines: [], summaries: [], computed: [] };
    const unified: ReportSection = { key, title: base.title, lines: base.lines, sections: children, total: [] };
    unified.total = base.summaries[0]?.amounts ?? statedRow(xero, `Total ${base.title}`) ?? computedTotal(unified, periodCount);
    return unified;
  });
}

/** Xero's balance sheet rows → ASSETS (BANK, CURRENT_ASSETS, …), LIABILITIES (…), EQUITY, with checks. */
export function toUnifiedBalanceSheet(report: ReportWithRow, params: BalanceSheetParams, ctx: ReportContext): BalanceSheet {
  const { labels, sections: xero } = readReportRows(report, ctx.accountCodes);
  const periods = comparisonPeriods({ toDate: params.date, timeframe: params.timeframe }, labels.length);
  const sections = groupBalanceSheet(xero, periods.length);
  const checks = balanceSheetChecks(sections, periods, { netAssets: statedRow(xero, "Net Assets") });
  const figures = balanceSheetFigures(sections, periods.length);
  return {
    ...common(report, ctx, params.basis),
    periods,
    sections,
    checks,
    balanced: allChecksPassed(checks),
    date: params.date,
    ...figures,
  };
}

/**
 * Xero's P&L by tracking category (`trackingCategoryID`): a column per option, named by it, then
 * "Unassigned" and "Total". Each column gets the report's period and the option it is for; the
 * columns must add up to Total (TRACKING_COLUMNS_SUM_TO_TOTAL).
 */
export function toUnifiedProfitAndLossByTracking(report: ReportWithRow, params: ProfitAndLossParams, ctx: ReportContext, category: TrackingCategory): ProfitAndLoss {
  const [period] = comparisonPeriods({ fromDate: params.fromDate, toDate: params.toDate, timeframe: params.timeframe }, 1);
  const byName = new Map(category.options.map((o) => [o.name, o.remoteId]));
  const columns = (labels: string[]) => labels.map((label, i) => {
    if (i === labels.length - 1 && label === TOTAL) return trackingPeriod(period!, null);
    if (label === UNASSIGNED && !byName.has(label)) return trackingPeriod(period!, { id: null, name: UNASSIGNED });
    return trackingPeriod(period!, { id: byName.get(label) ?? null, name: label });
  });
  const unified = toUnifiedProfitAndLoss(report, params, ctx, columns);
  const checks = [...unified.checks, trackingSumCheck(unified)];
  return { ...unified, checks, balanced: allChecksPassed(checks) };
}

import type { ParamKind } from "./params.js";
import { agedPayables, agedReceivables, cashSummary, trialBalance } from "./standard-reports.js";
import { FINANCIAL_REPORT_FIELDS, financialReportTable, type ExportTable, type FinancialReportData } from "./table.js";

/**
 * One exportable report, served at `GET /reports/<organizationId>/<slug>.csv|.xlsx?<params>`.
 *
 * The route runs `query` through the gateway's own Apollo server (same key, scopes, price, mirror and
 * cache serving, errors as `POST /graphql`), with `$organizationId` from the path and the declared
 * query-string `params` as variables, then writes `table(data)` as CSV or XLSX.
 *
 * To add a report (see standard-reports.ts for the trial balance, aged and cash summary exports):
 * 1. write its `query`: `$organizationId: ID!` plus one variable per parameter, named like the GraphQL
 *    argument, with the argument's type and default (the same text a client would send);
 * 2. list those parameters in `params` (`"int"` for Int arguments, `"boolean"` for Boolean, `"intList"`
 *    for [Int] (comma-separated in the query string), `"string"` for every other kind);
 * 3. write `table(data)`: the rows (`financialReportTable` when the report has sections, lines and
 *    periods like the balance sheet; otherwise build an `ExportTable` of `text(...)`/`amount(...)`/`whole(...)`
 *    cells, as in standard-reports.ts);
 * 4. give `fileDate(data)` (what the file name ends with) and `sheet` (the XLSX sheet name, ≤ 31 characters);
 * 5. add the entry to `REPORT_EXPORTS` below, and a case to test/e2e/report-export.test.ts comparing
 *    the CSV and XLSX with the GraphQL answer.
 */
export interface ReportExport {
  slug: string;
  /** XLSX worksheet name (Excel allows 31 characters, none of : \ / ? * [ ]). */
  sheet: string;
  query: string;
  params: Record<string, ParamKind>;
  /** The report object inside the GraphQL `data`. */
  pick(data: Record<string, unknown>): unknown;
  table(report: unknown): ExportTable;
  /** The date part of the file name, e.g. "2026-09-30" or "2026-07-01-to-2026-09-30". */
  fileDate(report: unknown): string;
}

const REPORT_PARAMS = { periods: "int", timeframe: "string", basis: "string", source: "string", trackingCategoryId: "string", byProject: "boolean" } as const satisfies Record<string, ParamKind>;
/** The variables and arguments the balance sheet and P&L share (schema/report/report.args.ts `ReportArgs`). */
const REPORT_VARIABLES = "$periods: Int = 0, $timeframe: ReportTimeframe = MONTH, $basis: ReportBasis = ACCRUAL, $source: ReadSource = AUTO, $trackingCategoryId: ID, $byProject: Boolean = false";
const REPORT_ARGUMENTS = "periods: $periods, timeframe: $timeframe, basis: $basis, source: $source, trackingCategoryId: $trackingCategoryId, byProject: $byProject";
const organizationOf = (data: Record<string, unknown>) => data.organization as Record<string, unknown>;

type BalanceSheetData = FinancialReportData & { date: string; totalAssets: string[]; totalLiabilities: string[]; netAssets: string[]; totalEquity: string[] };

const balanceSheet: ReportExport = {
  slug: "balance-sheet",
  sheet: "Balance sheet",
  query: `query ExportBalanceSheet($organizationId: ID!, $date: Date, ${REPORT_VARIABLES}) {
  organization(id: $organizationId) {
    balanceSheet(date: $date, ${REPORT_ARGUMENTS}) {
      date totalAssets totalLiabilities netAssets totalEquity${FINANCIAL_REPORT_FIELDS}
    }
  }
}`,
  params: { date: "string", ...REPORT_PARAMS },
  pick: (data) => organizationOf(data).balanceSheet,
  table(report) {
    const bs = report as BalanceSheetData;
    return financialReportTable(
      bs,
      [["Total assets", bs.totalAssets], ["Total liabilities", bs.totalLiabilities], ["Net assets", bs.netAssets], ["Total equity", bs.totalEquity]],
      [["Date", bs.date]],
    );
  },
  fileDate: (report) => (report as BalanceSheetData).date,
};

type ProfitAndLossData = FinancialReportData & { fromDate: string; toDate: string; totalIncome: string[]; grossProfit: string[]; totalExpenses: string[]; netProfit: string[] };

const profitAndLoss: ReportExport = {
  slug: "profit-and-loss",
  sheet: "Profit and loss",
  query: `query ExportProfitAndLoss($organizationId: ID!, $fromDate: Date, $toDate: Date, ${REPORT_VARIABLES}) {
  organization(id: $organizationId) {
    profitAndLoss(fromDate: $fromDate, toDate: $toDate, ${REPORT_ARGUMENTS}) {
      fromDate toDate totalIncome grossProfit totalExpenses netProfit${FINANCIAL_REPORT_FIELDS}
    }
  }
}`,
  params: { fromDate: "string", toDate: "string", ...REPORT_PARAMS },
  pick: (data) => organizationOf(data).profitAndLoss,
  table(report) {
    const pl = report as ProfitAndLossData;
    return financialReportTable(
      pl,
      [["Total income", pl.totalIncome], ["Gross profit", pl.grossProfit], ["Total expenses", pl.totalExpenses], ["Net profit", pl.netProfit]],
      [["From", pl.fromDate], ["To", pl.toDate]],
    );
  },
  fileDate: (report) => `${(report as ProfitAndLossData).fromDate}-to-${(report as ProfitAndLossData).toDate}`,
};

/** Every exportable report, by slug. */
export const REPORT_EXPORTS: ReadonlyMap<string, ReportExport> = new Map([balanceSheet, profitAndLoss, trialBalance, agedReceivables, agedPayables, cashSummary].map((r) => [r.slug, r]));

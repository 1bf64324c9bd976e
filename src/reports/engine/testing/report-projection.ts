import type { BalanceSheet, ProfitAndLoss, ReportSection } from "../../../../schema/report/report.type.js";

const NO_ACCOUNT = new Set([null, undefined, "", "00000000-0000-0000-0000-000000000000"]);

function walk(sections: ReportSection[], into: { totals: Record<string, string[]>; lines: Record<string, string[]> }) {
  for (const s of sections) {
    into.totals[s.key] = s.total;
    for (const l of s.lines) into.lines[NO_ACCOUNT.has(l.accountRemoteId) ? `${s.key}/${l.name}` : `${s.key}/${l.accountRemoteId}`] = l.amounts;
    walk(s.sections, into);
  }
  return into;
}

/** What two reports must agree on to the cent: column dates, every section total and line, the headline figures. */
export function projection(report: ProfitAndLoss | BalanceSheet) {
  const headline = "netProfit" in report
    ? { totalIncome: report.totalIncome, grossProfit: report.grossProfit, totalExpenses: report.totalExpenses, netProfit: report.netProfit }
    : { totalAssets: report.totalAssets, totalLiabilities: report.totalLiabilities, netAssets: report.netAssets, totalEquity: report.totalEquity };
  return { columns: report.periods.map((p) => [p.fromDate ?? null, p.toDate]), headline, ...walk(report.sections, { totals: {}, lines: {} }) };
}

import { Decimal } from "decimal.js";
import type { BalanceSheet, ReportLine } from "../../../schema/report/report.type.js";
import type { BalanceSheetParams } from "../../connector/adapter.js";
import { AccountClass } from "../../../schema/account/account.type.js";
import { allChecksPassed, balanceSheetChecks } from "../checks.js";
import { balanceSheetFigures } from "../figures.js";
import { ReportSectionKey as K } from "../section-keys.js";
import { BEGINNING, type BalanceIndex } from "./balance-index.js";
import { balanceSheetBooksChecks } from "./books-checks.js";
import { addDays, financialYearStart } from "./calendar.js";
import type { EngineContext, Ledger } from "./ledger.js";
import { ASSET_KEYS, isProfitAndLoss, LIABILITY_KEYS } from "./placement.js";
import { profitBetween } from "./profit-and-loss.js";
import { balanceSheetPeriods, indexLedger, reportHeader } from "./report-frame.js";
import { accountLine, accountSections, cents, hasAmount, line, section, type AccountColumns } from "./sections.js";

interface Column { date: string; yearEnd: string }

/** Current Year Earnings, then equity accounts; earlier years' profit rolls into retained earnings. */
function equityLines(ledger: Ledger, index: BalanceIndex, columns: Column[], rows: AccountColumns[]): ReportLine[] {
  const profitAccounts = ledger.accounts.filter(isProfitAndLoss);
  const currentYear = columns.map((c) => profitBetween(index, profitAccounts, c.yearEnd, c.date));
  const priorYears = columns.map((c) => profitBetween(index, profitAccounts, BEGINNING, c.yearEnd));
  const retainedId = ledger.retainedEarningsAccountRemoteId;
  const equity = rows.filter((r) => r.account.class === AccountClass.EQUITY);
  const retained = equity.find((r) => r.account.remoteId === retainedId);
  const lines = equity.map((r) => (r === retained ? { ...r, values: r.values.map((v, i) => v.minus(priorYears[i])) } : r)).map(accountLine);
  if (!retained) lines.push(line("Retained Earnings", priorYears));
  return [line("Current Year Earnings", currentYear), ...lines.filter(hasAmount)];
}

/** Assets, liabilities and equity at each column date from the ledger, in the unified shape, with the shared checks. */
export function computeBalanceSheet(ledger: Ledger, params: BalanceSheetParams, ctx: EngineContext): BalanceSheet {
  const periods = balanceSheetPeriods(params);
  const columns = periods.map((p) => ({ date: p.toDate, yearEnd: addDays(financialYearStart(p.toDate, ledger.financialYearEnd), -1) }));
  const index = indexLedger(ledger, [BEGINNING, ...columns.flatMap((c) => [c.date, c.yearEnd])]);
  const n = periods.length;
  const rows = ledger.accounts.filter((a) => !isProfitAndLoss(a)).map((account) => ({
    account,
    values: columns.map((c) => index.upTo(account.remoteId, c.date)),
  }));
  const sections = [
    section(K.ASSETS, [], accountSections(ASSET_KEYS, rows.filter((r) => r.account.class === AccountClass.ASSET), n), n),
    section(K.LIABILITIES, [], accountSections(LIABILITY_KEYS, rows.filter((r) => r.account.class === AccountClass.LIABILITY), n), n),
    section(K.EQUITY, equityLines(ledger, index, columns, rows), [], n),
  ];
  const netAssets = columns.map((c) => cents(rows
    .filter((r) => r.account.class !== AccountClass.EQUITY)
    .reduce((sum, r) => sum.plus(index.upTo(r.account.remoteId, c.date)), new Decimal(0))));
  const checks = balanceSheetChecks(sections, periods, { netAssets });
  const report: BalanceSheet = {
    ...reportHeader(ledger, ctx, "Balance Sheet", params.basis),
    periods,
    sections,
    checks,
    balanced: allChecksPassed(checks),
    date: params.date,
    ...balanceSheetFigures(sections, n),
  };
  if (ledger.evidence) checks.push(...balanceSheetBooksChecks(ledger, report, ledger.evidence, ctx));
  return { ...report, balanced: allChecksPassed(checks) };
}

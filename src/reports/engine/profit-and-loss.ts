import { Decimal } from "decimal.js";
import type { ProfitAndLoss } from "../../../schema/report/report.type.js";
import type { ProfitAndLossParams } from "../../connector/adapter.js";
import { allChecksPassed, profitAndLossChecks } from "../checks.js";
import { profitAndLossFigures } from "../figures.js";
import type { BalanceIndex } from "./balance-index.js";
import { profitAndLossBooksChecks } from "./books-checks.js";
import { addDays } from "./calendar.js";
import type { EngineContext, Ledger, LedgerAccount } from "./ledger.js";
import { isProfitAndLoss, PROFIT_AND_LOSS_KEYS } from "./placement.js";
import { indexLedger, profitAndLossPeriods, reportHeader } from "./report-frame.js";
import { accountSections, cents } from "./sections.js";

/** Net profit straight from the accounts (not from the sections), to check the sections against. */
export function profitBetween(index: BalanceIndex, accounts: readonly LedgerAccount[], before: string, to: string): Decimal {
  return accounts.reduce((sum, a) => sum.minus(index.upTo(a.remoteId, to)).plus(index.upTo(a.remoteId, before)), new Decimal(0));
}

/** Income and expenses per period from the ledger, in the unified shape, with the shared checks. */
export function computeProfitAndLoss(ledger: Ledger, params: ProfitAndLossParams, ctx: EngineContext): ProfitAndLoss {
  const periods = profitAndLossPeriods(params);
  const ranges = periods.map((p) => ({ before: addDays(p.fromDate!, -1), to: p.toDate }));
  const index = indexLedger(ledger, ranges.flatMap((r) => [r.before, r.to]));
  const accounts = ledger.accounts.filter(isProfitAndLoss);
  const rows = accounts.map((account) => ({
    account,
    values: ranges.map((r) => index.upTo(account.remoteId, r.to).minus(index.upTo(account.remoteId, r.before))),
  }));
  const sections = accountSections(PROFIT_AND_LOSS_KEYS, rows, periods.length);
  const netProfit = ranges.map((r) => cents(profitBetween(index, accounts, r.before, r.to)));
  const checks = profitAndLossChecks(sections, periods, { netProfit });
  const figures = profitAndLossFigures(sections, periods.length);
  const report: ProfitAndLoss = {
    ...reportHeader(ledger, ctx, "Profit and Loss", params.basis),
    periods,
    sections,
    checks,
    balanced: allChecksPassed(checks),
    fromDate: params.fromDate,
    toDate: params.toDate,
    totalIncome: figures.totalIncome,
    grossProfit: figures.grossProfit,
    totalExpenses: figures.totalExpenses,
    netProfit: figures.netProfit,
  };
  if (ledger.evidence) checks.push(...profitAndLossBooksChecks(report, ledger.evidence));
  return { ...report, balanced: allChecksPassed(checks) };
}

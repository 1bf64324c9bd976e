import type { ReportPeriod } from "../../../schema/report/report.type.js";
import type { BalanceSheetParams, ProfitAndLossParams } from "../../connector/adapter.js";
import { comparisonPeriods } from "../periods.js";
import { BalanceIndex } from "./balance-index.js";
import type { EngineContext, Ledger } from "./ledger.js";

const columnCount = (periods: number) => Math.max(0, Math.min(11, Math.trunc(periods))) + 1;

export function profitAndLossPeriods(params: ProfitAndLossParams): ReportPeriod[] {
  return comparisonPeriods({ fromDate: params.fromDate, toDate: params.toDate, timeframe: params.timeframe }, columnCount(params.periods));
}

export function balanceSheetPeriods(params: BalanceSheetParams): ReportPeriod[] {
  return comparisonPeriods({ toDate: params.date, timeframe: params.timeframe }, columnCount(params.periods));
}

/** Buckets the ledger at the cut-offs, refusing postings to accounts the chart does not hold. */
export function indexLedger(ledger: Ledger, cutoffs: Iterable<string>): BalanceIndex {
  const index = new BalanceIndex(cutoffs, ledger.postings);
  const known = new Set(ledger.accounts.map((a) => a.remoteId));
  const unknown = [...index.accountIds()].filter((id) => !known.has(id));
  if (unknown.length) throw new Error(`Ledger postings reference accounts missing from its chart: ${unknown.slice(0, 5).join(", ")}`);
  return index;
}

/** Fields every computed report shares. */
export function reportHeader(ledger: Ledger, ctx: EngineContext, title: string, basis: ProfitAndLossParams["basis"]) {
  return {
    organizationId: ctx.organizationId,
    provider: ctx.provider,
    title: [title, ledger.organizationName].filter(Boolean).join(", "),
    basis,
    currency: ledger.currency,
    source: "COMPUTED",
    raw: null,
  };
}

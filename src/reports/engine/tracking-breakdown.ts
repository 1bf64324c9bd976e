import type { BalanceSheet, ProfitAndLoss } from "../../../schema/report/report.type.js";
import type { BalanceSheetParams, ProfitAndLossParams } from "../../connector/adapter.js";
import { mergeTrackingColumns, UNASSIGNED, type TrackingColumn } from "../tracking-columns.js";
import { computeBalanceSheet } from "./balance-sheet.js";
import type { EngineContext, Ledger, Posting } from "./ledger.js";
import { computeProfitAndLoss } from "./profit-and-loss.js";

/**
 * Computed reports by tracking category. A posting belongs to an option when its `tracking` names that
 * option for the category: the postings of a document line (its net amount and cost of sales), recognised
 * pro rata with the line on cash basis, carry the line's tracking; tax, receivables, payables and bank
 * sides carry none. So a P&L's option columns plus Unassigned add up to the plain P&L line by line, and
 * a balance sheet's option columns hold the option's profit (Current Year Earnings and retained
 * earnings) and any tracked balance-sheet lines, with everything else under Unassigned.
 */

/** One option of the category: its provider id and the name its column shows. */
export interface BreakdownOption {
  id: string;
  name: string;
}

export interface TrackingBreakdown {
  categoryRemoteId: string;
  /** Columns in this order; an option a posting names that is not listed gets a column named by its id. */
  options: readonly BreakdownOption[];
}

const optionOf = (p: Posting, category: string): string | null => p.tracking?.[category] ?? null;

/** The columns: each option's postings, then the untagged ones (Unassigned); the Total runs on the whole ledger. */
function columnLedgers(ledger: Ledger, breakdown: TrackingBreakdown): Array<{ option: { id: string | null; name: string }; ledger: Ledger }> {
  const byOption = new Map<string | null, Posting[]>();
  for (const p of ledger.postings) {
    const option = optionOf(p, breakdown.categoryRemoteId);
    (byOption.get(option) ?? byOption.set(option, []).get(option)!).push(p);
  }
  const listed = new Set(breakdown.options.map((o) => o.id));
  const unlisted = [...byOption.keys()].filter((id): id is string => id !== null && !listed.has(id)).sort();
  const options = [...breakdown.options, ...unlisted.map((id) => ({ id, name: id }))];
  const part = (id: string | null): Ledger => ({ ...ledger, postings: byOption.get(id) ?? [], evidence: undefined });
  return [...options.map((o) => ({ option: o as { id: string | null; name: string }, ledger: part(o.id) })), { option: { id: null, name: UNASSIGNED }, ledger: part(null) }];
}

/** P&L with one column per option, then Unassigned, then Total (the plain P&L, with its books checks). */
export function computeProfitAndLossByTracking(ledger: Ledger, params: ProfitAndLossParams, ctx: EngineContext, breakdown: TrackingBreakdown): ProfitAndLoss {
  const single = { ...params, periods: 0 };
  const columns: TrackingColumn<ProfitAndLoss>[] = columnLedgers(ledger, breakdown)
    .map(({ option, ledger: part }) => ({ option, report: computeProfitAndLoss(part, single, ctx) }));
  columns.push({ option: null, report: computeProfitAndLoss(ledger, single, ctx) });
  return mergeTrackingColumns(columns, "PROFIT_AND_LOSS");
}

/** Balance sheet with one column per option (its tagged postings), then Unassigned, then Total (the plain balance sheet). */
export function computeBalanceSheetByTracking(ledger: Ledger, params: BalanceSheetParams, ctx: EngineContext, breakdown: TrackingBreakdown): BalanceSheet {
  const single = { ...params, periods: 0 };
  const columns: TrackingColumn<BalanceSheet>[] = columnLedgers(ledger, breakdown)
    .map(({ option, ledger: part }) => ({ option, report: computeBalanceSheet(part, single, ctx) }));
  columns.push({ option: null, report: computeBalanceSheet(ledger, single, ctx) });
  return mergeTrackingColumns(columns, "BALANCE_SHEET");
}

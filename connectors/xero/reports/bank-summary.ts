import type { ReportWithRow } from "xero-node";
import { Provider } from "../../../schema/common/provider.enum.js";
import type { CashSummary, CashSummaryAccount } from "../../../schema/report/standard-reports.type.js";
import type { CashSummaryParams } from "../../../src/connector/adapter.js";
import { Decimal } from "../../../src/money/decimal.js";
import { allChecksPassed, comparisonPeriods } from "../../../src/reports/index.js";
import { columnsCheck } from "../../../src/reports/engine/standard-frame.js";
import { toWireJson } from "../mapping/wire-json.js";
import { normalTitle } from "./report-rows.js";
import { amountsFrom, attribute, bodyRows, cellText, reportTitle, rowType } from "./standard-rows.js";
import type { StandardReportContext } from "./standard-context.js";

const FIELDS = ["opening", "received", "spent", "closing"] as const;
type Field = (typeof FIELDS)[number];
const fixed = (d: Decimal) => (d.isZero() ? "0.00" : d.toFixed(2));
const sumOf = (values: Decimal.Value[]) => values.reduce<Decimal>((s, v) => s.plus(v), new Decimal(0));

interface BankRow { accountRemoteId: string; name: string; figures: string[] }

/** One BankSummary: its account rows (Opening Balance, Cash Received, Cash Spent, Closing Balance) and its Total row. */
function readBankSummary(report: ReportWithRow): { rows: BankRow[]; total: string[] | null } {
  const rows: BankRow[] = [];
  let total: string[] | null = null;
  for (const { row } of bodyRows(report)) {
    if (rowType(row) === "SummaryRow") {
      if (normalTitle(cellText(row.cells?.[0])) === "total") total = amountsFrom(row, 1, 4);
      continue;
    }
    const id = attribute(row, "accountID", "account")?.value;
    if (id) rows.push({ accountRemoteId: id, name: cellText(row.cells?.[0]), figures: amountsFrom(row, 1, 4) });
  }
  return { rows, total };
}

/** The periods a cash summary asks for, most recent first: one BankSummary call each (at most 12). */
export function bankSummaryPeriods(params: CashSummaryParams) {
  return comparisonPeriods({ fromDate: params.fromDate, toDate: params.toDate, timeframe: params.timeframe }, Math.min(Math.max(params.periods, 0), 11) + 1);
}

/**
 * Xero's BankSummary, one report per period (most recent first, as `bankSummaryPeriods`) → one
 * unified cash summary: every account any period lists (0.00 where a period does not list it),
 * ordered by code then name, with checks: closing = opening + received − spent per account and in
 * total, and Xero's Total rows equal the sums of the accounts.
 */
export function toUnifiedCashSummary(reports: ReportWithRow[], params: CashSummaryParams, ctx: StandardReportContext): CashSummary {
  const periods = bankSummaryPeriods(params).slice(0, reports.length);
  const read = reports.map(readBankSummary);
  const ids = [...new Set(read.flatMap((r) => r.rows.map((row) => row.accountRemoteId)))];
  const accounts: CashSummaryAccount[] = ids.map((id) => {
    const chart = ctx.accounts?.get(id);
    const named = read.flatMap((r) => r.rows).find((row) => row.accountRemoteId === id)!;
    const figure = (field: Field) => read.map((r) => r.rows.find((row) => row.accountRemoteId === id)?.figures[FIELDS.indexOf(field)] ?? "0.00");
    return {
      accountRemoteId: id, accountCode: chart?.code ?? ctx.accountCodes?.get(id) ?? null, name: chart?.name ?? named.name,
      opening: figure("opening"), received: figure("received"), spent: figure("spent"), closing: figure("closing"),
    };
  }).sort((a, b) => (a.accountCode ?? "\uffff").localeCompare(b.accountCode ?? "\uffff") || a.name.localeCompare(b.name));
  const sums = (field: Field) => periods.map((_, i) => fixed(sumOf(accounts.map((a) => a[field][i]))));
  const totals = { opening: sums("opening"), received: sums("received"), spent: sums("spent"), closing: sums("closing") };
  const labels = periods.map((p) => p.label);
  const checks = [
    columnsCheck("CASH_SUMMARY:CLOSING", periods.map((_, i) => sumOf([
      ...accounts.map((a) => new Decimal(a.closing[i]).minus(a.opening[i]).minus(a.received[i]).plus(a.spent[i]).abs()),
      new Decimal(totals.closing[i]).minus(totals.opening[i]).minus(totals.received[i]).plus(totals.spent[i]).abs(),
    ])), labels, "Each account's closing balance, and the total's, equals its opening balance + received − spent"),
    columnsCheck("CASH_SUMMARY:TOTALS", read.map((r, i) => sumOf(FIELDS.map((f, j) => new Decimal(r.total?.[j] ?? totals[f][i]).minus(totals[f][i]).abs()))), labels,
      "Xero's Total rows equal the sums of the accounts"),
  ];
  return {
    organizationId: ctx.organizationId, provider: Provider.XERO, title: reports[0] ? reportTitle(reports[0]) : "Bank Summary", currency: ctx.currency,
    source: "NATIVE", raw: reports.length === 1 ? toWireJson(reports[0], "ReportWithRow") : reports.map((r) => toWireJson(r, "ReportWithRow")),
    fromDate: params.fromDate, toDate: params.toDate, periods, accounts, ...totals, checks, balanced: allChecksPassed(checks),
  };
}

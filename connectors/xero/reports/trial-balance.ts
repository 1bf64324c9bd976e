import type { ReportWithRow } from "xero-node";
import { AccountClass } from "../../../schema/account/account.type.js";
import { Provider } from "../../../schema/common/provider.enum.js";
import { ReportTimeframe } from "../../../schema/report/report-enums.js";
import type { TrialBalance, TrialBalanceLine } from "../../../schema/report/standard-reports.type.js";
import type { TrialBalanceParams } from "../../../src/connector/adapter.js";
import { Decimal } from "../../../src/money/decimal.js";
import { allChecksPassed, comparisonPeriods } from "../../../src/reports/index.js";
import { financialYearStart } from "../../../src/reports/engine/calendar.js";
import { columnsCheck } from "../../../src/reports/engine/standard-frame.js";
import { toWireJson } from "../mapping/wire-json.js";
import { normalTitle } from "./report-rows.js";
import { amountsFrom, attribute, bodyRows, cellText, reportTitle, rowType } from "./standard-rows.js";
import type { StandardReportContext } from "./standard-context.js";

const CLASS_BY_TITLE: Record<string, AccountClass> = {
  revenue: AccountClass.REVENUE, income: AccountClass.REVENUE,
  expenses: AccountClass.EXPENSE, expense: AccountClass.EXPENSE,
  assets: AccountClass.ASSET, asset: AccountClass.ASSET,
  liabilities: AccountClass.LIABILITY, liability: AccountClass.LIABILITY,
  equity: AccountClass.EQUITY,
};

/** Unified order, as the engine's: Revenue, Expenses, Assets, Liabilities, Equity; by code, then name, within each. */
const CLASS_ORDER = [AccountClass.REVENUE, AccountClass.EXPENSE, AccountClass.ASSET, AccountClass.LIABILITY, AccountClass.EQUITY];
const byClassThenCode = (a: TrialBalanceLine, b: TrialBalanceLine) =>
  CLASS_ORDER.indexOf(a.class) - CLASS_ORDER.indexOf(b.class)
  || (a.accountCode ?? "\uffff").localeCompare(b.accountCode ?? "\uffff") || a.name.localeCompare(b.name);

const fixed = (d: Decimal) => (d.isZero() ? "0.00" : d.toFixed(2));
const sumOf = (values: string[]) => values.reduce((s, v) => s.plus(v), new Decimal(0));

/** One debit/credit pair netted to one side, as the unified line states it. */
function netted(debit: string, credit: string): [string, string] {
  const net = new Decimal(debit).minus(credit);
  return [fixed(Decimal.max(net, 0)), fixed(Decimal.max(net.negated(), 0))];
}

/** "Sales (200)" → "Sales" when the parenthesised part is the account's code. */
function splitName(text: string, knownCode: string | null | undefined): { name: string; code: string | null } {
  const match = /^(.*\S)\s*\(([^()]+)\)$/.exec(text);
  if (match && (!knownCode || match[2] === knownCode)) return { name: match[1], code: match[2] };
  return { name: text, code: knownCode ?? null };
}

/** "12/31/2025" (Xero's cut-off attribute on retained earnings) → "2025-12-31". */
function usDate(text: string | undefined): string | null {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text ?? "");
  return match ? `${match[3]}-${match[1].padStart(2, "0")}-${match[2].padStart(2, "0")}` : null;
}

/** The financial year's first day: from the organisation's year end, else the day after Xero's retained-earnings cut-off, else 1 January. */
function yearStart(report: ReportWithRow, date: string, ctx: StandardReportContext): string {
  if (ctx.financialYearEnd) return financialYearStart(date, ctx.financialYearEnd);
  const cutOff = bodyRows(report).map(({ row }) => usDate(attribute(row, "toDate")?.value)).find(Boolean);
  if (cutOff) return new Date(Date.parse(`${cutOff}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return `${date.slice(0, 4)}-01-01`;
}

/**
 * Xero's TrialBalance (Account | Debit | Credit | YTD Debit | YTD Credit, sections by account class,
 * "Name (Code)" cells carrying the account id) → unified lines with checks: debits equal credits in
 * both column pairs, and Xero's Total row equals the sums of the lines.
 */
export function toUnifiedTrialBalance(report: ReportWithRow, params: TrialBalanceParams, ctx: StandardReportContext): TrialBalance {
  const lines: TrialBalanceLine[] = [];
  let stated: string[] | null = null;
  for (const { section, row } of bodyRows(report)) {
    const account = attribute(row, "account")?.value;
    if (rowType(row) === "SummaryRow" || !account) {
      if (normalTitle(cellText(row.cells?.[0])) === "total") stated = amountsFrom(row, 1, 4);
      continue;
    }
    const chart = ctx.accounts?.get(account);
    const known = chart?.code ?? ctx.accountCodes?.get(account) ?? null;
    const { name, code } = splitName(cellText(row.cells?.[0]), known);
    const [debit, credit, ytdDebit, ytdCredit] = amountsFrom(row, 1, 4);
    const [d, c] = netted(debit, credit);
    const [yd, yc] = netted(ytdDebit, ytdCredit);
    lines.push({
      accountRemoteId: account, accountCode: known ?? code, name: chart?.name ?? name,
      class: CLASS_BY_TITLE[normalTitle(section)] ?? chart?.class ?? AccountClass.ASSET,
      debit: d, credit: c, ytdDebit: yd, ytdCredit: yc,
    });
  }
  lines.sort(byClassThenCode);
  const column = (field: "debit" | "credit" | "ytdDebit" | "ytdCredit") => fixed(sumOf(lines.map((l) => l[field])));
  const sums = [column("debit"), column("credit"), column("ytdDebit"), column("ytdCredit")];
  const totals = stated ?? sums;
  const monthStart = `${params.date.slice(0, 8)}01`;
  const periods = [
    comparisonPeriods({ fromDate: monthStart, toDate: params.date, timeframe: ReportTimeframe.MONTH }, 1)[0],
    comparisonPeriods({ fromDate: yearStart(report, params.date, ctx), toDate: params.date, timeframe: ReportTimeframe.YEAR }, 1)[0],
  ];
  const labels = periods.map((p) => p.label);
  const off = (i: number) => new Decimal(totals[i]).minus(sums[i]).abs();
  const checks = [
    columnsCheck("TRIAL_BALANCE:DEBITS_EQUAL_CREDITS", [new Decimal(totals[0]).minus(totals[1])], labels.slice(0, 1),
      "Total debits equal total credits for the month to date"),
    columnsCheck("TRIAL_BALANCE:YTD_DEBITS_EQUAL_CREDITS", [new Decimal(totals[2]).minus(totals[3])], labels.slice(1),
      "Total debits equal total credits for the year to date"),
    columnsCheck("TRIAL_BALANCE:TOTALS", [off(0).plus(off(1)), off(2).plus(off(3))], labels,
      "Xero's stated debit and credit totals equal the sums of the lines"),
  ];
  return {
    organizationId: ctx.organizationId, provider: Provider.XERO, title: reportTitle(report), currency: ctx.currency,
    source: "NATIVE", raw: toWireJson(report, "ReportWithRow"),
    basis: params.basis, date: params.date, periods, lines,
    totalDebit: totals[0], totalCredit: totals[1], totalYtdDebit: totals[2], totalYtdCredit: totals[3],
    checks, balanced: allChecksPassed(checks),
  };
}

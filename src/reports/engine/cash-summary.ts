import { Decimal } from "decimal.js";
import type { CashSummary, CashSummaryAccount } from "../../../schema/report/standard-reports.type.js";
import type { ReportCheck } from "../../../schema/report/report.type.js";
import type { CashSummaryParams } from "../../connector/adapter.js";
import { ReportTimeframe } from "../../../schema/report/report-enums.js";
import { allChecksPassed } from "../checks.js";
import { findSection } from "../amounts.js";
import { ReportSectionKey as K } from "../section-keys.js";
import { BalanceIndex } from "./balance-index.js";
import { computeBalanceSheet } from "./balance-sheet.js";
import { addDays } from "./calendar.js";
import type { EngineContext, Ledger, LedgerAccount, Posting } from "./ledger.js";
import { sectionOf } from "./placement.js";
import { indexLedger, profitAndLossPeriods } from "./report-frame.js";
import { cents } from "./sections.js";
import { columnsCheck, standardHeader, sum, ZERO } from "./standard-frame.js";

const byCode = (a: LedgerAccount, b: LedgerAccount) => (a.code ?? "").localeCompare(b.code ?? "") || a.name.localeCompare(b.name);

/**
 * Each bank and cash account's (section BANK) opening balance, money in, money out and closing
 * balance per period column (the requested `fromDate`..`toDate`, then `periods` earlier ones, one
 * `timeframe` back each; most recent first). Money in and out are gross per posting: every debit to
 * the account is received, every credit spent, so a transfer between two bank accounts is spent in
 * one and received in the other, and nothing nets within an account. Accounts with no posting on or
 * before the last column's end are left out.
 */
export function computeCashSummary(ledger: Ledger, params: CashSummaryParams, ctx: EngineContext): CashSummary {
  const periods = profitAndLossPeriods(params);
  const columns = periods.map((p) => ({ before: addDays(p.fromDate, -1), to: p.toDate }));
  const cutoffs = columns.flatMap((c) => [c.before, c.to]);
  const balances = indexLedger(ledger, cutoffs);
  const posted = new Set(balances.accountIds());
  const banks = ledger.accounts.filter((a) => sectionOf(a) === K.BANK && posted.has(a.remoteId)).sort(byCode);
  const bankIds = new Set(banks.map((a) => a.remoteId));
  const onBanks = ledger.postings.filter((p) => bankIds.has(p.accountRemoteId));
  const ins = new BalanceIndex(cutoffs, onBanks.filter((p) => new Decimal(p.amount).gt(0)));
  const outs = new BalanceIndex(cutoffs, onBanks.filter((p) => new Decimal(p.amount).lt(0)));
  const between = (index: BalanceIndex, id: string) => columns.map((c) => index.upTo(id, c.to).minus(index.upTo(id, c.before)));

  const raw = banks.map((account) => ({
    account,
    opening: columns.map((c) => balances.upTo(account.remoteId, c.before)),
    received: between(ins, account.remoteId),
    spent: between(outs, account.remoteId).map((v) => v.negated()),
    closing: columns.map((c) => balances.upTo(account.remoteId, c.to)),
  }));
  const accounts: CashSummaryAccount[] = raw.map((r) => ({
    accountRemoteId: r.account.remoteId, accountCode: r.account.code ?? null, name: r.account.name,
    opening: r.opening.map(cents), received: r.received.map(cents), spent: r.spent.map(cents), closing: r.closing.map(cents),
  }));
  const total = (field: "opening" | "received" | "spent" | "closing") => columns.map((_, i) => cents(sum(accounts.map((a) => a[field][i]))));
  const totals = { opening: total("opening"), received: total("received"), spent: total("spent"), closing: total("closing") };
  const labels = periods.map((p) => p.label);
  const checks: ReportCheck[] = [
    columnsCheck("CASH_SUMMARY:CLOSING", columns.map((_, i) => sum(accounts.map((a) =>
      new Decimal(a.closing[i]).minus(a.opening[i]).minus(a.received[i]).plus(a.spent[i]).abs()))),
    labels, "Each account's closing balance equals its opening balance + received − spent"),
    columnsCheck("CASH_SUMMARY:TOTALS", columns.map((_, i) => sum((["opening", "received", "spent", "closing"] as const).map((f) =>
      new Decimal(totals[f][i]).minus(sum(accounts.map((a) => a[f][i]))).abs()))),
    labels, "The totals equal the sums of the accounts"),
    balanceSheetCheck(ledger, params, ctx, accounts, labels),
  ];
  if (ledger.evidence?.otherBasis) checks.push(otherBasisCheck(ledger.evidence.otherBasis, bankIds, columns.map((c) => c.to), totals.closing, labels));
  const header = standardHeader(ctx, "Cash Summary", ledger.currency, ledger.organizationName);
  return { ...header, fromDate: params.fromDate, toDate: params.toDate, periods, accounts, ...totals, checks, balanced: allChecksPassed(checks) };
}

/** Every account's closing balance equals its line in the BANK section of a balance sheet at each column's end. */
function balanceSheetCheck(ledger: Ledger, params: CashSummaryParams, ctx: EngineContext, accounts: CashSummaryAccount[], labels: string[]): ReportCheck {
  const n = labels.length;
  // A balance sheet's columns step back one timeframe from its date, as the cash summary's columns do.
  const sheet = computeBalanceSheet({ ...ledger, evidence: undefined }, { date: params.toDate, periods: n - 1, timeframe: params.timeframe ?? ReportTimeframe.MONTH, basis: params.basis }, ctx);
  const bankLines = findSection(sheet.sections, K.BANK)?.lines ?? [];
  const ids = new Set([...accounts.map((a) => a.accountRemoteId), ...bankLines.map((l) => l.accountRemoteId ?? "")]);
  const differences = Array.from({ length: n }, (_, i) => sum([...ids].map((id) => {
    const closing = accounts.find((a) => a.accountRemoteId === id)?.closing[i] ?? "0.00";
    const balance = bankLines.find((l) => l.accountRemoteId === id)?.amounts[i] ?? "0.00";
    return new Decimal(closing).minus(balance).abs();
  })));
  return columnsCheck("CASH_SUMMARY:BALANCE_SHEET", differences, labels, "Each account's closing balance equals its balance on the balance sheet at the period's end");
}

/** The same bank accounts on the books' other basis hold the same balances (money does not depend on the basis). */
function otherBasisCheck(other: Ledger, bankIds: Set<string>, dates: string[], closing: string[], labels: string[]): ReportCheck {
  const postings: Posting[] = other.postings.filter((p) => bankIds.has(p.accountRemoteId));
  const index = new BalanceIndex(dates, postings);
  const differences = dates.map((d, i) => new Decimal(closing[i]).minus(sum([...bankIds].map((id) => index.upTo(id, d)))).toDecimalPlaces(2));
  return columnsCheck("CASH_SUMMARY:SAME_ON_BOTH_BASES", differences.map((d) => (d.isZero() ? ZERO : d)), labels, "Closing bank balances equal the other basis's at the same dates");
}

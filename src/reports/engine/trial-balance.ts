import { Decimal } from "decimal.js";
import { AccountClass } from "../../../schema/account/account.type.js";
import type { TrialBalance, TrialBalanceLine } from "../../../schema/report/standard-reports.type.js";
import type { TrialBalanceParams } from "../../connector/adapter.js";
import { allChecksPassed } from "../checks.js";
import { rangeLabel } from "../periods.js";
import { BEGINNING } from "./balance-index.js";
import { journalReadComplete } from "./books-checks.js";
import { addDays, financialYearStart } from "./calendar.js";
import type { EngineContext, Ledger, LedgerAccount } from "./ledger.js";
import { isProfitAndLoss } from "./placement.js";
import { profitBetween } from "./profit-and-loss.js";
import { indexLedger, reportHeader } from "./report-frame.js";
import { cents } from "./sections.js";
import { columnsCheck, sum, ZERO } from "./standard-frame.js";

/** Xero's order: Revenue, Expenses, Assets, Liabilities, Equity; by code (then name) within each. */
const CLASS_ORDER: AccountClass[] = [AccountClass.REVENUE, AccountClass.EXPENSE, AccountClass.ASSET, AccountClass.LIABILITY, AccountClass.EQUITY];

/** The accountRemoteId of the computed "Retained Earnings" line of a ledger without a retained earnings account. */
export const COMPUTED_RETAINED_EARNINGS = "computed:retained-earnings";

interface Row {
  account: Pick<LedgerAccount, "remoteId" | "code" | "name" | "class">;
  /** Raw (debit-positive) month-to-date movement and year-to-date balance. */
  month: Decimal;
  ytd: Decimal;
}

const debit = (v: Decimal) => cents(v.gt(0) ? v : ZERO);
const credit = (v: Decimal) => cents(v.lt(0) ? v.negated() : ZERO);

function toLine({ account, month, ytd }: Row): TrialBalanceLine {
  return {
    accountRemoteId: account.remoteId, accountCode: account.code ?? null, name: account.name, class: account.class,
    debit: debit(month), credit: credit(month), ytdDebit: debit(ytd), ytdCredit: credit(ytd),
  };
}

const order = (a: Row, b: Row) =>
  CLASS_ORDER.indexOf(a.account.class) - CLASS_ORDER.indexOf(b.account.class)
  || (a.account.code ?? "\uffff").localeCompare(b.account.code ?? "\uffff") || a.account.name.localeCompare(b.account.name);

const isShown = (l: TrialBalanceLine) => [l.debit, l.credit, l.ytdDebit, l.ytdCredit].some((v) => v !== "0.00");

/**
 * Every account's figures at `params.date` from the ledger (already on the basis asked for):
 * - debit/credit: the account's net movement from the 1st of the month holding `date` to `date`;
 * - ytdDebit/ytdCredit: its balance at `date` — income and expense accounts from the financial year's
 *   first day, the others since the books began, with earlier years' profit rolled into the retained
 *   earnings account (or a computed "Retained Earnings" line), as the balance sheet shows equity.
 * Each figure sits on one side, positive. Accounts with nothing in any of the four columns are left out.
 */
export function computeTrialBalance(ledger: Ledger, params: TrialBalanceParams, ctx: EngineContext): TrialBalance {
  const { date } = params;
  const monthStart = `${date.slice(0, 8)}01`;
  const yearStart = financialYearStart(date, ledger.financialYearEnd);
  const beforeMonth = addDays(monthStart, -1);
  const yearEnd = addDays(yearStart, -1);
  const index = indexLedger(ledger, [BEGINNING, beforeMonth, yearEnd, date]);
  const priorYears = profitBetween(index, ledger.accounts.filter(isProfitAndLoss), BEGINNING, yearEnd);
  const retainedId = ledger.retainedEarningsAccountRemoteId;
  const hasRetained = ledger.accounts.some((a) => a.remoteId === retainedId && a.class === AccountClass.EQUITY);

  const rows: Row[] = ledger.accounts.map((account) => {
    const atDate = index.upTo(account.remoteId, date);
    const month = atDate.minus(index.upTo(account.remoteId, beforeMonth));
    let ytd = isProfitAndLoss(account) ? atDate.minus(index.upTo(account.remoteId, yearEnd)) : atDate;
    if (hasRetained && account.remoteId === retainedId) ytd = ytd.minus(priorYears);
    return { account, month, ytd };
  });
  if (!hasRetained) {
    rows.push({
      account: { remoteId: COMPUTED_RETAINED_EARNINGS, code: null, name: "Retained Earnings", class: AccountClass.EQUITY },
      month: ZERO,
      ytd: priorYears.negated(),
    });
  }
  const lines = rows.sort(order).map(toLine).filter(isShown);
  const totals = {
    totalDebit: cents(sum(lines.map((l) => l.debit))),
    totalCredit: cents(sum(lines.map((l) => l.credit))),
    totalYtdDebit: cents(sum(lines.map((l) => l.ytdDebit))),
    totalYtdCredit: cents(sum(lines.map((l) => l.ytdCredit))),
  };
  const periods = [
    { label: rangeLabel(monthStart, date), fromDate: monthStart, toDate: date },
    { label: rangeLabel(yearStart, date), fromDate: yearStart, toDate: date },
  ];
  const labels = periods.map((p) => p.label);
  const checks = [
    columnsCheck("TRIAL_BALANCE:DEBITS_EQUAL_CREDITS", [new Decimal(totals.totalDebit).minus(totals.totalCredit)], labels.slice(0, 1),
      "Total debits equal total credits for the month to date"),
    columnsCheck("TRIAL_BALANCE:YTD_DEBITS_EQUAL_CREDITS", [new Decimal(totals.totalYtdDebit).minus(totals.totalYtdCredit)], labels.slice(1),
      "Total debits equal total credits for the year to date"),
    columnsCheck("TRIAL_BALANCE:TOTALS", [
      stated(totals.totalDebit, lines, "debit").plus(stated(totals.totalCredit, lines, "credit")),
      stated(totals.totalYtdDebit, lines, "ytdDebit").plus(stated(totals.totalYtdCredit, lines, "ytdCredit")),
    ], labels, "The stated debit and credit totals equal the sums of the lines"),
  ];
  if (ledger.evidence?.journal) checks.push(journalReadComplete(ledger.evidence.journal, periods));
  return { ...reportHeader(ledger, ctx, "Trial Balance", params.basis), date, periods, lines, ...totals, checks, balanced: allChecksPassed(checks) };
}

/** |stated total − the sum of the lines' column|. */
function stated(total: string, lines: TrialBalanceLine[], column: "debit" | "credit" | "ytdDebit" | "ytdCredit"): Decimal {
  return new Decimal(total).minus(sum(lines.map((l) => l[column]))).abs();
}

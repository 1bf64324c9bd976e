import { Decimal } from "decimal.js";
import type { BalanceSheet, ProfitAndLoss, ReportCheck, ReportPeriod } from "../../../schema/report/report.type.js";
import { ReportBasis } from "../../../schema/report/report-enums.js";
import { addAmounts, totalOf, type Amounts } from "../amounts.js";
import {
  bankBothBasesCheck, cashPaymentsCheck, cashReceiptsCheck, journalReadCompleteCheck, retainedEarningsCheck,
} from "../checks.js";
import { ReportSectionKey as K } from "../section-keys.js";
import { BalanceIndex, BEGINNING } from "./balance-index.js";
import { addDays, financialYearStart } from "./calendar.js";
import type { EngineContext, Ledger } from "./ledger.js";
import { isProfitAndLoss, sectionOf } from "./placement.js";
import { profitBetween } from "./profit-and-loss.js";

/**
 * Income or expense that moved through the bank, as the documents tell it (not the ledger): the
 * profit-and-loss share of a payment or refund of a document, an expense or income entry, a spend- or
 * receive-money transaction (see `documentCashFlows`). `side` is what it is: INCOME (income and other
 * income) or EXPENSE (cost of sales and expenses), whatever its sign; `amount` is net of tax and signed
 * as the P&L shows it (income +, a refund of income −; expense +, a refund of expense −).
 */
export interface CashFlow {
  date: string;
  side: "INCOME" | "EXPENSE";
  amount: string;
  source: string;
}

/** What the provider states as an account's totals (e.g. Daftra's `/journal_accounts` total_debit/total_credit). */
export interface AccountTotal {
  accountRemoteId: string;
  debit: string;
  credit: string;
}

/**
 * The books behind a computed report, for the checks one report's sections cannot make alone.
 * Each field is optional: a check runs when its inputs are given.
 */
export interface BooksEvidence {
  /** The basis of the ledger this evidence belongs to. */
  basis: ReportBasis;
  /** The same books on the other basis: its bank balances must equal this ledger's. */
  otherBasis?: Ledger;
  /** Cash basis: the receipts and payments the P&L must equal, period by period. */
  cashFlows?: readonly CashFlow[];
  /** The provider's journal: its per-account totals, and the ledger read from it (any basis may carry it). */
  journal?: { ledger: Ledger; totals: readonly AccountTotal[] };
}

const bankAccounts = (ledger: Ledger) => ledger.accounts.filter((a) => sectionOf(a) === K.BANK).map((a) => a.remoteId);

function bankBalances(ledger: Ledger, dates: string[]): Amounts {
  const index = new BalanceIndex(dates, ledger.postings);
  const banks = bankAccounts(ledger);
  return dates.map((d) => banks.reduce((sum, id) => sum.plus(index.upTo(id, d)), new Decimal(0)).toFixed(2));
}

function flowsPerPeriod(flows: readonly CashFlow[], periods: ReportPeriod[], side: CashFlow["side"]): Amounts {
  return periods.map((p) => flows
    .filter((f) => f.side === side && f.date >= p.fromDate! && f.date <= p.toDate)
    .reduce((sum, f) => sum.plus(f.amount), new Decimal(0))
    .toFixed(2));
}

/**
 * The journal was read completely: debits = credits over the postings read, and every account's net
 * (all dates, accrual journal as read) = the provider's own stated total_debit − total_credit. It says
 * nothing about a report's figures (placement, basis, dates): the other checks cover those.
 */
export function journalReadComplete(journal: NonNullable<BooksEvidence["journal"]>, periods: ReportPeriod[]): ReportCheck {
  const net = new Map<string, Decimal>();
  let imbalance = new Decimal(0);
  for (const p of journal.ledger.postings) {
    net.set(p.accountRemoteId, (net.get(p.accountRemoteId) ?? new Decimal(0)).plus(p.amount));
    imbalance = imbalance.plus(p.amount);
  }
  const stated = new Map(journal.totals.map((t) => [t.accountRemoteId, new Decimal(t.debit).minus(t.credit)]));
  const ids = [...new Set([...net.keys(), ...stated.keys()])].sort();
  const accounts = ids.map((id) => ({
    account: journal.ledger.accounts.find((a) => a.remoteId === id)?.code ?? id,
    computed: (net.get(id) ?? new Decimal(0)).toFixed(2),
    stated: (stated.get(id) ?? new Decimal(0)).toFixed(2),
  }));
  return journalReadCompleteCheck(accounts, imbalance.toFixed(2), periods);
}

/** Checks a computed P&L against its books: cash receipts and payments (cash basis) and the journal. */
export function profitAndLossBooksChecks(report: ProfitAndLoss, evidence: BooksEvidence): ReportCheck[] {
  const { periods, sections } = report;
  const n = periods.length;
  const checks: ReportCheck[] = [];
  if (evidence.basis === ReportBasis.CASH && evidence.cashFlows) {
    const income = addAmounts(totalOf(sections, K.INCOME, n), totalOf(sections, K.OTHER_INCOME, n));
    const spent = addAmounts(totalOf(sections, K.COST_OF_SALES, n), totalOf(sections, K.OPERATING_EXPENSES, n), totalOf(sections, K.OTHER_EXPENSES, n));
    checks.push(cashReceiptsCheck(income, flowsPerPeriod(evidence.cashFlows, periods, "INCOME"), periods));
    checks.push(cashPaymentsCheck(spent, flowsPerPeriod(evidence.cashFlows, periods, "EXPENSE"), periods));
  }
  if (evidence.journal) checks.push(journalReadComplete(evidence.journal, periods));
  return checks;
}

/**
 * Equity rolled forward from the previous financial year end, per column: that year end's equity (all
 * profit up to it + the equity accounts' balances then, as a balance sheet at that date shows it) + the
 * net profit from the year's first day to the column's date + owner movements (equity accounts'
 * postings) in between. One balance index over every cut-off date the columns need.
 */
function rolledForwardEquity(ledger: Ledger, report: BalanceSheet): Amounts {
  const profitAccounts = ledger.accounts.filter(isProfitAndLoss);
  const equityIds = ledger.accounts.filter((a) => a.class === "EQUITY").map((a) => a.remoteId);
  const columns = report.periods.map((p) => ({ date: p.toDate, yearEnd: addDays(financialYearStart(p.toDate, ledger.financialYearEnd), -1) }));
  const index = new BalanceIndex([BEGINNING, ...columns.flatMap((c) => [c.date, c.yearEnd])], ledger.postings);
  const equityAt = (date: string) => equityIds.reduce((sum, id) => sum.minus(index.upTo(id, date)), new Decimal(0));
  return columns.map(({ date, yearEnd }) => {
    const opening = profitBetween(index, profitAccounts, BEGINNING, yearEnd).plus(equityAt(yearEnd));
    const profit = profitBetween(index, profitAccounts, yearEnd, date);
    const owners = equityAt(date).minus(equityAt(yearEnd));
    return opening.plus(profit).plus(owners).toFixed(2);
  });
}

/** Checks a computed balance sheet against its books: bank on the other basis, equity roll-forward, the journal. */
export function balanceSheetBooksChecks(ledger: Ledger, report: BalanceSheet, evidence: BooksEvidence, _ctx: EngineContext): ReportCheck[] {
  const { periods, sections } = report;
  const checks: ReportCheck[] = [];
  if (evidence.otherBasis) {
    const stated = totalOf(sections, K.BANK, periods.length);
    checks.push(bankBothBasesCheck(stated, bankBalances(evidence.otherBasis, periods.map((p) => p.toDate)), periods));
  }
  checks.push(retainedEarningsCheck(report.totalEquity, rolledForwardEquity(ledger, report), periods));
  if (evidence.journal) checks.push(journalReadComplete(evidence.journal, periods));
  return checks;
}

import { Decimal } from "decimal.js";
import type { BalanceSheet, ProfitAndLoss, ReportCheck, ReportPeriod } from "../../../schema/report/report.type.js";
import { ReportBasis, ReportTimeframe } from "../../../schema/report/report-enums.js";
import { addAmounts, totalOf, type Amounts } from "../amounts.js";
import {
  bankBothBasesCheck, cashPaymentsCheck, cashReceiptsCheck, retainedEarningsCheck, trialBalanceCheck,
} from "../checks.js";
import { ReportSectionKey as K } from "../section-keys.js";
import { BalanceIndex, BEGINNING } from "./balance-index.js";
import { computeBalanceSheet } from "./balance-sheet.js";
import { addDays, financialYearStart } from "./calendar.js";
import type { EngineContext, Ledger } from "./ledger.js";
import { sectionOf } from "./placement.js";
import { computeProfitAndLoss } from "./profit-and-loss.js";

/**
 * Money that moved through the bank for income or expenses, as the documents tell it (not the
 * ledger): a payment received against an invoice, a purchase payment, an expense or an income entry.
 * `netOfTax` is the gross amount less the tax in it (for a document payment, the document's tax in
 * proportion to the amount paid so far, rounded to the cent cumulatively), signed: received +, paid −.
 */
export interface CashFlow {
  date: string;
  netOfTax: string;
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

function flowsPerPeriod(flows: readonly CashFlow[], periods: ReportPeriod[], sign: 1 | -1): Amounts {
  return periods.map((p) => flows
    .filter((f) => f.date >= p.fromDate! && f.date <= p.toDate && new Decimal(f.netOfTax).times(sign).gt(0))
    .reduce((sum, f) => sum.plus(new Decimal(f.netOfTax).times(sign)), new Decimal(0))
    .toFixed(2));
}

/** Debits = credits over the journal's ledger, and every account's net = the provider's stated total. */
export function journalTrialBalance(journal: NonNullable<BooksEvidence["journal"]>, periods: ReportPeriod[]): ReportCheck {
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
  return trialBalanceCheck(accounts, imbalance.toFixed(2), periods);
}

/** Checks a computed P&L against its books: cash receipts and payments (cash basis) and the journal. */
export function profitAndLossBooksChecks(report: ProfitAndLoss, evidence: BooksEvidence): ReportCheck[] {
  const { periods, sections } = report;
  const n = periods.length;
  const checks: ReportCheck[] = [];
  if (evidence.basis === ReportBasis.CASH && evidence.cashFlows) {
    const income = addAmounts(totalOf(sections, K.INCOME, n), totalOf(sections, K.OTHER_INCOME, n));
    const spent = addAmounts(totalOf(sections, K.COST_OF_SALES, n), totalOf(sections, K.OPERATING_EXPENSES, n), totalOf(sections, K.OTHER_EXPENSES, n));
    checks.push(cashReceiptsCheck(income, flowsPerPeriod(evidence.cashFlows, periods, 1), periods));
    checks.push(cashPaymentsCheck(spent, flowsPerPeriod(evidence.cashFlows, periods, -1), periods));
  }
  if (evidence.journal) checks.push(journalTrialBalance(evidence.journal, periods));
  return checks;
}

/**
 * Equity rolled forward from the previous financial year end, per column: that year end's equity
 * (a balance sheet at that date) + the net profit of a P&L from the year's first day to the column's
 * date + owner movements (equity accounts' postings) in between. Both reports run on the same ledger.
 */
function rolledForwardEquity(ledger: Ledger, report: BalanceSheet, ctx: EngineContext): Amounts {
  const plain: Ledger = { ...ledger, evidence: undefined };
  const equityIds = ledger.accounts.filter((a) => a.class === "EQUITY").map((a) => a.remoteId);
  return report.periods.map((p) => {
    const start = financialYearStart(p.toDate, ledger.financialYearEnd);
    const yearEnd = addDays(start, -1);
    const base = { periods: 0, timeframe: ReportTimeframe.MONTH, basis: report.basis };
    const opening = new Decimal(computeBalanceSheet(plain, { ...base, date: yearEnd }, ctx).totalEquity[0]!);
    const profit = new Decimal(computeProfitAndLoss(plain, { ...base, fromDate: start, toDate: p.toDate }, ctx).netProfit[0]!);
    const index = new BalanceIndex([BEGINNING, yearEnd, p.toDate], ledger.postings);
    const owners = equityIds.reduce((sum, id) => sum.minus(index.upTo(id, p.toDate).minus(index.upTo(id, yearEnd))), new Decimal(0));
    return opening.plus(profit).plus(owners).toFixed(2);
  });
}

/** Checks a computed balance sheet against its books: bank on the other basis, equity roll-forward, the journal. */
export function balanceSheetBooksChecks(ledger: Ledger, report: BalanceSheet, evidence: BooksEvidence, ctx: EngineContext): ReportCheck[] {
  const { periods, sections } = report;
  const checks: ReportCheck[] = [];
  if (evidence.otherBasis) {
    const stated = totalOf(sections, K.BANK, periods.length);
    checks.push(bankBothBasesCheck(stated, bankBalances(evidence.otherBasis, periods.map((p) => p.toDate)), periods));
  }
  checks.push(retainedEarningsCheck(report.totalEquity, rolledForwardEquity(ledger, report, ctx), periods));
  if (evidence.journal) checks.push(journalTrialBalance(evidence.journal, periods));
  return checks;
}

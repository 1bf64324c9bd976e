import { Decimal } from "decimal.js";
import type { ReportCheck, ReportPeriod, ReportSection } from "../../schema/report/report.type.js";
import { computedTotal, findSection, isZero, subtractAmounts, type Amounts } from "./amounts.js";
import { balanceSheetFigures, profitAndLossFigures } from "./figures.js";
import { ReportSectionKey as K } from "./section-keys.js";

/**
 * Integrity checks shared by every connector's reports, native or computed. Each check states the
 * difference per period (stated − computed) and, when it fails, which section and which periods.
 */
function check(name: string, difference: Amounts, periods: ReportPeriod[], what: string): ReportCheck {
  const passed = isZero(difference);
  const failing = difference
    .map((d, i) => ({ d, label: periods[i]?.label ?? `period ${i + 1}` }))
    .filter(({ d }) => !isZero([d]))
    .map(({ d, label }) => `${d} in '${label}'`);
  const message = passed ? `${what}: holds in every period.` : `${what}: off by ${failing.join(", ")}.`;
  return { name, passed, difference, message };
}

const sectionName = (section: ReportSection | undefined, key: string) => (section ? `'${section.title}' (${key})` : `(no ${key} section)`);

/** One check per section, depth first: its stated total equals the sum of its lines and sub-sections. */
export function sectionTotalChecks(sections: ReportSection[], periods: ReportPeriod[]): ReportCheck[] {
  return sections.flatMap((section) => [
    ...sectionTotalChecks(section.sections, periods),
    check(
      `SECTION_TOTAL:${section.key}`,
      subtractAmounts(section.total, computedTotal(section, periods.length)),
      periods,
      `Section ${sectionName(section, section.key)} total equals the sum of its lines and sub-sections`,
    ),
  ]);
}

/** Section totals, then assets − liabilities = equity per period (and = the stated net assets, when given). */
export function balanceSheetChecks(sections: ReportSection[], periods: ReportPeriod[], stated: { netAssets?: Amounts | null } = {}): ReportCheck[] {
  const figures = balanceSheetFigures(sections, periods.length);
  const where = [K.ASSETS, K.LIABILITIES, K.EQUITY].map((key) => sectionName(findSection(sections, key), key));
  const checks = [
    ...sectionTotalChecks(sections, periods),
    check(
      "ASSETS_MINUS_LIABILITIES_EQUALS_EQUITY",
      subtractAmounts(figures.netAssets, figures.totalEquity),
      periods,
      `${where[0]} − ${where[1]} equals ${where[2]}`,
    ),
  ];
  if (stated.netAssets) {
    checks.push(check("NET_ASSETS", subtractAmounts(stated.netAssets, figures.netAssets), periods, `Stated net assets equal ${where[0]} − ${where[1]}`));
  }
  return checks;
}

export interface StatedProfit {
  /** The provider's own gross/net profit rows, when it states them. */
  grossProfit?: Amounts | null;
  netProfit?: Amounts | null;
}

/** Section totals, then gross profit = income − cost of sales and net profit = gross profit + other income − expenses. */
export function profitAndLossChecks(sections: ReportSection[], periods: ReportPeriod[], stated: StatedProfit = {}): ReportCheck[] {
  const figures = profitAndLossFigures(sections, periods.length);
  const name = (key: string) => sectionName(findSection(sections, key), key);
  return [
    ...sectionTotalChecks(sections, periods),
    check(
      "GROSS_PROFIT",
      subtractAmounts(stated.grossProfit ?? figures.grossProfit, figures.grossProfit),
      periods,
      `Gross profit equals ${name(K.INCOME)} − ${name(K.COST_OF_SALES)}`,
    ),
    check(
      "NET_PROFIT",
      subtractAmounts(stated.netProfit ?? figures.netProfit, figures.netProfit),
      periods,
      `Net profit equals gross profit + ${name(K.OTHER_INCOME)} − ${name(K.OPERATING_EXPENSES)} − ${name(K.OTHER_EXPENSES)}`,
    ),
  ];
}

/**
 * Checks against the books behind a report (the other basis, the payments, the journal). Each compares
 * the report's figure with one derived another way; `stated` is what the report shows, `expected` what
 * the books say, per period; the difference is stated − expected.
 */
export function bankBothBasesCheck(stated: Amounts, otherBasis: Amounts, periods: ReportPeriod[]): ReportCheck {
  return check("BANK_SAME_ON_BOTH_BASES", subtractAmounts(stated, otherBasis), periods,
    "Bank and cash balances equal the other basis's at the same date");
}

/**
 * Cash basis: income + other income = the income share of the money received and refunded in the
 * period: for each payment of a sales document, its income lines in proportion to the amount paid (a
 * refund of a customer credit note negative), plus incomes and receive-money, all net of tax.
 */
export function cashReceiptsCheck(income: Amounts, receiptsNetOfTax: Amounts, periods: ReportPeriod[]): ReportCheck {
  return check("CASH_INCOME_EQUALS_RECEIPTS", subtractAmounts(income, receiptsNetOfTax), periods,
    "Cash-basis income and other income equal the income share of the payments in the period (each document's income lines in proportion to the amount paid or refunded on it, net of tax; refunds of customer credit notes negative) plus incomes and receive-money net of tax");
}

/**
 * Cash basis: cost of sales + expenses = the expense share of the money paid and refunded in the
 * period: for each payment of a document, its expense and cost-of-sales lines in proportion to the
 * amount paid (what it posts to the balance sheet — equipment, stock, tax — is left out; a supplier's
 * refund on a purchase credit note negative), plus expenses and spend-money, all net of tax.
 */
export function cashPaymentsCheck(expenses: Amounts, paymentsNetOfTax: Amounts, periods: ReportPeriod[]): ReportCheck {
  return check("CASH_EXPENSES_EQUAL_PAYMENTS", subtractAmounts(expenses, paymentsNetOfTax), periods,
    "Cash-basis cost of sales and expenses equal the expense share of the payments in the period (each document's expense and cost-of-sales lines in proportion to the amount paid or refunded on it, net of tax; balance-sheet lines such as equipment or stock left out) plus expenses and spend-money net of tax");
}

/** Equity at the date = equity at the previous financial year end + profit since + owner movements since. */
export function retainedEarningsCheck(equity: Amounts, rolledForward: Amounts, periods: ReportPeriod[]): ReportCheck {
  return check("RETAINED_EARNINGS_ROLL_FORWARD", subtractAmounts(equity, rolledForward), periods,
    "Equity equals the previous year-end equity plus this year's net profit and owner movements");
}

/** One account's net movement (debit − credit): as the report's ledger holds it, and as the provider states it. */
export interface AccountTotalComparison {
  account: string;
  computed: string;
  stated: string;
}

/**
 * The provider's journal was read completely: over all the postings read (all dates, as the provider
 * journals them), debits equal credits and every account's net equals the provider's own stated total
 * (e.g. Daftra's total_debit − total_credit). It proves the input is whole, not that a report's figures
 * are right. The difference (the same in every period) is the sum of the absolute per-account
 * differences plus the debit − credit imbalance.
 */
export function journalReadCompleteCheck(accounts: AccountTotalComparison[], imbalance: string, periods: ReportPeriod[]): ReportCheck {
  const off = accounts.filter((a) => !new Decimal(a.computed).minus(a.stated).isZero());
  const total = off.reduce((sum, a) => sum.plus(new Decimal(a.computed).minus(a.stated).abs()), new Decimal(imbalance).abs());
  const difference = periods.map(() => total.toFixed(2));
  const passed = total.isZero();
  const detail = [
    ...(new Decimal(imbalance).isZero() ? [] : [`debits − credits = ${imbalance}`]),
    ...off.slice(0, 5).map((a) => `account ${a.account}: postings read ${a.computed} vs stated ${a.stated}`),
  ];
  const what = "Every account's postings read from the provider's journal (all dates) net to the provider's own stated total, and debits = credits: the journal was read completely";
  return { name: "JOURNAL_READ_COMPLETE", passed, difference, message: passed ? `${what}: holds.` : `${what}: ${detail.join("; ")}.` };
}

export const allChecksPassed = (checks: ReportCheck[]) => checks.every((c) => c.passed);

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

/** Cash basis: income + other income = money received in the period net of the tax in it. */
export function cashReceiptsCheck(income: Amounts, receiptsNetOfTax: Amounts, periods: ReportPeriod[]): ReportCheck {
  return check("CASH_INCOME_EQUALS_RECEIPTS", subtractAmounts(income, receiptsNetOfTax), periods,
    "Cash-basis income and other income equal the payments received in the period, net of tax");
}

/** Cash basis: cost of sales + expenses = money paid out in the period net of the tax in it. */
export function cashPaymentsCheck(expenses: Amounts, paymentsNetOfTax: Amounts, periods: ReportPeriod[]): ReportCheck {
  return check("CASH_EXPENSES_EQUAL_PAYMENTS", subtractAmounts(expenses, paymentsNetOfTax), periods,
    "Cash-basis cost of sales and expenses equal the payments made in the period, net of tax");
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
 * The ledger's trial balance equals the provider's journal totals: debits equal credits, and every
 * account's net equals the journal's. The difference (the same in every period) is the sum of the
 * absolute per-account differences plus the debit − credit imbalance.
 */
export function trialBalanceCheck(accounts: AccountTotalComparison[], imbalance: string, periods: ReportPeriod[]): ReportCheck {
  const off = accounts.filter((a) => !new Decimal(a.computed).minus(a.stated).isZero());
  const total = off.reduce((sum, a) => sum.plus(new Decimal(a.computed).minus(a.stated).abs()), new Decimal(imbalance).abs());
  const difference = periods.map(() => total.toFixed(2));
  const passed = total.isZero();
  const detail = [
    ...(new Decimal(imbalance).isZero() ? [] : [`debits − credits = ${imbalance}`]),
    ...off.slice(0, 5).map((a) => `account ${a.account}: ledger ${a.computed} vs journal ${a.stated}`),
  ];
  const what = "The computed trial balance equals the provider's journal totals (debits = credits, per account)";
  return { name: "TRIAL_BALANCE_MATCHES_JOURNAL", passed, difference, message: passed ? `${what}: holds.` : `${what}: ${detail.join("; ")}.` };
}

export const allChecksPassed = (checks: ReportCheck[]) => checks.every((c) => c.passed);

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

export const allChecksPassed = (checks: ReportCheck[]) => checks.every((c) => c.passed);

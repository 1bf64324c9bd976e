import { Decimal } from "decimal.js";
import type { ReportCheck, ReportLine, ReportPeriod, ReportSection } from "../../schema/report/report.type.js";
import { convertAt } from "../money/base-currency.js";
import { badUserInput, type FieldProblem } from "../errors/index.js";
import { addAmounts, computedTotal, isZero, subtractAmounts, zeros, type Amounts } from "./amounts.js";
import { balanceSheetFigures, profitAndLossFigures } from "./figures.js";
import { balanceSheetChecks, profitAndLossChecks } from "./checks.js";
import { ReportSectionKey as K } from "./section-keys.js";

/**
 * Several organizations' reports in one reporting currency, with rates the caller gives (no FX source
 * of the gateway's own). A rate is "1 unit of `currency` = `rate` units of the reporting currency".
 *
 * Each organization's report is converted line by line (amount × rate, 2 dp half-up) and its section
 * totals re-summed from the converted lines, so every section still adds up. What that per-line
 * rounding moved the bottom line by goes to one "Rounding on conversion to <currency>" line per
 * organization: under OTHER_INCOME on a P&L, so its converted net profit is its own net profit × rate
 * rounded once; under EQUITY on a balance sheet, so A − L = E holds exactly whenever it held in the
 * organization's own currency. Then sections are merged by key (within the same parent) and lines by
 * account code and name (the rounding lines of several organizations add into one).
 */

/** The most organizations one consolidated report takes. */
export const MAX_CONSOLIDATED_ORGANIZATIONS = 20;
/** The most rates one request may give (there are fewer than 200 ISO 4217 currencies). */
export const MAX_RATES = 200;

export interface ExchangeRate {
  currency: string;
  /** Units of the reporting currency per 1 unit of `currency`. */
  rate: string;
}

const CURRENCY_CODE = /^[A-Z]{3}$/;

/** Problems with the organizations, reporting currency and rates a caller asked for, each naming its argument. */
export function consolidationProblems(organizationIds: readonly string[], reportingCurrency: string, rates: readonly ExchangeRate[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (organizationIds.length === 0) problems.push({ field: "organizationIds", message: "name at least one organization." });
  if (organizationIds.length > MAX_CONSOLIDATED_ORGANIZATIONS) {
    problems.push({ field: "organizationIds", message: `at most ${MAX_CONSOLIDATED_ORGANIZATIONS} organizations per report; got ${organizationIds.length}. Split them into several reports.` });
  }
  const repeated = [...new Set(organizationIds.filter((id, i) => organizationIds.indexOf(id) !== i))];
  if (repeated.length) problems.push({ field: "organizationIds", message: `lists ${repeated.map((id) => `'${id}'`).join(", ")} more than once; name each organization once.` });
  if (!CURRENCY_CODE.test(reportingCurrency)) problems.push({ field: "reportingCurrency", message: `must be an ISO 4217 code in capitals, e.g. USD; got '${reportingCurrency}'.` });
  if (rates.length > MAX_RATES) {
    problems.push({ field: "rates", message: `at most ${MAX_RATES} rates; got ${rates.length}. Give one per currency of the organizations named.` });
    return problems;
  }
  const seen = new Set<string>();
  rates.forEach(({ currency, rate }, i) => {
    const field = `rates[${i}]`;
    if (!CURRENCY_CODE.test(currency)) problems.push({ field: `${field}.currency`, message: `must be an ISO 4217 code in capitals, e.g. SAR; got '${currency}'.` });
    else if (seen.has(currency)) problems.push({ field: `${field}.currency`, message: `${currency} is given more than once; give one rate per currency.` });
    seen.add(currency);
    if (!new Decimal(rate).greaterThan(0)) problems.push({ field: `${field}.rate`, message: `must be greater than zero (units of ${reportingCurrency} per 1 ${currency}); got ${rate}.` });
    else if (currency === reportingCurrency && !new Decimal(rate).equals(1)) {
      problems.push({ field: `${field}.rate`, message: `${currency} is the reporting currency, so its rate is 1; got ${rate}. Leave it out or give 1.` });
    }
  });
  return problems;
}

/** currency → rate, the reporting currency at 1 whether given or not. */
export function rateTable(reportingCurrency: string, rates: readonly ExchangeRate[]): Map<string, string> {
  const table = new Map(rates.map((r) => [r.currency, r.rate] as const));
  table.set(reportingCurrency, "1");
  return table;
}

/** An organization whose currency has no rate: BAD_USER_INPUT on `rates`, naming the currency and organizations. */
export function missingRates(reportingCurrency: string, missing: ReadonlyArray<{ currency: string; organization: string }>): void {
  if (!missing.length) return;
  const byCurrency = new Map<string, string[]>();
  for (const m of missing) byCurrency.set(m.currency, [...(byCurrency.get(m.currency) ?? []), m.organization]);
  throw badUserInput(
    [...byCurrency].map(([currency, organizations]) => ({
      field: "rates",
      message: `no rate for ${currency || "(no currency stated)"}, the currency of ${organizations.join(", ")}; add { currency: "${currency}", rate: "…" } giving units of ${reportingCurrency} per 1 ${currency}.`,
    })),
  );
}

/** One organization's own report, as served, with the rate to convert it at. */
export interface ReportToConsolidate {
  organizationId: string;
  name: string;
  rate: string;
  report: { currency: string; periods: ReportPeriod[]; sections: ReportSection[]; checks: ReportCheck[]; balanced: boolean };
}

/** The section's lines converted one by one, and its total re-summed; a stated total its lines do not make up keeps the gap as a line. */
export function convertSections(sections: ReportSection[], rate: string, width: number): ReportSection[] {
  return sections.map((section) => {
    // New line objects with only the line's fields: an organization's drill-down context (postings) does not carry over.
    const lines: ReportLine[] = section.lines.map((line) => ({
      name: line.name, accountCode: line.accountCode ?? null, accountRemoteId: line.accountRemoteId ?? null, amounts: line.amounts.map((a) => convertAt(a, rate)),
    }));
    const gap = subtractAmounts(section.total, computedTotal(section, width));
    if (!isZero(gap)) lines.push({ name: "Not itemised in the organization's report", accountCode: null, accountRemoteId: null, amounts: gap.map((a) => convertAt(a, rate)) });
    const converted = { ...section, lines, sections: convertSections(section.sections, rate, width) };
    return { ...converted, total: computedTotal(converted, width) };
  });
}

const lineKey = (line: ReportLine) => `${line.accountCode ?? ""}\u0000${line.name.trim().toLowerCase()}`;

/** Sections merged by key (within the same parent), lines by account code and name, totals re-summed; first-seen order and titles. */
export function mergeSections(reports: ReportSection[][], width: number): ReportSection[] {
  const order: string[] = [];
  const byKey = new Map<string, ReportSection[]>();
  for (const sections of reports) {
    for (const section of sections) {
      if (!byKey.has(section.key)) order.push(section.key);
      byKey.set(section.key, [...(byKey.get(section.key) ?? []), section]);
    }
  }
  return order.map((key) => {
    const parts = byKey.get(key)!;
    const lines = new Map<string, ReportLine>();
    for (const line of parts.flatMap((p) => p.lines)) {
      const known = lines.get(lineKey(line));
      if (!known) lines.set(lineKey(line), { ...line, amounts: addAmounts(zeros(width), line.amounts) });
      else lines.set(lineKey(line), { ...known, accountRemoteId: known.accountRemoteId === line.accountRemoteId ? known.accountRemoteId : null, amounts: addAmounts(known.amounts, line.amounts) });
    }
    const merged = { key, title: parts[0]!.title, lines: [...lines.values()], sections: mergeSections(parts.map((p) => p.sections), width), total: [] as Amounts };
    return { ...merged, total: computedTotal(merged, width) };
  });
}

const samePeriods = (a: ReportPeriod[], b: ReportPeriod[]) => a.length === b.length && a.every((p, i) => p.fromDate === b[i]!.fromDate && p.toDate === b[i]!.toDate);

/** One check per organization (its own report's checks) and one that every organization's columns are the same dates. */
function organizationChecks(parts: ReportToConsolidate[], width: number): ReportCheck[] {
  const first = parts[0]!.report.periods;
  const misaligned = parts.filter((p) => !samePeriods(p.report.periods, first)).map((p) => `'${p.name}'`);
  return [
    {
      name: "PERIODS_ALIGNED",
      passed: misaligned.length === 0,
      difference: zeros(width),
      message: misaligned.length ? `The columns of ${misaligned.join(", ")} are not the dates of the first organization's.` : "Every organization's report has the same columns.",
    },
    ...parts.map(({ organizationId, name, rate, report }) => {
      const failing = report.checks.filter((c) => !c.passed);
      return {
        name: `ORGANIZATION:${organizationId}`,
        passed: report.balanced && failing.length === 0,
        difference: failing[0] ? failing[0].difference.map((d) => convertAt(d, rate)) : zeros(width),
        message: failing.length
          ? `'${name}': its own report fails ${failing.map((c) => c.name).join(", ")} (difference shown converted, first failing check).`
          : `'${name}': every check of its own report holds.`,
      };
    }),
  ];
}

export interface Consolidated<F> {
  periods: ReportPeriod[];
  sections: ReportSection[];
  figures: F;
  checks: ReportCheck[];
  balanced: boolean;
}

/** `sections` with a "Rounding on conversion" line of `rounding` in the top-level section `key` (made when absent); unchanged when it is zero. */
function withRoundingLine(sections: ReportSection[], key: string, title: string, rounding: Amounts, reportingCurrency: string): ReportSection[] {
  if (isZero(rounding)) return sections;
  const line: ReportLine = { name: `Rounding on conversion to ${reportingCurrency}`, accountCode: null, accountRemoteId: null, amounts: rounding };
  const target = sections.find((s) => s.key === key);
  if (!target) return [...sections, { key, title, lines: [line], sections: [], total: rounding }];
  return sections.map((s) => (s === target ? { ...s, lines: [...s.lines, line], total: addAmounts(s.total, rounding) } : s));
}

/**
 * The organization's P&L converted line by line, plus (under OTHER_INCOME) what the per-line rounding
 * moved its net profit by: its converted net profit is then its own net profit × rate, rounded once.
 */
function convertedProfitAndLoss(part: ReportToConsolidate, reportingCurrency: string, width: number): ReportSection[] {
  const converted = convertSections(part.report.sections, part.rate, width);
  const expected = profitAndLossFigures(part.report.sections, width).netProfit.map((d) => convertAt(d, part.rate));
  const rounding = subtractAmounts(expected, profitAndLossFigures(converted, width).netProfit);
  return withRoundingLine(converted, K.OTHER_INCOME, "Other Income", rounding, reportingCurrency);
}

export function consolidateProfitAndLoss(parts: ReportToConsolidate[], reportingCurrency: string): Consolidated<ReturnType<typeof profitAndLossFigures>> {
  const periods = parts[0]!.report.periods;
  const width = periods.length;
  const sections = mergeSections(parts.map((p) => convertedProfitAndLoss(p, reportingCurrency, width)), width);
  const checks = [...profitAndLossChecks(sections, periods), ...organizationChecks(parts, width)];
  return { periods, sections, figures: profitAndLossFigures(sections, width), checks, balanced: checks.every((c) => c.passed) };
}

/**
 * The organization's balance sheet converted line by line, plus (under EQUITY) what the per-line
 * rounding moved assets − liabilities − equity by: zero again for a report that balanced.
 */
function convertedBalanceSheet(part: ReportToConsolidate, reportingCurrency: string, width: number): ReportSection[] {
  const converted = convertSections(part.report.sections, part.rate, width);
  const before = balanceSheetFigures(part.report.sections, width);
  const after = balanceSheetFigures(converted, width);
  const expected = subtractAmounts(before.netAssets, before.totalEquity).map((d) => convertAt(d, part.rate));
  const rounding = subtractAmounts(subtractAmounts(after.netAssets, after.totalEquity), expected);
  return withRoundingLine(converted, K.EQUITY, "Equity", rounding, reportingCurrency);
}

export function consolidateBalanceSheet(parts: ReportToConsolidate[], reportingCurrency: string): Consolidated<ReturnType<typeof balanceSheetFigures>> {
  const periods = parts[0]!.report.periods;
  const width = periods.length;
  const sections = mergeSections(parts.map((p) => convertedBalanceSheet(p, reportingCurrency, width)), width);
  const checks = [...balanceSheetChecks(sections, periods), ...organizationChecks(parts, width)];
  return { periods, sections, figures: balanceSheetFigures(sections, width), checks, balanced: checks.every((c) => c.passed) };
}

import { Decimal } from "decimal.js";
import { fromGlobalId } from "../ids/global-id.js";
import type { FinancialReport, ReportCheck, ReportLine, ReportPeriod, ReportSection, ReportTrackingOption } from "../../schema/report/report.type.js";

/**
 * Reports by tracking category: one column per option, then "Unassigned" (what carries no option of
 * the category), then "Total" (the report without the breakdown). Shared by the engine and by
 * connectors whose provider answers one report per option.
 */

/** The tracking category remote id that stands for "by project" (Clientary: each project is an option). */
export const PROJECTS_CATEGORY = "PROJECTS";

/** The tracking of something that belongs to a project (e.g. an expense's `projectId`): the project is its option. */
export function projectTracking(projectId: string | null | undefined): Record<string, string> | undefined {
  if (!projectId) return undefined;
  try {
    return { [PROJECTS_CATEGORY]: fromGlobalId(projectId).remoteId };
  } catch {
    return undefined;
  }
}

export const UNASSIGNED = "Unassigned";

/** Report fields that are not per-column amounts. */
const FIGURE_SKIP = new Set(["periods", "sections", "checks"]);
export const TOTAL = "Total";

/** One column of a breakdown: a single-column report and the option it is for (null: Total). */
export interface TrackingColumn<R extends FinancialReport> {
  option: ReportTrackingOption | null;
  report: R;
}

/** The column's period: the report's one period, labelled with the option's name ("Total" for the whole). */
export function trackingPeriod(period: ReportPeriod, option: ReportTrackingOption | null): ReportPeriod {
  return { label: option?.name ?? TOTAL, fromDate: period.fromDate, toDate: period.toDate, trackingOption: option };
}

const lineKey = (l: ReportLine) => l.accountRemoteId ?? `name:${l.name}`;
const at = (values: readonly string[] | undefined) => values?.[0] ?? "0.00";

/** Items of several lists in one order: each new item goes right after the item before it in its own list. */
function unionInOrder<T>(lists: T[][], key: (t: T) => string): Map<string, Array<T | undefined>> {
  const order: string[] = [];
  const found = new Map<string, Array<T | undefined>>();
  lists.forEach((list) => {
    let after = -1;
    for (const item of list) {
      const k = key(item);
      if (!found.has(k)) {
        order.splice(after + 1, 0, k);
        found.set(k, []);
      }
      after = order.indexOf(k);
    }
  });
  for (const k of order) found.set(k, Array.from({ length: lists.length }));
  lists.forEach((list, column) => list.forEach((item) => (found.get(key(item))![column] = item)));
  return found;
}

function mergeSections(columns: ReportSection[][]): ReportSection[] {
  return [...unionInOrder(columns, (s) => s.key)].map(([key, perColumn]) => {
    const first = perColumn.find(Boolean)!;
    const lines = [...unionInOrder(perColumn.map((s) => s?.lines ?? []), lineKey)].map(([, ls]) => {
      const line = ls.find(Boolean)!;
      return { ...line, amounts: columns.map((_, i) => at(ls[i]?.amounts)) };
    });
    return {
      key,
      title: first.title,
      lines,
      sections: mergeSections(perColumn.map((s) => s?.sections ?? [])),
      total: columns.map((_, i) => at(perColumn[i]?.total)),
    };
  });
}

/** Array-valued figures (totalIncome, netProfit, totalEquity, …): one value per column. */
function mergeFigures<R extends FinancialReport>(columns: R[]): Partial<R> {
  const figures: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(columns.at(-1)!)) {
    if (FIGURE_SKIP.has(name) || !Array.isArray(value)) continue;
    figures[name] = columns.map((c) => at((c as unknown as Record<string, string[]>)[name]));
  }
  return figures as Partial<R>;
}

/**
 * Every check of the Total column, per column. An option column runs the section-total checks, and on a
 * P&L all of its own; a balance sheet's option column holds only the postings tagged with the option (the
 * profit that makes its share of equity, and tracked balance-sheet lines), so assets − liabilities = equity
 * is made on the Total column, as are the books checks (cash receipts, journal totals), which are about
 * the whole books. A check made on the Total column only says so and shows 0.00 in the other columns.
 */
function mergeChecks(columns: TrackingColumn<FinancialReport>[], own: (name: string) => boolean): ReportCheck[] {
  const total = columns.at(-1)!.report;
  return total.checks.map((check) => {
    const parts = columns.map((c, i) => {
      if (i === columns.length - 1) return check;
      return own(check.name) ? c.report.checks.find((x) => x.name === check.name) : undefined;
    });
    const difference = parts.map((p) => at(p?.difference));
    const failing = parts.flatMap((p, i) => (p && !p.passed ? [`'${columns[i]!.option?.name ?? TOTAL}': ${p.message}`] : []));
    const passed = failing.length === 0;
    const scope = parts.slice(0, -1).some((p) => !p) ? " (checked on the Total column)" : "";
    return { name: check.name, passed, difference, message: passed ? `${check.message}${scope}` : failing.join(" ") };
  });
}

/** Option columns (and Unassigned) add up to the Total column: every line, section total and figure. */
export function trackingSumCheck(report: FinancialReport): ReportCheck {
  const n = report.periods.length;
  const off: string[] = [];
  let gap = new Decimal(0);
  const compare = (what: string, amounts: readonly string[]) => {
    const sum = amounts.slice(0, n - 1).reduce((s, a) => s.plus(a), new Decimal(0));
    const d = sum.minus(amounts[n - 1] ?? 0);
    if (!d.isZero()) {
      gap = gap.plus(d.abs());
      off.push(`${what} by ${d.toFixed(2)}`);
    }
  };
  const walk = (sections: ReportSection[]) => sections.forEach((s) => {
    s.lines.forEach((l) => compare(`'${l.name}' in ${s.key}`, l.amounts));
    compare(`${s.key} total`, s.total);
    walk(s.sections);
  });
  walk(report.sections);
  for (const [name, value] of Object.entries(report)) {
    if (!FIGURE_SKIP.has(name) && Array.isArray(value)) compare(name, value as string[]);
  }
  const passed = off.length === 0;
  return {
    name: "TRACKING_COLUMNS_SUM_TO_TOTAL",
    passed,
    difference: report.periods.map((_, i) => (i === n - 1 ? gap.toFixed(2) : "0.00")),
    message: passed
      ? "The option columns and Unassigned add up to the Total column: every line, section total and figure."
      : `The option columns and Unassigned do not add up to the Total column: ${off.slice(0, 5).join("; ")}.`,
  };
}

/** Single-column reports (options, Unassigned, Total last) → one report with a column each, its checks and the sum check. */
export function mergeTrackingColumns<R extends FinancialReport>(columns: TrackingColumn<R>[], kind: "PROFIT_AND_LOSS" | "BALANCE_SHEET"): R {
  const total = columns.at(-1)!.report;
  const own = (name: string) => kind === "PROFIT_AND_LOSS" || name.startsWith("SECTION_TOTAL:");
  const merged: R = {
    ...total,
    ...mergeFigures(columns.map((c) => c.report)),
    periods: columns.map((c) => trackingPeriod(c.report.periods[0]!, c.option)),
    sections: mergeSections(columns.map((c) => c.report.sections)),
  };
  merged.checks = [...mergeChecks(columns, own), trackingSumCheck(merged)];
  merged.balanced = merged.checks.every((c) => c.passed);
  return merged;
}


/** Every amounts array of a merged report: lines, section totals, figures. */
function amountArrays(report: FinancialReport): string[][] {
  const arrays: string[][] = [];
  const walk = (sections: ReportSection[]) => sections.forEach((s) => {
    s.lines.forEach((l) => arrays.push(l.amounts));
    arrays.push(s.total);
    walk(s.sections);
  });
  walk(report.sections);
  for (const [name, value] of Object.entries(report)) if (!FIGURE_SKIP.has(name) && Array.isArray(value)) arrays.push(value as string[]);
  return arrays;
}

/**
 * For a provider that reports one option at a time but not "no option" (Xero's balance sheet takes
 * trackingOptionID1 only): option columns and the Total, with Unassigned made as Total minus the options.
 */
export function mergeWithDerivedUnassigned<R extends FinancialReport>(columns: TrackingColumn<R>[], kind: "PROFIT_AND_LOSS" | "BALANCE_SHEET"): R {
  const total = columns.at(-1)!.report;
  const blank = { ...total, sections: [], checks: [] } as R;
  for (const [name, value] of Object.entries(blank)) if (!FIGURE_SKIP.has(name) && Array.isArray(value)) (blank as Record<string, unknown>)[name] = [];
  const all = [...columns.slice(0, -1), { option: { id: null, name: UNASSIGNED }, report: blank }, columns.at(-1)!];
  const merged = mergeTrackingColumns(all, kind);
  const u = all.length - 2;
  for (const amounts of amountArrays(merged)) {
    const options = amounts.slice(0, u).reduce((sum, a) => sum.plus(a), new Decimal(0));
    const rest = new Decimal(amounts.at(-1)!).minus(options);
    amounts[u] = rest.isZero() ? "0.00" : rest.toFixed(2);
  }
  merged.checks = [...merged.checks.slice(0, -1), trackingSumCheck(merged)];
  merged.balanced = merged.checks.every((c) => c.passed);
  return merged;
}

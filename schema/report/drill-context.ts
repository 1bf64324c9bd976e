import type { ReportName } from "../../src/connector/capabilities.js";
import type { ReadSource } from "../../src/mirror/read/read-source.js";
import type { ReportBasis } from "./report-enums.js";
import type { ReportLine, ReportPeriod, ReportSection } from "./report.type.js";

/** What a report line's `postings` needs to know: which ledger, which columns, which account. Never a GraphQL field. */
export interface DrillContext {
  organizationId: string;
  report: ReportName;
  basis: ReportBasis;
  /** The source the report was asked from: its postings are read from the same one. */
  source: ReadSource;
  /** The report's last day. */
  toDate: string;
  /**
   * Per column: the postings it covers, fromDate..toDate inclusive (fromDate null: since the books began).
   * `trackingOption`: the column is one tracking option's (or Unassigned) — its postings are not told apart yet.
   */
  columns: Array<{ fromDate: string | null; toDate: string; trackingOption?: string }>;
  /** The line's account; null for computed lines (Current Year Earnings, Retained Earnings without an account). */
  accountRemoteId: string | null;
}

/**
 * Kept under a symbol: no GraphQL field and no JSON sees it, and it survives type-graphql copying
 * `@Root()` into a ReportLine instance (`Object.assign` copies enumerable symbol properties, which a
 * WeakMap keyed by the object would not).
 */
const DRILL = Symbol("drillContext");

export const drillContextOf = (line: object): DrillContext | undefined => (line as { [DRILL]?: DrillContext })[DRILL];

/** Attaches a drill context to a copy of one line (never to a shared, possibly cached, object). */
export function drillLine<L extends { accountRemoteId?: string | null }>(line: L, base: Omit<DrillContext, "accountRemoteId">): L {
  return { ...line, [DRILL]: { ...base, accountRemoteId: line.accountRemoteId ?? null } };
}

/** Columns of a period report (each its own fromDate..toDate) or of a balance report (everything up to toDate). */
export function drillColumns(periods: readonly ReportPeriod[], balances: boolean): DrillContext["columns"] {
  return periods.map((p) => ({
    fromDate: balances ? null : p.fromDate,
    toDate: p.toDate,
    ...(p.trackingOption ? { trackingOption: p.trackingOption.name } : {}),
  }));
}

/** The report's last day: the latest column's toDate. */
export const lastDay = (periods: readonly ReportPeriod[], fallback: string) => periods.reduce((max, p) => (p.toDate > max ? p.toDate : max), fallback);

/** The report with its sections and lines copied, every line (at any depth) carrying its drill context. */
export function withDrillContexts<R extends { sections: ReportSection[] }>(report: R, base: Omit<DrillContext, "accountRemoteId">): R {
  const copySection = (s: ReportSection): ReportSection => ({
    ...s,
    lines: s.lines.map((l: ReportLine) => drillLine(l, base)),
    sections: s.sections.map(copySection),
  });
  return { ...report, sections: report.sections.map(copySection) };
}

/**
 * A trial balance's lines with their drill contexts. Column 0 is the month to `date`; column 1 the
 * year to `date` for income and expense accounts, since the books began for the others (as the
 * ytd figures are made).
 */
export function withTrialBalanceDrill<R extends { lines: Array<{ accountRemoteId?: string | null; class: string }>; periods: ReportPeriod[] }>(
  report: R,
  base: Omit<DrillContext, "accountRemoteId" | "columns">,
): R {
  const [month, year] = report.periods;
  if (!month || !year) return report;
  const profitAndLoss = new Set(["REVENUE", "EXPENSE"]);
  const lines = report.lines.map((l) => {
    const ytd = profitAndLoss.has(l.class) ? { fromDate: year.fromDate, toDate: year.toDate } : { fromDate: null, toDate: year.toDate };
    return drillLine(l, { ...base, columns: [{ fromDate: month.fromDate, toDate: month.toDate }, ytd] });
  });
  return { ...report, lines };
}

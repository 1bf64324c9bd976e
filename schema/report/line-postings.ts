import { Decimal } from "decimal.js";
import { serveReport } from "../../src/mirror/reports/serve-report.js";
import type { DrillPosting, LedgerPostings } from "../../src/reports/drill/drill-postings.js";
import type { DrillContext } from "./drill-context.js";
import type { ReportContext } from "./served-answer.js";

/** One line's postings in one column, newest first, and the line's direction. */
export interface LinePostings {
  postings: DrillPosting[];
  sign: 1 | -1;
}

/** Per request: each ledger read once, each (ledger, column, account) filtered once, however many lines and pages ask. */
const MEMO = new WeakMap<object, Map<string, Promise<unknown>>>();

function memo<T>(ctx: object, key: string, make: () => Promise<T>): Promise<T> {
  let held = MEMO.get(ctx);
  if (!held) MEMO.set(ctx, (held = new Map()));
  let value = held.get(key) as Promise<T> | undefined;
  if (!value) {
    value = make();
    held.set(key, value);
    value.catch(() => held!.delete(key));
  }
  return value;
}

const newestFirst = (a: { p: DrillPosting; i: number }, b: { p: DrillPosting; i: number }) => (a.p.date < b.p.date ? 1 : a.p.date > b.p.date ? -1 : a.i - b.i);

/** A ledger's postings grouped by account (in the ledger's order), and each account's direction. */
interface AccountIndex {
  byAccount: Map<string, DrillPosting[]>;
  signs: LedgerPostings["signs"];
}

/**
 * Every posting of the ledger the report is made from, served like the report (`serveReport`): from
 * the mirror's books when the report would be, else live; a ledger made upstream (Xero's journals,
 * Daftra's) is kept in the report cache until the organization's books change, so paging through a
 * line's postings does not read the provider's whole journal again. Grouped by account once per request.
 */
function ledgerOf(ctx: ReportContext, drill: DrillContext): Promise<AccountIndex> {
  const key = JSON.stringify(["ledger", drill.organizationId, drill.report, drill.basis, drill.source, drill.toDate]);
  return memo(ctx, key, async () => {
    const adapter = await ctx.organizations.adapter(drill.organizationId);
    // A journal made upstream (Xero's, Daftra's) is read from the report cache while it is current, even
    // for a LIVE report: LIVE asks for a fresh report, not for a crawl of the whole journal per request.
    const upstream = (adapter.reportInputs?.(drill.report, drill.basis) ?? { kind: "UPSTREAM" }).kind === "UPSTREAM";
    const source = upstream && drill.source === "LIVE" ? "AUTO" : drill.source;
    const served = await serveReport({
      mirror: ctx.mirror,
      adapter,
      organizationId: drill.organizationId,
      report: drill.report,
      // The cache key: one ledger per organization, report and basis (the journal does not depend on the dates).
      params: { basis: drill.basis, postings: true },
      source,
      run: ({ books }) => adapter.reportPostings!({ report: drill.report, basis: drill.basis, toDate: drill.toDate, books }),
    });
    const byAccount = new Map<string, DrillPosting[]>();
    for (const p of served.report.postings) (byAccount.get(p.accountRemoteId) ?? byAccount.set(p.accountRemoteId, []).get(p.accountRemoteId)!).push(p);
    return { byAccount, signs: served.report.signs };
  });
}

/** The line's postings in column `period`: on its account, dated in the column, newest first (ties: as the ledger lists them). */
export function linePostings(ctx: ReportContext, drill: DrillContext & { accountRemoteId: string }, period: number): Promise<LinePostings> {
  const column = drill.columns[period]!;
  const key = JSON.stringify(["line", drill.organizationId, drill.report, drill.basis, drill.source, drill.toDate, column, drill.accountRemoteId]);
  return memo(ctx, key, async () => {
    const ledger = await ledgerOf(ctx, drill);
    const postings = (ledger.byAccount.get(drill.accountRemoteId) ?? [])
      .map((p, i) => ({ p, i }))
      .filter(({ p }) => p.date <= column.toDate && (column.fromDate === null || p.date >= column.fromDate))
      .sort(newestFirst)
      .map(({ p }) => p);
    return { postings, sign: ledger.signs[drill.accountRemoteId] ?? 1 };
  });
}

/** A posting's amount as money text: at least 2 places (more only when the ledger holds more), never "-0.00". */
export function money(amount: Decimal.Value, sign: 1 | -1 = 1): string {
  const value = new Decimal(amount).times(sign);
  return value.isZero() ? "0.00" : value.toFixed(Math.max(2, value.decimalPlaces()));
}

import { MAX_PAGE_SIZE } from "../common/connection.args.js";

/**
 * One upstream call is priced like a full page of a list: it brings back up to `MAX_PAGE_SIZE`
 * records, and a list page costs its page size times what each record selects.
 */
export const UPSTREAM_CALL_COST = MAX_PAGE_SIZE;

/**
 * Upstream calls one report may make. Daftra and Clientary have no report endpoints, so the
 * gateway reads whole ledgers (invoices, bills, payments, expenses, or the journals: every page of
 * each) and computes the report; on the sandboxes' small books that is already 4 to 10 calls, and a
 * real organization's ledgers run to more pages. A Xero report is one call per period set, plus the
 * organization and its chart of accounts. The organization is not known while the operation is
 * priced, so every report pays for the computed kind.
 */
export const REPORT_UPSTREAM_CALLS = 10;

/**
 * Cost of `balanceSheet` / `profitAndLoss`: the upstream calls it may make, plus what it selects
 * (2,000 + children: four reports fit under the default limit of 10,000, five do not).
 */
export const reportComplexity = ({ childComplexity }: { childComplexity: number }) => REPORT_UPSTREAM_CALLS * UPSTREAM_CALL_COST + childComplexity;

import type { BalanceSheet } from "../../../schema/report/report.type.js";
import type { TrackingCategory } from "../../../schema/tracking-category/tracking-category.type.js";
import { badUserInput } from "../../../src/errors/index.js";
import { mergeWithDerivedUnassigned, PROJECTS_CATEGORY } from "../../../src/reports/tracking-columns.js";

/** The organisation's tracking category with this TrackingCategoryID, or BAD_USER_INPUT naming the field. */
export function findTrackingCategory(categories: readonly TrackingCategory[], remoteId: string): TrackingCategory {
  if (remoteId === PROJECTS_CATEGORY) {
    throw badUserInput([{ field: "byProject", message: "is for Clientary; a Xero organization breaks reports down by a tracking category: pass trackingCategoryId." }]);
  }
  const found = categories.find((c) => c.remoteId.toLowerCase() === remoteId.toLowerCase());
  if (!found) {
    const known = categories.map((c) => `'${c.name}'`).join(", ") || "none";
    throw badUserInput([{ field: "trackingCategoryId", message: `is not one of this organization's tracking categories (${known}); use the \`id\` of one from trackingCategories.` }]);
  }
  return found;
}

/** A balance sheet by option is one Xero call per option plus one: at most this many options, within the price of one report (10 calls). */
export const MAX_BALANCE_SHEET_OPTIONS = 9;

/** The options a breakdown shows, in Xero's order: every option not deleted. */
export const breakdownOptions = (category: TrackingCategory) => category.options.filter((o) => o.status !== "DELETED");

/**
 * Xero's balance sheet filters by one option at a time (`trackingOptionID1`): one call per option and
 * one without, merged into option columns, Unassigned (Total minus the options) and Total.
 */
export async function balanceSheetByTracking(category: TrackingCategory, fetch: (optionId?: string) => Promise<BalanceSheet>): Promise<BalanceSheet> {
  const options = breakdownOptions(category);
  if (options.length > MAX_BALANCE_SHEET_OPTIONS) {
    throw badUserInput([{
      field: "trackingCategoryId",
      message: `'${category.name}' has ${options.length} options; a balance sheet by tracking option costs one Xero call per option, so at most ${MAX_BALANCE_SHEET_OPTIONS} are answered (the price of one report). Ask the P&L by this category (one call), or fewer options.`,
    }]);
  }
  const reports = await Promise.all([...options.map((o) => fetch(o.remoteId)), fetch()]);
  const columns = reports.map((report, i) => ({ option: i < options.length ? { id: options[i]!.remoteId, name: options[i]!.name } : null, report }));
  return mergeWithDerivedUnassigned(columns, "BALANCE_SHEET");
}

/**
 * Tracking parameters of GET /Reports/ProfitAndLoss (trackingCategoryID, trackingOptionID,
 * trackingOptionID2) and GET /Reports/BalanceSheet (trackingOptionID1, trackingOptionID2), read
 * against the organisation's tracking categories; an id it does not hold is a 400.
 * https://developer.xero.com/documentation/api/accounting/reports
 */
import type { ProfitAndLossTracking } from "../books/reports/profit-and-loss.js";
import type { XeroBooks } from "../books/types.js";
import { queryParam, type RequestContext } from "../http/context.js";
import { queryError } from "../http/errors.js";

const given = (ctx: RequestContext, name: string) => {
  const value = queryParam(ctx, name)?.trim();
  return value ? value.toLowerCase() : undefined;
};

function knownOption(books: XeroBooks, name: string, id: string): string {
  const found = books.trackingCategories.flatMap((c) => c.Options).find((o) => o.TrackingOptionID.toLowerCase() === id);
  if (!found) throw queryError(`${name} '${id}' is not a tracking option of this organisation`);
  return found.TrackingOptionID;
}

export function profitAndLossTracking(books: XeroBooks, ctx: RequestContext): ProfitAndLossTracking | undefined {
  const categoryId = given(ctx, "trackingCategoryID");
  const optionId = given(ctx, "trackingOptionID");
  const option2Id = given(ctx, "trackingOptionID2");
  if (!categoryId && !optionId && !option2Id) return undefined;
  const option = optionId ? knownOption(books, "trackingOptionID", optionId) : undefined;
  const category = categoryId
    ? books.trackingCategories.find((c) => c.TrackingCategoryID.toLowerCase() === categoryId)
    : books.trackingCategories.find((c) => c.Options.some((o) => o.TrackingOptionID === option));
  if (categoryId && !category) throw queryError(`trackingCategoryID '${categoryId}' is not a tracking category of this organisation`);
  if (option && !category!.Options.some((o) => o.TrackingOptionID === option)) {
    throw queryError(`trackingOptionID '${optionId}' is not an option of tracking category '${category!.Name}'`);
  }
  return { category, option, option2: option2Id ? knownOption(books, "trackingOptionID2", option2Id) : undefined };
}

export function balanceSheetTrackingOptions(books: XeroBooks, ctx: RequestContext): string[] | undefined {
  const ids = (["trackingOptionID1", "trackingOptionID2"] as const).flatMap((name) => {
    const id = given(ctx, name);
    return id ? [knownOption(books, name, id)] : [];
  });
  return ids.length ? ids : undefined;
}

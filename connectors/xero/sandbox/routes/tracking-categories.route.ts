/**
 * GET /TrackingCategories (where, order, includeArchived) and GET /TrackingCategories/{id}.
 * Archived categories and options are hidden unless includeArchived=true; deleted ones never show.
 * https://developer.xero.com/documentation/api/accounting/trackingcategories
 */
import { queryBoolean } from "../http/context.js";
import type { Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import { readRoutes } from "./read-routes.js";

export function trackingCategoriesRoutes(runtime: SandboxRuntime): Route[] {
  return readRoutes(runtime, {
    plural: "TrackingCategories",
    type: "TrackingCategory",
    idField: "TrackingCategoryID",
    records: (books) => books.trackingCategories.filter((c) => c.Status !== "DELETED"),
    scopes: ["accounting.settings"],
    updatedField: false,
    defaultOrder: "Name ASC",
    archived: { field: "Status", value: "ARCHIVED" },
    shape: (category, ctx) => {
      const visible = queryBoolean(ctx, "includeArchived") ? ["ACTIVE", "ARCHIVED"] : ["ACTIVE"];
      return { ...category, Options: category.Options.filter((o) => visible.includes(o.Status)) };
    },
  });
}

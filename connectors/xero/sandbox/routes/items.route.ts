/**
 * GET /Items (where, order) and GET /Items/{ItemID or Code}.
 * https://developer.xero.com/documentation/api/accounting/items
 */
import type { XeroItem } from "../books/types.js";
import type { Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import { readRoutes } from "./read-routes.js";
import type { ResourceSpec } from "./resource-spec.js";

export const ITEMS: ResourceSpec<XeroItem> = {
  plural: "Items",
  type: "Item",
  idField: "ItemID",
  altKeys: ["Code"],
  records: (books) => books.items,
  scopes: ["accounting.settings", "accounting.invoices"],
};

export function itemsRoutes(runtime: SandboxRuntime): Route[] {
  return readRoutes(runtime, ITEMS);
}

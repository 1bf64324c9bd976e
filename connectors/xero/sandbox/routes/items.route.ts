/**
 * GET /Items (where, order), GET /Items/{ItemID or Code}, PUT /Items (create; a taken Code is
 * refused) and POST /Items, POST /Items/{id} (create or update, matched by ItemID or Code).
 * https://developer.xero.com/documentation/api/accounting/items
 */
import type { XeroItem } from "../books/types.js";
import { writeItems } from "../books/writes/index.js";
import type { Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import { readRoutes } from "./read-routes.js";
import type { ResourceSpec } from "./resource-spec.js";
import { writeRoutes } from "./write-routes.js";

export const ITEMS: ResourceSpec<XeroItem> = {
  plural: "Items",
  type: "Item",
  idField: "ItemID",
  altKeys: ["Code"],
  records: (books) => books.items,
  scopes: ["accounting.settings", "accounting.invoices"],
};

export function itemsRoutes(runtime: SandboxRuntime): Route[] {
  return [...readRoutes(runtime, ITEMS), ...writeRoutes(runtime, { read: ITEMS, write: writeItems })];
}

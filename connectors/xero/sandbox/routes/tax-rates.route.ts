/**
 * GET /TaxRates (where, order) and GET /TaxRates/{TaxType}.
 * https://developer.xero.com/documentation/api/accounting/taxrates
 */
import type { Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import { readRoutes } from "./read-routes.js";

export function taxRatesRoutes(runtime: SandboxRuntime): Route[] {
  return readRoutes(runtime, {
    plural: "TaxRates",
    type: "TaxRate",
    idField: "TaxType",
    records: (books) => books.taxRates,
    scopes: ["accounting.settings"],
    updatedField: false,
    defaultOrder: "Name ASC",
  });
}

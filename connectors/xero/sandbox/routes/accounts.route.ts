/**
 * GET /Accounts (where, order) and GET /Accounts/{AccountID}.
 * https://developer.xero.com/documentation/api/accounting/accounts
 */
import type { Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import { readRoutes } from "./read-routes.js";

export function accountsRoutes(runtime: SandboxRuntime): Route[] {
  return readRoutes(runtime, {
    plural: "Accounts",
    type: "Account",
    idField: "AccountID",
    records: (books) => books.accounts,
    scopes: ["accounting.settings"],
  });
}

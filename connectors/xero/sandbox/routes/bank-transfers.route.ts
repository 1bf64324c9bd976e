/**
 * GET /BankTransfers (where, order), GET /BankTransfers/{id} and PUT /BankTransfers. Transfers have no
 * UpdatedDateUTC; If-Modified-Since and the default order use CreatedDateUTC.
 * https://developer.xero.com/documentation/api/accounting/banktransfers
 */
import type { XeroBankTransfer } from "../books/types.js";
import { writeBankTransfers } from "../books/writes/index.js";
import type { Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import { readRoutes } from "./read-routes.js";
import type { ResourceSpec } from "./resource-spec.js";
import { writeRoutes } from "./write-routes.js";

export const BANK_TRANSFERS: ResourceSpec<XeroBankTransfer> = {
  plural: "BankTransfers",
  type: "BankTransfer",
  idField: "BankTransferID",
  records: (books) => books.bankTransfers,
  scopes: ["accounting.transactions", "accounting.banktransactions"],
  updatedField: "CreatedDateUTC",
};

export function bankTransfersRoutes(runtime: SandboxRuntime): Route[] {
  return [...readRoutes(runtime, BANK_TRANSFERS), ...writeRoutes(runtime, { read: BANK_TRANSFERS, write: writeBankTransfers }, true)];
}

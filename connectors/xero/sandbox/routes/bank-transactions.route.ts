/**
 * GET /BankTransactions (where, order, page, pageSize), GET /BankTransactions/{id}, and
 * PUT/POST /BankTransactions and POST /BankTransactions/{id} (spend and receive money).
 * https://developer.xero.com/documentation/api/accounting/banktransactions
 */
import type { XeroBankTransaction } from "../books/types.js";
import { writeBankTransactions } from "../books/writes/index.js";
import type { Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import { readRoutes } from "./read-routes.js";
import type { ResourceSpec } from "./resource-spec.js";
import { writeRoutes } from "./write-routes.js";

export const BANK_TRANSACTIONS: ResourceSpec<XeroBankTransaction> = {
  plural: "BankTransactions",
  type: "BankTransaction",
  idField: "BankTransactionID",
  records: (books) => books.bankTransactions,
  scopes: ["accounting.transactions", "accounting.banktransactions"],
  paging: "pagination",
};

export function bankTransactionsRoutes(runtime: SandboxRuntime): Route[] {
  return [...readRoutes(runtime, BANK_TRANSACTIONS), ...writeRoutes(runtime, { read: BANK_TRANSACTIONS, write: writeBankTransactions })];
}

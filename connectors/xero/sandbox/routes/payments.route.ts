/**
 * Payments: GET list (where, order, page, pageSize), GET by id, PUT `{"Payments":[…]}`,
 * POST a bare Payment, and delete by POST /Payments/{id} `{"Status":"DELETED"}`.
 * https://developer.xero.com/documentation/api/accounting/payments
 */
import type { XeroPayment } from "../books/types.js";
import { writePayments } from "../books/writes/index.js";
import type { Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import { readRoutes } from "./read-routes.js";
import type { ResourceSpec } from "./resource-spec.js";
import { writeRoutes } from "./write-routes.js";

export const PAYMENTS: ResourceSpec<XeroPayment> = {
  plural: "Payments",
  type: "Payment",
  idField: "PaymentID",
  records: (books) => books.payments,
  scopes: ["accounting.transactions", "accounting.payments"],
  paging: "pagination",
};

export function paymentsRoutes(runtime: SandboxRuntime): Route[] {
  return [...readRoutes(runtime, PAYMENTS), ...writeRoutes(runtime, { read: PAYMENTS, write: writePayments, errorFlag: "HasValidationErrors" })];
}

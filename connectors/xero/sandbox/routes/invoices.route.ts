/**
 * Invoices (sales ACCREC and bills ACCPAY): GET list (where, order, IDs, InvoiceNumbers,
 * ContactIDs, Statuses, page, pageSize, summaryOnly, searchTerm; without `page` no LineItems),
 * GET by InvoiceID or InvoiceNumber, PUT (create) / POST (create-or-update) / POST /{id}.
 * https://developer.xero.com/documentation/api/accounting/invoices
 */
import type { XeroInvoice } from "../books/types.js";
import { writeInvoices } from "../books/writes/index.js";
import type { Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import { readRoutes } from "./read-routes.js";
import type { ResourceSpec } from "./resource-spec.js";
import { writeRoutes } from "./write-routes.js";

export const INVOICES: ResourceSpec<XeroInvoice> = {
  plural: "Invoices",
  type: "Invoice",
  idField: "InvoiceID",
  altKeys: ["InvoiceNumber"],
  records: (books) => books.invoices,
  scopes: ["accounting.transactions", "accounting.invoices"],
  paging: "pagination",
  batch: { IDs: "InvoiceID", InvoiceNumbers: "InvoiceNumber", ContactIDs: "Contact.ContactID", Statuses: "Status" },
  searchFields: ["InvoiceNumber", "Reference"],
  summaryWithoutPage: ["LineItems"],
  summaryOnlyDrops: ["LineItems", "Payments", "CreditNotes", "Prepayments", "Overpayments", "Attachments", "InvoiceAddresses"],
};

export function invoicesRoutes(runtime: SandboxRuntime): Route[] {
  return [...readRoutes(runtime, INVOICES), ...writeRoutes(runtime, { read: INVOICES, write: writeInvoices, errorFlag: "HasErrors" })];
}

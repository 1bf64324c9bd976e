/**
 * GET /CreditNotes (where, order, page, pageSize) and GET /CreditNotes/{id or number}.
 * https://developer.xero.com/documentation/api/accounting/creditnotes
 */
import type { XeroCreditNote } from "../books/types.js";
import type { Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import { readRoutes } from "./read-routes.js";
import type { ResourceSpec } from "./resource-spec.js";

export const CREDIT_NOTES: ResourceSpec<XeroCreditNote> = {
  plural: "CreditNotes",
  type: "CreditNote",
  idField: "CreditNoteID",
  altKeys: ["CreditNoteNumber"],
  records: (books) => books.creditNotes,
  scopes: ["accounting.transactions", "accounting.invoices"],
  paging: "pagination",
};

export function creditNotesRoutes(runtime: SandboxRuntime): Route[] {
  return readRoutes(runtime, CREDIT_NOTES);
}

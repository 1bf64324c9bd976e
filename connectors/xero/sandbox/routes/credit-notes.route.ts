/**
 * GET /CreditNotes (where, order, page, pageSize), GET /CreditNotes/{id or number},
 * PUT/POST /CreditNotes and POST /CreditNotes/{id} by Xero's rules, and
 * PUT /CreditNotes/{id}/Allocations to apply credit to invoices and bills.
 * https://developer.xero.com/documentation/api/accounting/creditnotes
 */
import type { XeroCreditNote } from "../books/types.js";
import { writeAllocations, writeCreditNotes, type AllocationRecord } from "../books/writes/index.js";
import { requireScope } from "../identity/bearer.js";
import { parseJsonBody } from "../http/body.js";
import { notFound, postDataInvalid } from "../http/errors.js";
import { route, type Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import { API_BASE, findRecord, readRoutes } from "./read-routes.js";
import type { ResourceSpec } from "./resource-spec.js";
import { applyWrite, requestElements, writeRoutes, type WriteRule } from "./write-routes.js";

export const CREDIT_NOTES: ResourceSpec<XeroCreditNote> = {
  plural: "CreditNotes",
  type: "CreditNote",
  idField: "CreditNoteID",
  altKeys: ["CreditNoteNumber"],
  records: (books) => books.creditNotes,
  scopes: ["accounting.transactions", "accounting.invoices"],
  paging: "pagination",
};

/** Allocations are answered in their own envelope; they are read through their credit note. */
const ALLOCATIONS: ResourceSpec<AllocationRecord> = {
  plural: "Allocations",
  type: "Allocation",
  idField: "AllocationID",
  records: () => [],
  scopes: CREDIT_NOTES.scopes,
};

function allocationsRoute(runtime: SandboxRuntime): Route {
  return route("PUT", `${API_BASE}/CreditNotes/:key/Allocations`, (ctx) => {
    requireScope(ctx.grant!, CREDIT_NOTES.scopes, "write");
    const note = findRecord(CREDIT_NOTES, runtime, ctx.params.key!);
    if (!note) return notFound();
    const elements = requestElements(parseJsonBody(ctx.rawBody), "Allocations");
    if (elements.length === 0) throw postDataInvalid("The request contains no Allocations");
    const write: WriteRule<AllocationRecord> = (books, els, opts) => writeAllocations(books, note, els, opts);
    return applyWrite(runtime, { read: ALLOCATIONS, write }, ctx, elements, "create");
  });
}

export function creditNotesRoutes(runtime: SandboxRuntime): Route[] {
  return [
    ...readRoutes(runtime, CREDIT_NOTES),
    ...writeRoutes(runtime, { read: CREDIT_NOTES, write: writeCreditNotes, errorFlag: "HasErrors" }),
    allocationsRoute(runtime),
  ];
}

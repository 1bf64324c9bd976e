import type { Invoice } from "../../../schema/invoice/invoice.type.js";
import type { InvoiceInput } from "../../../src/connector/inputs.js";
import type { InvoiceChanges, Removal, WriteResult } from "../../../src/connector/writes.js";
import { invoiceSchema, type ClientaryItem } from "../client/schemas/documents.js";
import { toClientaryInvoice, toClientaryInvoiceChanges, toUnifiedInvoice } from "../mapping/to-invoice.js";
import { clientaryId, documentDefaults, sendWrite, type WriteContext } from "./write-context.js";

const SECTION_HEADER = 0;

/** The ids of a document's regular lines (section headers are not unified lines, so an update keeps them). */
export const regularLineIds = (items: readonly ClientaryItem[] | null | undefined) =>
  (items ?? []).filter((item) => Number(item.item_type ?? 3) !== SECTION_HEADER && item.id).map((item) => item.id!);

/** https://www.clientary.com/api/invoices (POST /invoices) */
export function createInvoice(w: WriteContext, input: InvoiceInput): Promise<WriteResult<Invoice>> {
  const body = toClientaryInvoice(input, documentDefaults(w));
  return sendWrite(w, { method: "POST", path: "invoices", body, schema: invoiceSchema }, (created) => toUnifiedInvoice(created, w.ctx));
}

/**
 * PUT /invoices/:id with only what changes. Lines given replace the invoice's, so the current
 * lines are read first to `_destroy` the ones left out. Clientary's rules on sent and paid invoices
 * come back as PROVIDER_VALIDATION with its messages. https://www.clientary.com/api/invoices
 */
export async function updateInvoice(w: WriteContext, remoteId: string, changes: InvoiceChanges): Promise<WriteResult<Invoice>> {
  const id = clientaryId("Invoice", remoteId);
  const current = changes.lines || changes.lineAmountType ? await w.services.api.get(`invoices/${id}`, invoiceSchema) : undefined;
  const body = toClientaryInvoiceChanges(changes, regularLineIds(current?.invoice_items));
  return sendWrite(w, { method: "PUT", path: `invoices/${id}`, body, schema: invoiceSchema }, (updated) => toUnifiedInvoice(updated, w.ctx));
}

/** Clientary deletes invoices outright (it refuses one with payments). https://www.clientary.com/api/invoices (DELETE) */
export function removeInvoice(w: WriteContext, remoteId: string): Promise<WriteResult<Removal>> {
  const id = clientaryId("Invoice", remoteId);
  return sendWrite(w, { method: "DELETE", path: `invoices/${id}` }, () => ({ outcome: "DELETED" as const }));
}

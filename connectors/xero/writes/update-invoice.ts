import type { InvoiceChanges, WriteOptions, WriteResult } from "../../../src/connector/writes.js";
import type { Invoice as XeroInvoice } from "xero-node";
import type { Invoice } from "../../../schema/invoice/invoice.type.js";
import { ErrorCode, GatewayError } from "../../../src/errors/index.js";
import type { XeroApi } from "../client/xero-api.js";
import type { MappingContext } from "../mapping/common.js";
import { toUnifiedInvoice } from "../mapping/to-invoice.js";
import { toXeroLineItems } from "../mapping/to-line-items.js";
import { toXeroInvoiceStatus, toXeroLineAmountTypes } from "../mapping/statuses.js";
import { toWireJson } from "../mapping/wire-json.js";
import { UNIT_DP, withUnitDp } from "./unit-dp.js";

/** Only what changes goes on the wire; lines, when given, replace the document's lines (Xero's rule). */
function changesToXero(changes: InvoiceChanges): XeroInvoice {
  const invoice: XeroInvoice = {};
  if (changes.status) invoice.status = toXeroInvoiceStatus(changes.status);
  if (changes.issueDate) invoice.date = changes.issueDate;
  if (changes.dueDate) invoice.dueDate = changes.dueDate;
  if (changes.reference !== undefined) invoice.reference = changes.reference ?? "";
  if (changes.number) invoice.invoiceNumber = changes.number;
  if (changes.lineAmountType) invoice.lineAmountTypes = toXeroLineAmountTypes(changes.lineAmountType);
  if (changes.lines) invoice.lineItems = toXeroLineItems(changes.lines);
  return invoice;
}

/**
 * Status moves follow Xero's rules (DRAFT → SUBMITTED → AUTHORISED; paid documents refuse line edits);
 * Xero's refusal comes back as PROVIDER_VALIDATION with its message.
 * https://developer.xero.com/documentation/api/accounting/invoices#post-invoices
 */
export async function updateInvoice(api: XeroApi, remoteId: string, changes: InvoiceChanges, options: WriteOptions, ctx: MappingContext): Promise<WriteResult<Invoice>> {
  const model = changesToXero(changes);
  if (options.dryRun) return { kind: "dryRun", request: { method: "POST", path: withUnitDp(`/api.xro/2.0/Invoices/${remoteId}`), body: { Invoices: [toWireJson(model, "Invoice")] } } };
  const body = await api.call({ what: "Invoice", id: remoteId }, (x, tenant) => x.updateInvoice(tenant, remoteId, { invoices: [model] }, UNIT_DP, options.idempotencyKey));
  const updated = body.invoices?.[0];
  if (!updated) throw new GatewayError(ErrorCode.PROVIDER_UNAVAILABLE, "Xero answered the update without the invoice. Read it to check.", { details: { provider: "XERO" } });
  return { kind: "done", record: toUnifiedInvoice(updated, ctx) };
}

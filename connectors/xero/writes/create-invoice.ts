import type { InvoiceInput } from "../../../src/connector/inputs.js";
import type { WriteOptions, WriteResult } from "../../../src/connector/writes.js";
import type { Invoice } from "../../../schema/invoice/invoice.type.js";
import { ErrorCode, GatewayError } from "../../../src/errors/index.js";
import type { XeroApi } from "../client/xero-api.js";
import type { MappingContext } from "../mapping/common.js";
import { toUnifiedInvoice, toXeroInvoice } from "../mapping/to-invoice.js";
import { toWireJson } from "../mapping/wire-json.js";
import { UNIT_DP, withUnitDp } from "./unit-dp.js";

/** Sales invoices (ACCREC) and bills (ACCPAY) are both Xero Invoices. https://developer.xero.com/documentation/api/accounting/invoices#put-invoices */
export async function createInvoice(api: XeroApi, input: InvoiceInput, options: WriteOptions, ctx: MappingContext): Promise<WriteResult<Invoice>> {
  const model = toXeroInvoice(input);
  if (options.dryRun) {
    return { kind: "dryRun", request: { method: "PUT", path: withUnitDp("/api.xro/2.0/Invoices?summarizeErrors=true"), body: { Invoices: [toWireJson(model, "Invoice")] } } };
  }
  const body = await api.call({ what: "Invoice" }, (x, tenant) => x.createInvoices(tenant, { invoices: [model] }, true, UNIT_DP, options.idempotencyKey));
  const created = body.invoices?.[0];
  if (!created) throw new GatewayError(ErrorCode.PROVIDER_UNAVAILABLE, "Xero answered the create without the invoice. List invoices to check before retrying.", { details: { provider: "XERO" } });
  return { kind: "done", record: toUnifiedInvoice(created, ctx) };
}

import type { WriteOptions, WriteResult } from "../../../src/connector/writes.js";
import type { XeroApi } from "../client/xero-api.js";

/** Xero emails approved sales invoices to the contact's address. https://developer.xero.com/documentation/api/accounting/invoices#emailing-an-invoice */
export async function emailInvoice(api: XeroApi, remoteId: string, options: WriteOptions): Promise<WriteResult<{ sent: true }>> {
  if (options.dryRun) return { kind: "dryRun", request: { method: "POST", path: `/api.xro/2.0/Invoices/${remoteId}/Email`, body: {} } };
  await api.call({ what: "Invoice", id: remoteId }, async (x, tenant) => ({ body: (await x.emailInvoice(tenant, remoteId, {}, options.idempotencyKey)).body }));
  return { kind: "done", record: { sent: true } };
}

import type { PaymentInput } from "../../../src/connector/inputs.js";
import type { Removal, WriteOptions, WriteResult } from "../../../src/connector/writes.js";
import type { Payment } from "../../../schema/payment/payment.type.js";
import { ErrorCode, GatewayError } from "../../../src/errors/index.js";
import type { XeroApi } from "../client/xero-api.js";
import type { MappingContext } from "../mapping/common.js";
import { toUnifiedPayment } from "../mapping/to-payment.js";
import { wireDecimal } from "../client/exact-decimals.js";

const missing = () => new GatewayError(ErrorCode.PROVIDER_UNAVAILABLE, "Xero answered without the payment. List payments to check before retrying.", { details: { provider: "XERO" } });

/** https://developer.xero.com/documentation/api/accounting/payments#put-payments */
export async function createPayment(api: XeroApi, input: PaymentInput, options: WriteOptions, ctx: MappingContext): Promise<WriteResult<Payment>> {
  const payment = { invoice: { invoiceID: input.documentRemoteId }, account: { code: input.accountCode }, date: input.date, amount: wireDecimal(input.amount), reference: input.reference ?? undefined };
  if (options.dryRun) {
    const body = { Payments: [{ Invoice: { InvoiceID: input.documentRemoteId }, Account: { Code: input.accountCode }, Date: input.date, Amount: input.amount, ...(input.reference ? { Reference: input.reference } : {}) }] };
    return { kind: "dryRun", request: { method: "PUT", path: "/api.xro/2.0/Payments?summarizeErrors=true", body } };
  }
  const body = await api.call({ what: "Payment" }, (x, tenant) => x.createPayments(tenant, { payments: [payment] }, true, options.idempotencyKey));
  const created = body.payments?.[0];
  if (!created) throw missing();
  return { kind: "done", record: toUnifiedPayment(created, ctx) };
}

/** Xero never deletes a payment outright: it marks it DELETED and restores what the document owes. https://developer.xero.com/documentation/api/accounting/payments#deleting-an-existing-payment */
export async function deletePayment(api: XeroApi, remoteId: string, options: WriteOptions): Promise<WriteResult<Removal>> {
  if (options.dryRun) return { kind: "dryRun", request: { method: "POST", path: `/api.xro/2.0/Payments/${remoteId}`, body: { Status: "DELETED" } } };
  await api.call({ what: "Payment", id: remoteId }, (x, tenant) => x.deletePayment(tenant, remoteId, { status: "DELETED" }, options.idempotencyKey));
  return { kind: "done", record: { outcome: "DELETED" } };
}

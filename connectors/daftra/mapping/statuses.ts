import { Decimal } from "decimal.js";
import { InvoiceStatus } from "../../../schema/invoice/invoice-status.enum.js";
import { PaymentStatus } from "../../../schema/payment/payment.type.js";
import { QuoteStatus } from "../../../schema/quote/quote.type.js";
import { isTrue } from "./common.js";

/**
 * Invoice/bill status from `draft` and `payment_status` (0 unpaid, 1 partial, 2 paid, 3 refunded,
 * 4 overpaid, -1 draft; null/"" unpaid). Without a payment status, paid vs total decides.
 */
export function toInvoiceStatus(draft: string | null, paymentStatus: string | null, paid: string, total: string): InvoiceStatus {
  if (isTrue(draft) || paymentStatus === "-1") return InvoiceStatus.DRAFT;
  const code = paymentStatus ?? (new Decimal(paid).isZero() ? "0" : new Decimal(paid).gte(total) ? "2" : "1");
  if (code === "2" || code === "4") return InvoiceStatus.PAID;
  if (code === "1") return InvoiceStatus.PARTIALLY_PAID;
  if (code === "3") return InvoiceStatus.VOIDED;
  return InvoiceStatus.AUTHORISED;
}

/** Unified invoice status → the `payment_status` filter value (undefined: Daftra has no such invoices). */
export const INVOICE_STATUS_FILTER: Partial<Record<InvoiceStatus, string>> = {
  [InvoiceStatus.DRAFT]: "-1",
  [InvoiceStatus.AUTHORISED]: "0",
  [InvoiceStatus.PARTIALLY_PAID]: "1",
  [InvoiceStatus.PAID]: "2",
  [InvoiceStatus.VOIDED]: "3",
};

/** Estimate `status` (assumption): "1" accepted, "2" rejected, "3" invoiced, else open. */
export function toQuoteStatus(draft: string | null, status: string | null): QuoteStatus {
  if (isTrue(draft)) return QuoteStatus.DRAFT;
  return ({ "1": QuoteStatus.ACCEPTED, "2": QuoteStatus.DECLINED, "3": QuoteStatus.INVOICED } as Record<string, QuoteStatus>)[status ?? ""] ?? QuoteStatus.SENT;
}

/** Payment `status`: 1 completed and 2 pending stand; 0 failed and 3 not completed do not. */
export const toPaymentStatus = (status: string | null): PaymentStatus =>
  status === "0" || status === "3" ? PaymentStatus.DELETED : PaymentStatus.AUTHORISED;

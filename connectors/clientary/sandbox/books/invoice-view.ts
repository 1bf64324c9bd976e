import type { ClientaryBooks, InvoiceRecord, PaymentRecord } from "./types.js";
import { minus, sumAmounts } from "./totals.js";
import { INVOICE } from "./status-codes.js";


/** Payments of one invoice, oldest first. */
export const paymentsOf = (books: ClientaryBooks, invoiceId: number): PaymentRecord[] =>
  books.payments.filter((p) => p.invoice_id === invoiceId).sort((a, b) => a.received_on.localeCompare(b.received_on) || a.id - b.id);

/** An invoice as Clientary serves it: its payments listed, `total_payments` and `balance` summed, status 4 once nothing is due. */
export function invoiceView(books: ClientaryBooks, invoice: InvoiceRecord) {
  const payments = paymentsOf(books, invoice.id);
  const total_payments = sumAmounts(payments.map((p) => p.amount));
  const balance = minus(invoice.total_cost, total_payments);
  const settled = balance <= 0 && total_payments > 0 && invoice.status !== INVOICE.DRAFT && invoice.status !== INVOICE.CANCELLED;
  return {
    ...invoice,
    status: settled ? INVOICE.PAID : invoice.status,
    total_payments,
    balance,
    payments: payments.map(({ id, amount, note, received_on }) => ({ id, amount, note, received_on })),
  };
}

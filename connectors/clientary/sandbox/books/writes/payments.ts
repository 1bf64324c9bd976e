import type { ClientaryBooks, InvoiceRecord, PaymentRecord } from "../types.js";
import { unprocessable } from "../../http/errors.js";
import { invoiceView } from "../invoice-view.js";
import { nextId } from "../seed/context.js";
import { numberOf, stampOf, text } from "./fields.js";

/** POST /invoices/:id/payments: `amount` required and positive; the invoice's balance and status follow. */
export function addPayment(books: ClientaryBooks, invoice: InvoiceRecord, body: Record<string, unknown>, now: Date): PaymentRecord {
  const amount = numberOf(body.amount);
  if (amount === undefined) throw unprocessable({ amount: ["can't be blank"] });
  if (Number.isNaN(amount) || amount <= 0) throw unprocessable({ amount: ["must be greater than 0"] });
  const stamp = stampOf(now);
  const payment: PaymentRecord = {
    id: nextId(books, "payment"), created_at: stamp, updated_at: stamp, invoice_id: invoice.id, amount, note: text(body.note),
    received_on: (text(body.received_on) ?? stamp.slice(0, 10)).replace(/\//g, "-"), transaction_id: null, transaction_fee_amount: 0,
  };
  books.payments.push(payment);
  invoice.updated_at = stamp;
  if (invoiceView(books, invoice).balance <= 0 && invoice.status !== 0) invoice.status = 4;
  return payment;
}

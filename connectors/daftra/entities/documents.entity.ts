import type { ListFilter } from "../../../src/connector/adapter.js";
import { InvoiceStatus } from "../../../schema/invoice/invoice-status.enum.js";
import { documentSchema, paymentSchema } from "../mapping/wire-schemas.js";
import { toUnifiedBill, toUnifiedInvoice } from "../mapping/to-invoice.js";
import { toUnifiedCreditNote, toUnifiedQuote } from "../mapping/to-quote.js";
import { toUnifiedPayment } from "../mapping/to-payment.js";
import { INVOICE_STATUS_FILTER } from "../mapping/statuses.js";
import { unprefixId } from "../mapping/common.js";
import { singleStatus } from "../query/filters.js";
import { source, type DaftraEntity } from "./daftra-entity.js";

/** Lists ask for depth 1 so listed documents carry their lines and payments, as single reads do. */
const withLines = () => ({ recursive: 1 });

/**
 * Invoice list filters: one `payment_status` at a time, the client, the invoice date and keywords.
 * https://docs.daftara.dev/15115241e0
 */
function invoiceQuery(filter: ListFilter) {
  const status = singleStatus("invoices", filter, Object.values(InvoiceStatus));
  const paymentStatus = status ? INVOICE_STATUS_FILTER[status as InvoiceStatus] : undefined;
  const clientId = filter.contactRemoteId ? (unprefixId("client", filter.contactRemoteId) ?? filter.contactRemoteId) : undefined;
  if ((status && paymentStatus === undefined) || (clientId !== undefined && !/^\d+$/.test(clientId))) return null;
  return { recursive: 1, payment_status: paymentStatus, client_id: clientId, date_from: filter.dateFrom, date_to: filter.dateTo, keywords: filter.search };
}

export const invoiceEntity: DaftraEntity<"Invoice"> = {
  entity: "Invoice",
  filters: ["status", "contact", "dateRange", "search"],
  notes: "Daftra filters invoices by one status at a time.",
  // https://docs.daftara.dev/15115241e0 (list) — GET /invoices/{id} for one
  sources: [source("invoices", "Invoice", documentSchema, toUnifiedInvoice)],
  query: invoiceQuery,
};

export const billEntity: DaftraEntity<"Bill"> = {
  entity: "Bill",
  filters: [],
  notes: "Daftra's purchase-invoice list takes only page and limit.",
  // https://docs.daftara.dev (Purchase Invoices: GET /purchase_invoices, GET /purchase_invoices/{id})
  sources: [source("purchase_invoices", "PurchaseOrder", documentSchema, toUnifiedBill)],
  query: withLines,
};

export const quoteEntity: DaftraEntity<"Quote"> = {
  entity: "Quote",
  filters: [],
  notes: "Daftra's estimate list takes only page and limit.",
  // https://docs.daftara.dev (Estimates: GET /estimates, GET /estimates/{id})
  sources: [source("estimates", "Estimate", documentSchema, toUnifiedQuote)],
  query: withLines,
};

export const creditNoteEntity: DaftraEntity<"CreditNote"> = {
  entity: "CreditNote",
  filters: [],
  notes: "Daftra's credit-note list takes only page and limit; sales credit notes only.",
  // https://docs.daftara.dev (Credit Notes: GET /credit_notes, GET /credit_notes/{id})
  sources: [source("credit_notes", "CreditNote", documentSchema, toUnifiedCreditNote)],
  query: withLines,
};

export const paymentEntity: DaftraEntity<"Payment"> = {
  entity: "Payment",
  filters: [],
  notes: "Invoice payments only (bill payments appear on their bill); client-credit payments are included.",
  // https://docs.daftara.dev/15115307e0 (GET /invoice_payments; include_client_credit=1 shows client-credit rows)
  sources: [source("invoice_payments", "InvoicePayment", paymentSchema, toUnifiedPayment)],
  query: () => ({ include_client_credit: 1 }),
};

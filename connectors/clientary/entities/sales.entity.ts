import type { ListFilter } from "../../../src/connector/adapter.js";
import { wholeEnvelope } from "../client/schemas/common.js";
import { estimateSchema, expenseSchema, invoiceSchema, paymentSchema } from "../client/schemas/documents.js";
import { toUnifiedExpense } from "../mapping/to-expense.js";
import { toUnifiedInvoice } from "../mapping/to-invoice.js";
import { toUnifiedPayment } from "../mapping/to-payment.js";
import { toUnifiedQuote } from "../mapping/to-quote.js";
import { utcDay } from "../mapping/dates.js";
import type { ClientaryServices } from "../create-clientary-services.js";
import { fetchAllPages } from "../query/fetch-pages.js";
import { defineEntity, scopedPath, type PagedListing } from "./clientary-entity.js";

/** https://www.clientary.com/api/invoices — per client via /clients/:id/invoices; `updated_since` on the account-wide list. */
export const invoicesEntity = defineEntity({
  entity: "Invoice",
  filters: ["contact", "updatedSince"],
  hidden: [],
  notes: "Clientary filters invoices by client and by updated_since (a day, narrowed by the gateway); not by status or date. PARTIALLY_PAID and isOverdue are derived from the amounts.",
  listing: { kind: "paged", key: "invoices", schema: invoiceSchema, updatedSince: true, request: (filter) => ({ path: filter.updatedSince ? "invoices" : scopedPath(filter, "invoices") }) },
  lookup: { kind: "each", path: (id) => `invoices/${id}`, schema: invoiceSchema },
  map: toUnifiedInvoice,
});

const invoicesListing = invoicesEntity.listing as PagedListing;

/** Cache key of the invoice numbers and clients payments are joined with. */
export const INVOICE_REFS = "invoice-refs";

/** Payments name only their invoice: the client and number come from one cached read of all invoices. */
async function withInvoices(services: ClientaryServices, records: unknown[]): Promise<unknown[]> {
  if (records.length === 0) return records;
  type InvoiceRef = { id: string; client_id: string | null; number: string | null };
  const load = async () => ((await fetchAllPages(services, invoicesListing, {})) as InvoiceRef[]).map(({ id, client_id, number }) => ({ id, client_id, number }));
  let byId = new Map((await services.lists.get<InvoiceRef[]>(INVOICE_REFS, load)).map((i) => [i.id, i]));
  // A payment on an invoice made since the cached read (in Clientary's app, say): read the invoices again, once.
  if ((records as Array<{ invoice_id: string | null; invoice?: unknown }>).some((p) => !p.invoice && p.invoice_id && !byId.has(p.invoice_id))) {
    await services.lists.delete(INVOICE_REFS);
    byId = new Map((await services.lists.get<InvoiceRef[]>(INVOICE_REFS, load)).map((i) => [i.id, i]));
  }
  return (records as Array<{ invoice_id: string | null; invoice?: unknown }>).map((p) => {
    const invoice = p.invoice ?? (p.invoice_id ? byId.get(p.invoice_id) : undefined);
    return invoice ? { ...p, invoice } : p;
  });
}

/** https://www.clientary.com/api/payments — no GET of one payment, so lookups search the (cached) list. */
export const paymentsEntity = defineEntity({
  entity: "Payment",
  filters: [],
  hidden: [],
  notes: "Clientary lists payments without filters and has no endpoint for one payment; lookups by id read the list (cached briefly).",
  listing: { kind: "paged", key: "payments", schema: paymentSchema, request: () => ({ path: "payments" }) },
  lookup: { kind: "scan" },
  join: withInvoices,
  map: toUnifiedPayment,
});

/** https://www.clientary.com/api/estimates */
export const quotesEntity = defineEntity({
  entity: "Quote",
  filters: ["contact"],
  hidden: [],
  notes: "Clientary estimates; filtered by client only.",
  listing: { kind: "paged", key: "estimates", schema: estimateSchema, request: (filter) => ({ path: scopedPath(filter, "estimates") }) },
  lookup: { kind: "each", path: (id) => `estimates/${id}`, schema: estimateSchema },
  map: toUnifiedQuote,
});

/** The expenses window: the dates asked for, else everything from `expensesSince` to the end of next year. */
function expenseWindow(services: ClientaryServices, filter: ListFilter) {
  const nextYear = Number(utcDay(services.clock.now()).slice(0, 4)) + 1;
  return { from_date: filter.dateFrom ?? services.settings.expensesSince, to_date: filter.dateTo ?? `${nextYear}-12-31` };
}

/** https://www.clientary.com/api/expenses — not paginated: one date window per call. */
export const expensesEntity = defineEntity({
  entity: "Expense",
  filters: ["contact", "dateRange"],
  hidden: [],
  notes: "Clientary returns expenses for a date window in one answer; the gateway pages them in memory. Amounts carry no tax or currency (the account's).",
  listing: {
    kind: "whole",
    async fetch(services, filter) {
      const body = await services.api.get(scopedPath(filter, "expenses"), wholeEnvelope("expenses", expenseSchema), expenseWindow(services, filter));
      return body.expenses ?? [];
    },
  },
  lookup: { kind: "each", path: (id) => `expenses/${id}`, schema: expenseSchema },
  map: toUnifiedExpense,
});

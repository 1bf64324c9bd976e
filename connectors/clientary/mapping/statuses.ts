import { ContactStatus } from "../../../schema/contact/contact.type.js";
import { InvoiceStatus } from "../../../schema/invoice/invoice-status.enum.js";
import { QuoteStatus } from "../../../schema/quote/quote.type.js";

/**
 * Clientary's numeric statuses → unified ones. https://www.clientary.com/api/invoices,
 * /api/estimates, /api/projects, /api/clients. Invoices have no partly-paid status: that is derived
 * from the amounts (see `toInvoiceStatus`).
 */
export const INVOICE_STATUS: Record<number, InvoiceStatus> = {
  0: InvoiceStatus.DRAFT,
  1: InvoiceStatus.AUTHORISED,
  2: InvoiceStatus.AUTHORISED,
  3: InvoiceStatus.VOIDED,
  4: InvoiceStatus.PAID,
  5: InvoiceStatus.AUTHORISED,
};

/** Viewed and revised estimates are still out with the client; archived ones are gone from view. */
export const QUOTE_STATUS: Record<number, QuoteStatus> = {
  0: QuoteStatus.DRAFT,
  1: QuoteStatus.SENT,
  2: QuoteStatus.SENT,
  3: QuoteStatus.DELETED,
  4: QuoteStatus.DECLINED,
  5: QuoteStatus.SENT,
  6: QuoteStatus.ACCEPTED,
  7: QuoteStatus.DELETED,
};

export const PROJECT_STATUS: Record<number, string> = { 1: "ACTIVE", 2: "COMPLETED", 4: "BILLABLE" };

export const CONTACT_STATUS: Record<number, ContactStatus> = { 1: ContactStatus.ACTIVE, 2: ContactStatus.ARCHIVED };

/** Unified invoice status → the Clientary status to write (later states are Clientary's to set). */
export const CLIENTARY_INVOICE_STATUS: Partial<Record<InvoiceStatus, number>> = {
  [InvoiceStatus.DRAFT]: 0,
  [InvoiceStatus.AUTHORISED]: 1,
  [InvoiceStatus.VOIDED]: 3,
};

/** Unified quote status → the Clientary estimate status to write. */
export const CLIENTARY_ESTIMATE_STATUS: Partial<Record<QuoteStatus, number>> = {
  [QuoteStatus.DRAFT]: 0,
  [QuoteStatus.SENT]: 1,
  [QuoteStatus.DECLINED]: 4,
  [QuoteStatus.ACCEPTED]: 6,
};

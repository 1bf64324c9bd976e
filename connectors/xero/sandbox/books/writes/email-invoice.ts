import type { XeroBooks, XeroInvoice } from "../types.js";

export type EmailOutcome = { ok: true; invoice: XeroInvoice } | { ok: false; notFound?: boolean; errors: string[] };

const EMAILABLE = new Set(["SUBMITTED", "AUTHORISED", "PAID"]);

/** POST /Invoices/{id}/Email: sales invoices only, approved (or submitted/paid), to a contact with an email. */
export function emailInvoice(books: XeroBooks, invoiceId: string): EmailOutcome {
  const invoice = books.invoices.find((i) => i.InvoiceID.toLowerCase() === invoiceId.toLowerCase());
  if (!invoice) return { ok: false, notFound: true, errors: [] };
  if (invoice.Type !== "ACCREC") return { ok: false, errors: ["Only sales invoices (ACCREC) can be emailed."] };
  if (!EMAILABLE.has(invoice.Status)) return { ok: false, errors: ["Only invoices with a status of SUBMITTED, AUTHORISED or PAID can be emailed."] };
  const contact = books.contacts.find((c) => c.ContactID === invoice.Contact.ContactID);
  if (!contact?.EmailAddress) return { ok: false, errors: ["The contact for this invoice does not have an email address."] };
  invoice.SentToContact = true;
  return { ok: true, invoice };
}

import { randomUUID } from "node:crypto";
import { contactDueDate } from "../terms.js";
import { normaliseLineAmountTypes, totals } from "../totals.js";
import { touchedAt } from "../touch.js";
import type { DocumentStatus, InvoiceType, WriteOptions, XeroBooks, XeroContact, XeroInvoice } from "../types.js";
import { resolveContactRef } from "./contact-ref.js";
import { dateInput, flag, text, today, type Element } from "./input.js";
import { isDocumentStatus } from "./invoice-status.js";
import { buildLines } from "./lines.js";

export interface InvoiceDraft {
  invoice?: XeroInvoice;
  /** A contact created from an unknown Name, to store with the invoice. */
  newContact?: XeroContact;
  errors: string[];
  notFound?: boolean;
}

export const DATE_MESSAGE = "The Date field must be specified.";
export const DUE_DATE_MESSAGE = "The document DueDate field must be specified.";

function numberError(books: XeroBooks, type: InvoiceType, number: string | undefined, id: string): string | undefined {
  if (type !== "ACCREC" || !number) return undefined;
  const clash = books.invoices.some((i) => i.Type === "ACCREC" && i.InvoiceID !== id && i.Status !== "DELETED" && i.InvoiceNumber?.toLowerCase() === number.toLowerCase());
  return clash ? "Invoice # must be unique." : undefined;
}

/**
 * The invoice an element asks for, merged over `base` when updating, validated for the
 * requested status. Nothing in the books is changed.
 */
export function draftInvoice(books: XeroBooks, el: Element, base: XeroInvoice | undefined, opts: WriteOptions): InvoiceDraft {
  const errors: string[] = [];
  const type = (base?.Type ?? text(el.Type)) as InvoiceType | undefined;
  if (type !== "ACCREC" && type !== "ACCPAY") return { errors: ["The Type field must be specified as ACCREC or ACCPAY."] };
  const requested = text(el.Status)?.toUpperCase() ?? base?.Status ?? "DRAFT";
  if (!isDocumentStatus(requested)) return { errors: [`Status ${requested} is not a valid invoice status.`] };
  const status: DocumentStatus = requested;
  const strict = status !== "DRAFT" && status !== "DELETED";

  const choice = el.Contact !== undefined || !base ? resolveContactRef(books, el.Contact, opts.now, true) : { contact: undefined, errors: [] };
  if (choice.notFound) return { errors: choice.errors, notFound: true };
  errors.push(...choice.errors);
  const contact = choice.contact ?? books.contacts.find((c) => c.ContactID === base?.Contact.ContactID);

  const lat = el.LineAmountTypes !== undefined ? normaliseLineAmountTypes(el.LineAmountTypes) : base?.LineAmountTypes ?? "Exclusive";
  if (!lat) errors.push("LineAmountTypes must be Exclusive, Inclusive or NoTax.");

  const dateIn = dateInput(el.Date);
  const date = dateIn ?? base?.Date ?? (strict ? undefined : today(opts.now));
  if (!date || dateIn === null) errors.push(DATE_MESSAGE);
  const dueIn = dateInput(el.DueDate);
  if (dueIn === null) errors.push(DUE_DATE_MESSAGE);
  const dueDate = dueIn ?? base?.DueDate ?? (contact && date ? contactDueDate(contact, type, date) : undefined);
  if (status === "AUTHORISED" && !dueDate && dueIn !== null) errors.push(DUE_DATE_MESSAGE);

  const rules = { books, side: type === "ACCREC" ? "sales" : "purchases", lineAmountTypes: lat ?? "Exclusive", strict, unitdp: opts.unitdp ?? 2, allowDiscount: type === "ACCREC" } as const;
  const built = buildLines(el.LineItems, base?.LineItems ?? [], rules);
  errors.push(...built.errors);

  const currency = text(el.CurrencyCode);
  if (currency && currency !== books.organisation.BaseCurrency) errors.push(`Organisation is not subscribed to currency ${currency}`);
  const id = base?.InvoiceID ?? randomUUID();
  const number = text(el.InvoiceNumber) ?? base?.InvoiceNumber;
  const clash = numberError(books, type, number, id);
  if (clash) errors.push(clash);
  if (errors.length || !contact || !date) return { errors };

  const priced = totals(built.lines, rules.lineAmountTypes, books.taxRates);
  const sent = flag(el.SentToContact);
  const invoice: XeroInvoice = {
    ...(base ?? { Payments: [], CreditNotes: [], AmountPaid: 0, AmountCredited: 0, HasAttachments: false, HasErrors: false, SentToContact: false, CurrencyRate: 1 }),
    Type: type, InvoiceID: id, Contact: { ContactID: contact.ContactID, Name: contact.Name },
    Date: date, Status: status, LineAmountTypes: rules.lineAmountTypes, ...priced,
    AmountDue: priced.Total, CurrencyCode: books.organisation.BaseCurrency,
    IsDiscounted: priced.TotalDiscount > 0, UpdatedDateUTC: touchedAt(base?.UpdatedDateUTC, opts.now),
  } as XeroInvoice;
  if (dueDate) invoice.DueDate = dueDate;
  if (number) invoice.InvoiceNumber = number;
  if (sent !== undefined) invoice.SentToContact = sent;
  for (const field of ["Reference", "BrandingThemeID", "Url"] as const) if (el[field] !== undefined) invoice[field] = text(el[field]);
  for (const field of ["ExpectedPaymentDate", "PlannedPaymentDate"] as const) {
    const value = dateInput(el[field]);
    if (value) invoice[field] = value;
  }
  return { invoice, newContact: choice.created ? contact : undefined, errors };
}

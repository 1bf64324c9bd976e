import { groupedAmount } from "../money.js";
import { settleInvoice } from "../settle.js";
import { refreshStock } from "../stock.js";
import type { WriteOptions, WriteResult, XeroBooks, XeroInvoice } from "../types.js";
import { markContactRole, recordChange } from "./audit.js";
import { storeNewContact } from "./contacts.js";
import { asElement, failed, succeeded, text, type Element } from "./input.js";
import { draftInvoice } from "./invoice-draft.js";
import { creationStatusError, updateStatusError } from "./invoice-status.js";
import { nextDocumentNumber } from "./numbering.js";

const CHANGE_BY_STATUS: Partial<Record<XeroInvoice["Status"], string>> = {
  SUBMITTED: "Submitted", AUTHORISED: "Approved", VOIDED: "Voided", DELETED: "Deleted",
};

function findInvoice(books: XeroBooks, el: Element): { invoice?: XeroInvoice; missingId?: string } {
  const id = text(el.InvoiceID);
  if (id) {
    const invoice = books.invoices.find((i) => i.InvoiceID.toLowerCase() === id.toLowerCase());
    return invoice ? { invoice } : { missingId: id };
  }
  const number = text(el.InvoiceNumber);
  if (!number || text(el.Type) === "ACCPAY") return {};
  return { invoice: books.invoices.find((i) => i.Type === "ACCREC" && i.Status !== "DELETED" && i.InvoiceNumber === number) };
}

function label(invoice: XeroInvoice): string {
  return `${invoice.InvoiceNumber ?? "Bill"} ${invoice.Type === "ACCREC" ? "to" : "from"} ${invoice.Contact.Name} for ${groupedAmount(invoice.Total)}.`;
}

function store(books: XeroBooks, el: Element, base: XeroInvoice | undefined, opts: WriteOptions): WriteResult<XeroInvoice> {
  const draft = draftInvoice(books, el, base, opts);
  if (!draft.invoice) return failed(el, draft.errors, draft.notFound);
  const invoice = draft.invoice;
  const previousStatus = base?.Status;
  if (draft.newContact) storeNewContact(books, draft.newContact, opts.now);
  if (invoice.Type === "ACCREC" && !invoice.InvoiceNumber) {
    invoice.InvoiceNumber = nextDocumentNumber(books, "INV", (n) => books.invoices.some((i) => i.Type === "ACCREC" && i.InvoiceNumber === n));
  }
  settleInvoice(invoice);
  if (base) Object.assign(base, invoice);
  else books.invoices.push(invoice);
  const record = base ?? invoice;
  if (!base) recordChange(books, record.InvoiceID, "Created", label(record), opts.now);
  const statusChanged = (previousStatus ?? "DRAFT") !== record.Status;
  if (statusChanged || base) recordChange(books, record.InvoiceID, statusChanged ? CHANGE_BY_STATUS[record.Status] ?? "Edited" : "Edited", label(record), opts.now);
  markContactRole(books, record.Contact.ContactID, record.Type === "ACCREC" ? "sales" : "purchases");
  return succeeded(record);
}

/** PUT (create only) / POST (create or update) /Invoices, for sales invoices and bills. */
export function writeInvoices(books: XeroBooks, elements: unknown[], opts: WriteOptions): WriteResult<XeroInvoice>[] {
  const results = elements.map((raw): WriteResult<XeroInvoice> => {
    const el = asElement(raw);
    const { invoice, missingId } = findInvoice(books, el);
    if (missingId) return failed(raw, [`An existing Invoice with the specified InvoiceID could not be found`], true);
    if (!invoice) {
      const statusError = creationStatusError((text(el.Status)?.toUpperCase() ?? "DRAFT") as XeroInvoice["Status"]);
      return statusError ? failed(raw, [statusError]) : store(books, el, undefined, opts);
    }
    if (opts.mode === "create") return failed(raw, ["Invoice # must be unique."]);
    const requested = (text(el.Status)?.toUpperCase() ?? invoice.Status) as XeroInvoice["Status"];
    const touched = Object.keys(el).filter((k) => el[k] !== undefined);
    const refusal = updateStatusError(invoice, requested, touched);
    return refusal ? failed(raw, [refusal]) : store(books, el, invoice, opts);
  });
  // Approved bills and invoices move tracked stock.
  if (results.some((r) => r.ok)) refreshStock(books, opts.now);
  return results;
}

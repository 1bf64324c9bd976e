import { randomUUID } from "node:crypto";
import { groupedAmount } from "../money.js";
import { settleCreditNote } from "../settle.js";
import { refreshStock } from "../stock.js";
import { normaliseLineAmountTypes, totalsWithoutDiscount } from "../totals.js";
import { touchedAt } from "../touch.js";
import type { CreditNoteType, DocumentStatus, WriteOptions, WriteResult, XeroBooks, XeroCreditNote } from "../types.js";
import { markContactRole, recordChange } from "./audit.js";
import { resolveContactRef } from "./contact-ref.js";
import { storeNewContact } from "./contacts.js";
import { asElement, dateInput, failed, succeeded, text, today, type Element } from "./input.js";
import { DATE_MESSAGE } from "./invoice-draft.js";
import { canMoveTo, CREATABLE, isDocumentStatus, SETTLED_MESSAGE } from "./invoice-status.js";
import { buildLines } from "./lines.js";
import { nextDocumentNumber } from "./numbering.js";

export const CREDIT_NOTE_NUMBER_MESSAGE = "Credit Note # must be unique.";
export const CREDIT_NOTE_STATUS_MESSAGE = "Credit note not of valid status for modification";

/** What a credit note with credit already used may still change. */
const EDITABLE_WHEN_USED = new Set(["CreditNoteID", "CreditNoteNumber", "Type", "Status", "Reference", "SentToContact"]);
const CHANGE_BY_STATUS: Partial<Record<DocumentStatus, string>> = { SUBMITTED: "Submitted", AUTHORISED: "Approved", VOIDED: "Voided", DELETED: "Deleted" };

function statusError(base: XeroCreditNote | undefined, to: DocumentStatus, el: Element): string | undefined {
  if (!base) return CREATABLE.includes(to) ? undefined : "Credit note not of valid status for creation";
  const used = base.Allocations.length > 0 || base.Payments.length > 0;
  if (used && (to === "VOIDED" || Object.keys(el).some((k) => el[k] !== undefined && !EDITABLE_WHEN_USED.has(k)))) return SETTLED_MESSAGE;
  return canMoveTo(base.Status, to) ? undefined : CREDIT_NOTE_STATUS_MESSAGE;
}

function numberTaken(books: XeroBooks, type: CreditNoteType, number: string, id: string): boolean {
  return type === "ACCRECCREDIT" && books.creditNotes.some((c) =>
    c.Type === "ACCRECCREDIT" && c.CreditNoteID !== id && c.Status !== "DELETED" && c.CreditNoteNumber?.toLowerCase() === number.toLowerCase());
}

/** Sales credits (ACCRECCREDIT) are numbered CN-nnnn; supplier credits keep the supplier's number. */
function store(books: XeroBooks, el: Element, base: XeroCreditNote | undefined, opts: WriteOptions): WriteResult<XeroCreditNote> {
  const type = (base?.Type ?? text(el.Type)) as CreditNoteType | undefined;
  if (type !== "ACCRECCREDIT" && type !== "ACCPAYCREDIT") return failed(el, ["The Type field must be specified as ACCRECCREDIT or ACCPAYCREDIT."]);
  const requested = text(el.Status)?.toUpperCase() ?? base?.Status ?? "DRAFT";
  if (!isDocumentStatus(requested)) return failed(el, [`Status ${requested} is not a valid credit note status.`]);
  const refusal = statusError(base, requested, el);
  if (refusal) return failed(el, [refusal]);
  const strict = requested === "SUBMITTED" || requested === "AUTHORISED";

  const errors: string[] = [];
  const choice = el.Contact !== undefined || !base ? resolveContactRef(books, el.Contact, opts.now, true) : { contact: undefined, errors: [] as string[] };
  if (choice.notFound) return failed(el, choice.errors, true);
  errors.push(...choice.errors);
  const contact = choice.contact ?? books.contacts.find((c) => c.ContactID === base?.Contact.ContactID);
  const lat = el.LineAmountTypes !== undefined ? normaliseLineAmountTypes(el.LineAmountTypes) : base?.LineAmountTypes ?? "Exclusive";
  if (!lat) errors.push("LineAmountTypes must be Exclusive, Inclusive or NoTax.");
  const side = type === "ACCRECCREDIT" ? "sales" : "purchases";
  const rules = { books, side, lineAmountTypes: lat ?? "Exclusive", strict, unitdp: opts.unitdp ?? 2, allowDiscount: false } as const;
  const built = buildLines(el.LineItems, base?.LineItems ?? [], rules);
  errors.push(...built.errors);
  const dateIn = dateInput(el.Date);
  const date = dateIn ?? base?.Date ?? (strict ? undefined : today(opts.now));
  if (!date || dateIn === null) errors.push(DATE_MESSAGE);
  const id = base?.CreditNoteID ?? randomUUID();
  const number = text(el.CreditNoteNumber) ?? base?.CreditNoteNumber;
  if (number && numberTaken(books, type, number, id)) errors.push(CREDIT_NOTE_NUMBER_MESSAGE);
  const currency = text(el.CurrencyCode);
  if (currency && currency !== books.organisation.BaseCurrency) errors.push(`Organisation is not subscribed to currency ${currency}`);
  if (errors.length || !contact || !date) return failed(el, errors);

  const previous = base?.Status;
  const note: XeroCreditNote = {
    ...(base ?? { Allocations: [], Payments: [], SentToContact: false, HasAttachments: false, HasErrors: false, CurrencyRate: 1 }),
    ...totalsWithoutDiscount(built.lines, rules.lineAmountTypes, books.taxRates),
    Type: type, CreditNoteID: id, Contact: { ContactID: contact.ContactID, Name: contact.Name },
    Date: date, Status: requested, LineAmountTypes: rules.lineAmountTypes,
    RemainingCredit: 0, CurrencyCode: books.organisation.BaseCurrency, UpdatedDateUTC: touchedAt(base?.UpdatedDateUTC, opts.now),
  } as XeroCreditNote;
  if (number) note.CreditNoteNumber = number;
  else if (type === "ACCRECCREDIT") note.CreditNoteNumber = nextDocumentNumber(books, "CN", (n) => numberTaken(books, type, n, id));
  if (el.Reference !== undefined) note.Reference = text(el.Reference);
  settleCreditNote(note);
  if (choice.created) storeNewContact(books, contact, opts.now);
  if (base) Object.assign(base, note);
  else books.creditNotes.push(note);
  const record = base ?? note;
  const label = `${record.CreditNoteNumber ?? "Credit note"} ${type === "ACCRECCREDIT" ? "to" : "from"} ${contact.Name} for ${groupedAmount(record.Total)}.`;
  if (!base) recordChange(books, record.CreditNoteID, "Created", label, opts.now);
  const moved = (previous ?? "DRAFT") !== record.Status;
  if (moved || base) recordChange(books, record.CreditNoteID, moved ? CHANGE_BY_STATUS[record.Status] ?? "Edited" : "Edited", label, opts.now);
  markContactRole(books, contact.ContactID, side);
  return succeeded(record);
}

/** PUT (create only) / POST (create or update) /CreditNotes and POST /CreditNotes/{id}. */
export function writeCreditNotes(books: XeroBooks, elements: unknown[], opts: WriteOptions): WriteResult<XeroCreditNote>[] {
  const results = elements.map((raw) => {
    const el = asElement(raw);
    const id = text(el.CreditNoteID);
    const base = id ? books.creditNotes.find((c) => c.CreditNoteID.toLowerCase() === id.toLowerCase()) : undefined;
    if (id && !base) return failed<XeroCreditNote>(raw, ["An existing Credit Note with the specified CreditNoteID could not be found"], true);
    if (base && opts.mode === "create") return failed<XeroCreditNote>(raw, [CREDIT_NOTE_NUMBER_MESSAGE]);
    return store(books, el, base, opts);
  });
  if (results.some((r) => r.ok)) refreshStock(books, opts.now);
  return results;
}

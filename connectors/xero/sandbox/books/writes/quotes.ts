import { randomUUID } from "node:crypto";
import { normaliseLineAmountTypes, toQuoteLineAmountTypes, totals } from "../totals.js";
import { touchedAt } from "../touch.js";
import type { QuoteStatus, WriteOptions, WriteResult, XeroBooks, XeroQuote } from "../types.js";
import { markContactRole, recordChange } from "./audit.js";
import { resolveContactRef } from "./contact-ref.js";
import { asElement, dateInput, failed, succeeded, text, today, type Element } from "./input.js";
import { buildLines } from "./lines.js";
import { nextDocumentNumber } from "./numbering.js";

export const QUOTE_EDIT_MESSAGE = "Quotes can only be edited while in DRAFT status; only the status of a SENT, ACCEPTED or DECLINED quote can change.";

/** Status moves Xero allows (DRAFT → DECLINED and ACCEPTED → DECLINED are refused). */
const MOVES: Record<QuoteStatus, readonly QuoteStatus[]> = {
  DRAFT: ["DRAFT", "SENT", "DELETED"],
  SENT: ["SENT", "DRAFT", "ACCEPTED", "DECLINED", "DELETED"],
  ACCEPTED: ["ACCEPTED", "INVOICED", "DELETED"],
  DECLINED: ["DECLINED", "DELETED"],
  INVOICED: ["INVOICED"],
  DELETED: ["DELETED"],
};
const EDITABLE = ["Contact", "LineItems", "Date", "ExpiryDate", "LineAmountTypes", "Title", "Summary", "Terms", "Reference"];

function store(books: XeroBooks, el: Element, base: XeroQuote | undefined, opts: WriteOptions): WriteResult<XeroQuote> {
  const requested = (text(el.Status)?.toUpperCase() ?? base?.Status ?? "DRAFT") as QuoteStatus;
  if (!(requested in MOVES)) return failed(el, [`Status ${requested} is not a valid quote status.`]);
  if (base && !MOVES[base.Status].includes(requested)) return failed(el, [`A ${base.Status} quote cannot be moved to ${requested}.`]);
  if (base && base.Status !== "DRAFT" && EDITABLE.some((field) => el[field] !== undefined)) return failed(el, [QUOTE_EDIT_MESSAGE]);

  const errors: string[] = [];
  const choice = el.Contact !== undefined || !base ? resolveContactRef(books, el.Contact, opts.now, false) : { contact: undefined, errors: [] as string[] };
  if (choice.notFound) return failed(el, choice.errors, true);
  errors.push(...choice.errors);
  const contact = choice.contact ?? books.contacts.find((c) => c.ContactID === base?.Contact.ContactID);
  const lat = el.LineAmountTypes !== undefined ? normaliseLineAmountTypes(el.LineAmountTypes) : normaliseLineAmountTypes(base?.LineAmountTypes ?? "EXCLUSIVE");
  if (!lat) errors.push("LineAmountTypes must be EXCLUSIVE, INCLUSIVE or NOTAX.");
  const rules = { books, side: "sales", lineAmountTypes: lat ?? "Exclusive", strict: false, unitdp: opts.unitdp ?? 2, allowDiscount: true } as const;
  const built = buildLines(el.LineItems, base?.LineItems ?? [], rules);
  errors.push(...built.errors);
  const date = dateInput(el.Date) ?? base?.Date ?? today(opts.now);
  const expiry = dateInput(el.ExpiryDate) ?? base?.ExpiryDate;
  if (expiry && expiry < date) errors.push("The ExpiryDate must be on or after the Date.");
  if (errors.length || !contact) return failed(el, errors.length ? errors : ["A Contact must be specified."]);

  const { TotalDiscount: _discount, ...priced } = totals(built.lines, rules.lineAmountTypes, books.taxRates);
  const quote: XeroQuote = {
    ...(base ?? { QuoteID: randomUUID(), QuoteNumber: nextDocumentNumber(books, "QU", (n) => books.quotes.some((q) => q.QuoteNumber === n)), CurrencyRate: 1 }),
    ...priced,
    Contact: { ContactID: contact.ContactID, Name: contact.Name },
    Date: date,
    Status: requested,
    LineAmountTypes: toQuoteLineAmountTypes(rules.lineAmountTypes),
    CurrencyCode: books.organisation.BaseCurrency,
    UpdatedDateUTC: touchedAt(base?.UpdatedDateUTC, opts.now),
  } as XeroQuote;
  if (expiry) quote.ExpiryDate = expiry;
  for (const field of ["Title", "Summary", "Terms", "Reference"] as const) if (el[field] !== undefined) quote[field] = text(el[field]);
  if (base) Object.assign(base, quote);
  else books.quotes.push(quote);
  recordChange(books, quote.QuoteID, base ? (base.Status === requested ? "Edited" : requested) : "Created", `${quote.QuoteNumber} to ${contact.Name}.`, opts.now);
  markContactRole(books, contact.ContactID, "sales");
  return succeeded(base ?? quote);
}

/** PUT (create only) / POST (create or update) /Quotes. */
export function writeQuotes(books: XeroBooks, elements: unknown[], opts: WriteOptions): WriteResult<XeroQuote>[] {
  return elements.map((raw) => {
    const el = asElement(raw);
    const id = text(el.QuoteID);
    const base = id ? books.quotes.find((q) => q.QuoteID.toLowerCase() === id.toLowerCase()) : undefined;
    if (id && !base) return failed(raw, ["An existing Quote with the specified QuoteID could not be found"], true);
    if (base && opts.mode === "create") return failed(raw, ["Quote # must be unique."]);
    return store(books, el, base, opts);
  });
}

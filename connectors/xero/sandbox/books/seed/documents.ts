import { addDays } from "../dates.js";
import { contactDueDate } from "../terms.js";
import { totals, totalsWithoutDiscount } from "../totals.js";
import type {
  CreditNoteType, DocumentStatus, InvoiceType, LineAmountTypes, XeroContact, XeroCreditNote, XeroInvoice, XeroLineItem,
} from "../types.js";
import type { SeedContext } from "./context.js";

export function randomLineAmountTypes(ctx: SeedContext): LineAmountTypes {
  return ctx.rng.weighted([["Exclusive", 70], ["Inclusive", 20], ["NoTax", 10]] as const);
}

/** Due date from the contact's terms, else 30 days. */
export function dueDateFor(contact: XeroContact, type: InvoiceType, date: string): string {
  return contactDueDate(contact, type, date) ?? addDays(date, 30);
}

interface InvoiceSpec {
  type: InvoiceType; contact: XeroContact; date: string; status: DocumentStatus;
  lat: LineAmountTypes; lines: XeroLineItem[]; number?: string; reference?: string;
}

export function buildInvoice(ctx: SeedContext, spec: InvoiceSpec): XeroInvoice {
  const priced = totals(spec.lines, spec.lat, ctx.books.taxRates);
  return {
    Type: spec.type,
    InvoiceID: ctx.guid(),
    ...(spec.number ? { InvoiceNumber: spec.number } : {}),
    ...(spec.reference ? { Reference: spec.reference } : {}),
    Contact: ctx.contactRef(spec.contact),
    Date: spec.date,
    DueDate: dueDateFor(spec.contact, spec.type, spec.date),
    Status: spec.status,
    LineAmountTypes: spec.lat,
    ...priced,
    CurrencyCode: ctx.books.organisation.BaseCurrency,
    CurrencyRate: 1,
    AmountDue: priced.Total,
    AmountPaid: 0,
    AmountCredited: 0,
    Payments: [],
    CreditNotes: [],
    SentToContact: spec.type === "ACCREC" && spec.status !== "DRAFT" && ctx.rng.chance(0.8),
    IsDiscounted: priced.TotalDiscount > 0,
    HasAttachments: ctx.rng.chance(0.05),
    HasErrors: false,
    UpdatedDateUTC: ctx.stamp(spec.date),
  };
}

interface CreditNoteSpec {
  type: CreditNoteType; contact: XeroContact; date: string; status: DocumentStatus;
  lat: LineAmountTypes; lines: XeroLineItem[]; number?: string; reference?: string;
}

export function buildCreditNote(ctx: SeedContext, spec: CreditNoteSpec): XeroCreditNote {
  const priced = totalsWithoutDiscount(spec.lines, spec.lat, ctx.books.taxRates);
  return {
    Type: spec.type,
    CreditNoteID: ctx.guid(),
    ...(spec.number ? { CreditNoteNumber: spec.number } : {}),
    ...(spec.reference ? { Reference: spec.reference } : {}),
    Contact: ctx.contactRef(spec.contact),
    Date: spec.date,
    Status: spec.status,
    LineAmountTypes: spec.lat,
    ...priced,
    CurrencyCode: ctx.books.organisation.BaseCurrency,
    CurrencyRate: 1,
    RemainingCredit: priced.Total,
    Allocations: [],
    Payments: [],
    SentToContact: false,
    HasAttachments: false,
    HasErrors: false,
    UpdatedDateUTC: ctx.stamp(spec.date),
  };
}


/** Picking the records an action works on, and small request-building helpers. */
import { addDays } from "../books/dates.js";
import { groupedAmount } from "../books/money.js";
import type { XeroContact, XeroInvoice } from "../books/types.js";
import type { ActionContext } from "./types.js";

export function pickOrNone<T>(ctx: ActionContext, items: readonly T[]): T | undefined {
  return items.length > 0 ? ctx.rng.pick(items) : undefined;
}

/** An active contact on that side of the business (customers for sales, suppliers for purchases); any active one as a fallback. */
export function contactFor(ctx: ActionContext, side: "sales" | "purchases"): XeroContact | undefined {
  const active = ctx.books.contacts.filter((c) => c.ContactStatus === "ACTIVE");
  const fits = active.filter((c) => (side === "sales" ? c.IsCustomer || !c.IsSupplier : c.IsSupplier || !c.IsCustomer));
  return pickOrNone(ctx, fits.length > 0 ? fits : active);
}

export function isDraft(invoice: XeroInvoice): boolean {
  return invoice.Status === "DRAFT" || invoice.Status === "SUBMITTED";
}

export function isOpen(invoice: XeroInvoice): boolean {
  return invoice.Status === "AUTHORISED" && invoice.AmountDue > 0;
}

export function dueIn(ctx: ActionContext, days: readonly number[]): string {
  return addDays(ctx.today, ctx.rng.pick(days));
}

/** "INV-0123 to Maple Consulting for 1,234.00" / "bill SUP-4410 from Office Supplies Co for 88.00". */
export function describeInvoice(invoice: XeroInvoice): string {
  const sales = invoice.Type === "ACCREC";
  const number = invoice.InvoiceNumber ?? "(no number)";
  return `${sales ? "invoice" : "bill"} ${number} ${sales ? "to" : "from"} ${invoice.Contact.Name} for ${groupedAmount(invoice.Total)}`;
}

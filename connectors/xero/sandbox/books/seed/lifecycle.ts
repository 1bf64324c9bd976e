import { addDays, daysBetween, minDate } from "../dates.js";
import type { DocumentStatus, XeroInvoice } from "../types.js";
import type { SeedContext } from "./context.js";
import { groupedAmount } from "../money.js";

/** Older documents have mostly been approved; recent ones are more often still drafts. */
export function pickInvoiceStatus(ctx: SeedContext, date: string): DocumentStatus {
  const age = daysBetween(date, ctx.today);
  return ctx.rng.weighted<DocumentStatus>([
    ["DELETED", 1.5],
    ["VOIDED", 2],
    ["DRAFT", age < 20 ? 12 : 1.5],
    ["SUBMITTED", age < 30 ? 8 : 1],
    ["AUTHORISED", 100],
  ]);
}

/** A date from `from` up to `days` later, never after today. */
export function laterDate(ctx: SeedContext, from: string, days: number): string {
  return ctx.dateBetween(minDate(from, ctx.today), minDate(addDays(from, days), ctx.today));
}

/** Writes the history of how the invoice reached its seeded status and stamps UpdatedDateUTC. */
export function recordInvoiceHistory(ctx: SeedContext, invoice: XeroInvoice): void {
  const label = invoice.InvoiceNumber ?? invoice.Reference ?? "Bill";
  const who = invoice.Type === "ACCREC" ? "to" : "from";
  const id = invoice.InvoiceID;
  let stamp = ctx.history(id, invoice.Date, "Created", `${label} ${who} ${invoice.Contact.Name} for ${groupedAmount(invoice.Total)}.`);
  if (invoice.Status === "SUBMITTED") stamp = ctx.history(id, invoice.Date, "Submitted", `${label} submitted for approval.`);
  if (["AUTHORISED", "PAID", "VOIDED"].includes(invoice.Status)) {
    stamp = ctx.history(id, invoice.Date, "Approved", `${label} ${who} ${invoice.Contact.Name} for ${groupedAmount(invoice.Total)}.`);
  }
  if (invoice.Status === "VOIDED" || invoice.Status === "DELETED") {
    const when = laterDate(ctx, invoice.Date, 20);
    stamp = ctx.history(id, when, invoice.Status === "VOIDED" ? "Voided" : "Deleted", `${label} ${invoice.Status.toLowerCase()}.`);
  }
  invoice.UpdatedDateUTC = stamp;
}

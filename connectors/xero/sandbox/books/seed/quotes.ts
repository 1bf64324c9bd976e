import { addDays, daysBetween } from "../dates.js";
import { toQuoteLineAmountTypes, totals } from "../totals.js";
import type { QuoteStatus, XeroQuote } from "../types.js";
import { datesIn, type MonthWindow } from "./calendar.js";
import { activeContacts, type SeededContact } from "./contacts.js";
import type { SeedContext } from "./context.js";
import { randomLineAmountTypes } from "./documents.js";
import { groupedAmount } from "../money.js";
import { laterDate } from "./lifecycle.js";
import { salesLine } from "./lines.js";

function quoteStatus(ctx: SeedContext, date: string): QuoteStatus {
  if (daysBetween(date, ctx.today) < 30) {
    return ctx.rng.weighted<QuoteStatus>([["DRAFT", 35], ["SENT", 45], ["ACCEPTED", 12], ["DELETED", 8]]);
  }
  return ctx.rng.weighted<QuoteStatus>([["ACCEPTED", 20], ["DECLINED", 25], ["INVOICED", 35], ["SENT", 10], ["DELETED", 5], ["DRAFT", 5]]);
}

export function seedQuotes(ctx: SeedContext, window: MonthWindow, customers: SeededContact[]): void {
  const count = Math.round(ctx.rng.int(4, 8) * window.share);
  for (const date of datesIn((a, b) => ctx.dateBetween(a, b), window, count)) {
    const { contact } = ctx.rng.pick(activeContacts(customers));
    const lat = randomLineAmountTypes(ctx);
    const priced = totals(Array.from({ length: ctx.rng.int(1, 4) }, () => salesLine(ctx, undefined, lat)), lat, ctx.books.taxRates);
    const status = quoteStatus(ctx, date);
    const quote: XeroQuote = {
      QuoteID: ctx.guid(),
      QuoteNumber: ctx.nextNumber("QU"),
      ...(ctx.rng.chance(0.5) ? { Reference: `RFQ ${ctx.rng.int(100, 999)}` } : {}),
      Title: `Proposal for ${contact.Name}`,
      Summary: "Supply and installation as discussed.",
      Terms: "Valid for 30 days. 50% deposit on acceptance.",
      Contact: ctx.contactRef(contact),
      Date: date,
      ExpiryDate: addDays(date, 30),
      Status: status,
      LineAmountTypes: toQuoteLineAmountTypes(lat),
      ...priced,
      CurrencyCode: ctx.books.organisation.BaseCurrency,
      CurrencyRate: 1,
      UpdatedDateUTC: "",
    };
    ctx.books.quotes.push(quote);
    quote.UpdatedDateUTC = ctx.history(quote.QuoteID, date, "Created", `${quote.QuoteNumber} to ${contact.Name} for ${groupedAmount(quote.Total)}.`);
    if (status !== "DRAFT") {
      quote.UpdatedDateUTC = ctx.history(quote.QuoteID, laterDate(ctx, date, 25), "Status changed", `${quote.QuoteNumber} marked ${status.toLowerCase()}.`);
    }
  }
}

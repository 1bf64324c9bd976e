/** Quotes go out to customers (as drafts or sent). */
import { addDays } from "../books/dates.js";
import { groupedAmount } from "../books/money.js";
import { writeQuotes } from "../books/writes/index.js";
import { contactFor } from "./choose.js";
import { lines, salesLine } from "./lines.js";
import type { Action } from "./types.js";

const TITLES = ["Office fit-out", "Annual support", "Equipment refresh", "Staff training", "Network upgrade"];

export const createQuote: Action = (ctx) => {
  const contact = contactFor(ctx, "sales");
  if (!contact) return undefined;
  const title = ctx.rng.pick(TITLES);
  const quote = ctx.write(writeQuotes, {
    Contact: { ContactID: contact.ContactID }, Date: ctx.today, ExpiryDate: addDays(ctx.today, 30),
    Status: ctx.rng.chance(0.5) ? "SENT" : "DRAFT", LineAmountTypes: "EXCLUSIVE", Title: title,
    LineItems: lines(ctx, salesLine, 3),
  }, "create");
  return quote && {
    kind: "create-quote", entity: "Quote", id: quote.QuoteID, status: quote.Status,
    summary: `quote ${quote.QuoteNumber} "${title}" to ${contact.Name} for ${groupedAmount(quote.Total)} as ${quote.Status}`,
  };
};

import type { InvoiceRecord, PartyRecord } from "../types.js";
import { minus, sumAmounts } from "../totals.js";
import { addDays, slashDate, stampOn } from "./calendar.js";
import { dayBetween, nextId, type SeedContext } from "./context.js";
import { documentFields, seedItems } from "./documents.js";

type Outcome = "draft" | "cancelled" | "unpaid" | "partial" | "paid";

function outcome(ctx: SeedContext, day: string, due: string): Outcome {
  const { random } = ctx;
  if (day > addDays(ctx.today, -10) && random.chance(0.35)) return "draft";
  if (random.chance(0.03)) return "cancelled";
  const roll = random.next();
  if (due < addDays(ctx.today, -15)) return roll < 0.85 ? "paid" : roll < 0.92 ? "partial" : "unpaid";
  return roll < 0.3 ? "paid" : roll < 0.45 ? "partial" : "unpaid";
}

function settle(ctx: SeedContext, invoice: InvoiceRecord, due: string, result: Outcome): void {
  const { random, books } = ctx;
  const date = invoice.date.replace(/\//g, "-");
  const last = due < ctx.today ? addDays(due, 20) : ctx.today;
  const received = () => dayBetween(ctx, date, last < ctx.today ? last : ctx.today);
  const split = result === "paid" && random.chance(0.2);
  const first = result === "partial" || split ? sumAmounts([invoice.total_cost * random.int(30, 70) / 100]) : invoice.total_cost;
  const amounts = split ? [first, minus(invoice.total_cost, first)] : [first];
  let latest = invoice.created_at;
  for (const amount of amounts) {
    const day = received();
    const stamp = stampOn(day, random.int(9, 18));
    const card = random.chance(0.3);
    books.payments.push({
      id: nextId(books, "payment"), created_at: stamp, updated_at: stamp, invoice_id: invoice.id, amount, note: card ? null : random.pick(["Check", "ACH transfer", "Bank transfer"]),
      received_on: day, transaction_id: card ? `ch_${random.int(100000, 999999)}` : null, transaction_fee_amount: card ? sumAmounts([amount * 0.029 + 0.3]) : 0,
    });
    if (stamp > latest) latest = stamp;
  }
  invoice.updated_at = latest > invoice.updated_at ? latest : invoice.updated_at;
}

const STATUS: Record<Outcome, () => number> = { draft: () => 0, cancelled: () => 3, paid: () => 4, partial: () => 2, unpaid: () => 1 };

/** ~250 invoices over the window, numbered in date order, with full, split and partial payments. */
export function seedInvoices(ctx: SeedContext, count = 250): void {
  const { random, books } = ctx;
  const days = Array.from({ length: count }, () => dayBetween(ctx, ctx.start)).sort();
  const clients = books.clients;
  days.forEach((day, index) => {
    const client: PartyRecord = random.pick(clients);
    const due = addDays(day, random.pick([15, 30, 30, 45]));
    const result = outcome(ctx, day, due);
    const items = seedItems(ctx);
    const status = result === "unpaid" || result === "partial" ? random.pick([1, 2]) : STATUS[result]();
    const invoice: InvoiceRecord = { ...documentFields(ctx, client, day, String(index + 1), status, items), id: nextId(books, "invoice"), due_date: slashDate(due), invoice_items: items, recurring_schedules: [] };
    books.invoices.push(invoice);
    if (result === "paid" || result === "partial") settle(ctx, invoice, due, result);
  });
}

/** ~40 estimates in every state, over the last year. */
export function seedEstimates(ctx: SeedContext, count = 40): void {
  const { random, books } = ctx;
  const days = Array.from({ length: count }, () => dayBetween(ctx, addDays(ctx.today, -365))).sort();
  days.forEach((day, index) => {
    const client = random.pick([...books.clients, ...books.leads]);
    const status = day > addDays(ctx.today, -14) ? random.pick([0, 1, 2]) : random.pick([1, 3, 4, 5, 6, 6, 6, 7]);
    const items = seedItems(ctx);
    books.estimates.push({ ...documentFields(ctx, client, day, String(index + 1), status, items), id: nextId(books, "estimate"), estimate_items: items });
  });
}

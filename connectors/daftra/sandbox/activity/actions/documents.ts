/** Invoices and estimates: new ones (draft or issued), edits of recent invoices, drafts thrown away. */
import { addDays, paymentsOf } from "../../books/totals.js";
import type { DocRow } from "../../books/types.js";
import { deleteDocument, saveDocument, type Body } from "../../books/writes/index.js";
import { headerOf, itemFor, itemsOf, pickItems } from "../items.js";
import { editTime, recorded, type ActivityAction, type ActivityContext } from "../types.js";

/** How far back the business still edits its invoices, in days. */
const EDIT_WINDOW = 90;

const NOTES = [
  "Thank you for your business.", "Delivery to the main office.", "Please quote the invoice number on payment.",
  "Partial delivery; the rest follows next week.", "Prices as agreed on the phone.", "Installation included.",
];

const newHeader = (ctx: ActivityContext, clientId: number): Body => ({
  client_id: clientId,
  date: addDays(ctx.today, -ctx.rng.int(0, 3)),
  due_after: ctx.rng.pick([0, 14, 30, 30, 45]),
  ...(ctx.rng.chance(0.3) ? { notes: ctx.rng.pick(NOTES) } : {}),
});

export const newInvoice: ActivityAction = {
  name: "new invoice",
  weight: 18,
  run(ctx) {
    const { books, rng } = ctx;
    const header = { ...newHeader(ctx, rng.pick(books.clients).id), draft: rng.chance(0.3) ? 1 : 0 };
    return recorded("created", "invoice", saveDocument(books, "invoice", { Invoice: header, InvoiceItem: pickItems(rng, books.products) }, ctx.now));
  },
};

export const newEstimate: ActivityAction = {
  name: "new estimate",
  weight: 7,
  run(ctx) {
    const { books, rng } = ctx;
    const header = { ...newHeader(ctx, rng.pick(books.clients).id), status: "0", draft: rng.chance(0.1) ? 1 : 0 };
    return recorded("created", "estimate", saveDocument(books, "estimate", { Estimate: header, InvoiceItem: pickItems(rng, books.products) }, ctx.now));
  },
};

/**
 * One change to an invoice of the last months: its items (quantities, a line added or dropped), its
 * dates, its notes, or a draft issued. Once paid in part, its total only grows, so it is never overpaid.
 */
function revise(ctx: ActivityContext, invoice: DocRow): { header: Body; items: Body[] } {
  const { rng, books } = ctx;
  const header = headerOf(invoice);
  const items = itemsOf(invoice);
  const paid = paymentsOf(invoice, books.invoicePayments).length > 0;
  const change = invoice.draft && rng.chance(0.4) ? "issue" : rng.pick(["items", "items", "dates", "notes"] as const);
  if (change === "issue") header.draft = 0;
  else if (change === "notes") header.notes = rng.pick(NOTES.filter((n) => n !== invoice.notes));
  else if (change === "dates") {
    const moved = addDays(invoice.date, rng.int(-5, 5) || -1);
    header.date = moved > ctx.today ? addDays(invoice.date, -1) : moved;
    header.due_after = rng.pick([0, 14, 30, 45, 60].filter((d) => d !== invoice.due_after));
  } else {
    const line = rng.int(0, items.length - 1);
    const quantity = Number(items[line]!.quantity);
    const roll = rng.next();
    if (roll < 0.3) items.push(itemFor(rng, rng.pick(books.products.filter((p) => p.status === 0))));
    else if (paid) items[line]!.quantity = String(quantity + rng.int(1, 3));
    else if (roll < 0.45 && items.length > 1) items.splice(line, 1);
    else items[line]!.quantity = String(rng.pick([1, 2, 3, 4, 5, 6].filter((q) => q !== quantity)));
  }
  return { header, items };
}

export const updateInvoice: ActivityAction = {
  name: "invoice updated",
  weight: 12,
  run(ctx) {
    const { books, rng } = ctx;
    const recent = books.invoices.filter((i) => i.date >= addDays(ctx.today, -EDIT_WINDOW));
    if (!recent.length) return undefined;
    const invoice = rng.pick(recent);
    const { header, items } = revise(ctx, invoice);
    return recorded("updated", "invoice", saveDocument(books, "invoice", { Invoice: header, InvoiceItem: items }, editTime(ctx.now, invoice.modified), invoice));
  },
};

export const deleteDraftInvoice: ActivityAction = {
  name: "draft invoice deleted",
  weight: 4,
  run(ctx) {
    const drafts = ctx.books.invoices.filter((i) => i.draft);
    if (!drafts.length) return undefined;
    return recorded("deleted", "invoice", deleteDocument(ctx.books, "invoice", ctx.rng.pick(drafts).id));
  },
};

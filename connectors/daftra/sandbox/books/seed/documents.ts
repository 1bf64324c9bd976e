import { Decimal } from "decimal.js";
import type { Prng } from "../prng.js";
import { addDays, docTotals, dueDateOf } from "../totals.js";
import type { DaftraBooks, DocKind, DocRow, LineRow, PaymentRow } from "../types.js";

export interface SeedContext {
  rng: Prng;
  books: DaftraBooks;
  start: string;
  today: string;
  span: number;
}

const stamp = (date: string, rng: Prng) => `${date} ${String(rng.int(8, 17)).padStart(2, "0")}:${String(rng.int(0, 59)).padStart(2, "0")}:00`;

export function nextId(books: DaftraBooks, table: string): number {
  const id = books.nextId[table] ?? 1;
  books.nextId[table] = id + 1;
  return id;
}

function lines(ctx: SeedContext, count: number, purchase: boolean): LineRow[] {
  const stock = ctx.books.products.filter((p) => !purchase || p.type === 1);
  return Array.from({ length: count }, () => {
    const product = ctx.rng.pick(stock);
    return {
      id: nextId(ctx.books, "line"),
      product_id: product.id,
      item: product.name,
      description: product.description,
      unit_price: purchase ? product.buy_price : product.unit_price,
      quantity: String(ctx.rng.int(1, purchase ? 20 : 6)),
      tax1: product.tax1,
    };
  });
}

/** A document on a day within the seeded span; later ones are likelier to be drafts. */
function document(ctx: SeedContext, kind: DocKind, table: string, partyCount: number, extra: Partial<DocRow> = {}): DocRow {
  const { rng, books } = ctx;
  const date = addDays(ctx.start, rng.int(0, ctx.span));
  const recent = date > addDays(ctx.today, -30);
  const id = nextId(books, table);
  const created = stamp(date, rng);
  return {
    id, kind,
    no: String(id).padStart(6, "0"),
    party_id: rng.int(1, partyCount),
    date,
    due_after: rng.pick([0, 14, 30, 30, 45]),
    draft: rng.chance(recent ? 0.25 : 0.02) ? 1 : 0,
    currency_code: books.site.currency_code,
    notes: "",
    lines: lines(ctx, rng.int(1, 4), kind === "purchase_invoice"),
    created,
    modified: created,
    ...extra,
  };
}

/** Payments for one document: most settled once due, some partly, recent ones mostly open. */
function settle(ctx: SeedContext, doc: DocRow, into: PaymentRow[], table: string): void {
  const { rng, books } = ctx;
  if (doc.draft) return;
  const total = new Decimal(docTotals(doc, books).total);
  const due = dueDateOf(doc);
  const old = due < addDays(ctx.today, -20);
  const roll = rng.next();
  const plan = old ? (roll < 0.75 ? "paid" : roll < 0.9 ? "partial" : "open") : roll < 0.3 ? "paid" : roll < 0.55 ? "partial" : "open";
  if (plan === "open") return;
  const amounts = plan === "paid" ? splitPaid(rng, total) : [total.times(rng.int(25, 70)).dividedBy(100).toDecimalPlaces(2)];
  const latest = Math.max(0, Math.min(dayDiff(doc.date, ctx.today), doc.due_after + 25));
  for (const amount of amounts) {
    const date = addDays(doc.date, rng.int(0, latest));
    const id = nextId(books, table);
    const created = stamp(date, rng);
    const treasury = rng.chance(0.8) ? 1 : 2;
    into.push({
      id, document_id: doc.id, party_id: doc.party_id, amount: amount.toFixed(2), date,
      payment_method: treasury === 1 ? "bank" : "cash", treasury_id: treasury, status: 1,
      code: String(id).padStart(6, "0"), created, modified: created,
    });
  }
  if (rng.chance(0.05)) {
    const id = nextId(books, table);
    into.push({ ...into[into.length - 1]!, id, status: 2, code: String(id).padStart(6, "0"), amount: "0.01" });
  }
}

function splitPaid(rng: Prng, total: Decimal): Decimal[] {
  if (!rng.chance(0.25)) return [total];
  const first = total.times(rng.int(30, 70)).dividedBy(100).toDecimalPlaces(2);
  return [first, total.minus(first)];
}

const dayDiff = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

const byDate = (a: DocRow, b: DocRow) => a.date.localeCompare(b.date) || a.id - b.id;

/** Renumbers documents in date order so numbers and ids grow with time, as they do in a real account. */
function inDateOrder(docs: DocRow[], prefix = ""): DocRow[] {
  return docs.sort(byDate).map((doc, i) => ({ ...doc, id: i + 1, no: `${prefix}${String(i + 1).padStart(6, "0")}` }));
}

export function seedDocuments(ctx: SeedContext, counts: { invoices: number; estimates: number; creditNotes: number; bills: number }): void {
  const { books } = ctx;
  const clients = books.clients.length;
  books.estimates = inDateOrder(Array.from({ length: counts.estimates }, () => document(ctx, "estimate", "estimate", clients)));
  for (const e of books.estimates) e.status = e.draft ? "0" : ctx.rng.pick(["0", "1", "2", "3", "3"]);
  books.invoices = inDateOrder(Array.from({ length: counts.invoices }, () => document(ctx, "invoice", "invoice", clients)));
  for (const estimate of books.estimates.filter((e) => e.status === "3")) {
    const invoice = books.invoices.find((i) => i.date >= estimate.date && i.estimate_id === undefined);
    if (invoice) invoice.estimate_id = estimate.id;
  }
  books.creditNotes = inDateOrder(Array.from({ length: counts.creditNotes }, () => document(ctx, "credit_note", "credit_note", clients)), "CN");
  books.purchaseInvoices = inDateOrder(Array.from({ length: counts.bills }, () => document(ctx, "purchase_invoice", "purchase_invoice", books.suppliers.length)), "PI");
  for (const doc of books.invoices) settle(ctx, doc, books.invoicePayments, "invoice_payment");
  for (const doc of books.purchaseInvoices) settle(ctx, doc, books.purchasePayments, "purchase_payment");
}

import { addMonths } from "../dates.js";
import type { XeroContact } from "../types.js";
import type { MonthWindow } from "./calendar.js";
import { datesIn } from "./calendar.js";
import type { SeededContact } from "./contacts.js";
import type { SeedContext } from "./context.js";
import { buildInvoice, randomLineAmountTypes } from "./documents.js";
import { pickInvoiceStatus, recordInvoiceHistory } from "./lifecycle.js";
import { billLine, restockLine, salesLine, type Stock } from "./lines.js";
import { seedCreditNote, seedPayments } from "./settlement.js";

/** Archived contacts only traded in the first months, and settled everything. */
function activePool(ctx: SeedContext, pool: SeededContact[], date: string): SeededContact[] {
  return date < addMonths(ctx.start, 6) ? pool : pool.filter((c) => !c.archived);
}

function finish(ctx: SeedContext, invoice: ReturnType<typeof buildInvoice>, contact: XeroContact, archived: boolean): void {
  ctx.books.invoices.push(invoice);
  recordInvoiceHistory(ctx, invoice);
  if (invoice.Status !== "AUTHORISED") return;
  if (!archived) seedCreditNote(ctx, invoice, contact);
  seedPayments(ctx, invoice, archived);
}

export function seedSalesInvoices(ctx: SeedContext, window: MonthWindow, customers: SeededContact[], stock: Stock): void {
  const count = Math.round(ctx.rng.int(34, 42) * window.share);
  for (const date of datesIn((a, b) => ctx.dateBetween(a, b), window, count)) {
    const { contact, archived } = ctx.rng.pick(activePool(ctx, customers, date));
    const status = archived ? "AUTHORISED" : pickInvoiceStatus(ctx, date);
    const lat = randomLineAmountTypes(ctx);
    const lines = Array.from({ length: ctx.rng.int(1, 4) }, () => salesLine(ctx, status === "AUTHORISED" ? stock : undefined, lat));
    const reference = ctx.rng.chance(0.4) ? `PO ${ctx.rng.int(1000, 99999)}` : undefined;
    finish(ctx, buildInvoice(ctx, { type: "ACCREC", contact, date, status, lat, lines, number: ctx.nextNumber("INV"), reference }), contact, archived);
  }
}

function supplierInvoiceNumber(ctx: SeedContext, contact: XeroContact): string {
  const initials = contact.Name.split(/\s+/).map((w) => w[0]).join("").toUpperCase();
  return `${initials}-${ctx.rng.int(10000, 99999)}`;
}

export function seedBills(ctx: SeedContext, window: MonthWindow, suppliers: SeededContact[]): void {
  const count = Math.round(ctx.rng.int(16, 22) * window.share);
  for (const date of datesIn((a, b) => ctx.dateBetween(a, b), window, count)) {
    const { contact, archived } = ctx.rng.pick(activePool(ctx, suppliers, date));
    const status = archived ? "AUTHORISED" : pickInvoiceStatus(ctx, date);
    const lat = randomLineAmountTypes(ctx);
    const lines = Array.from({ length: ctx.rng.int(1, 3) }, () => billLine(ctx, lat));
    finish(ctx, buildInvoice(ctx, { type: "ACCPAY", contact, date, status, lat, lines, number: supplierInvoiceNumber(ctx, contact) }), contact, archived);
  }
}

const REORDER_BELOW = 12;

/** At the start of each month tracked items running low are restocked on one approved bill. */
export function seedRestock(ctx: SeedContext, window: MonthWindow, supplier: XeroContact, stock: Stock): void {
  const lines = ctx.books.items
    .filter((item) => item.IsTrackedAsInventory && stock.quantity(item.Code) < REORDER_BELOW)
    .map((item) => {
      const quantity = ctx.rng.int(18, 30);
      stock.add(item.Code, quantity);
      return restockLine(ctx, item, quantity);
    });
  if (lines.length === 0) return;
  const invoice = buildInvoice(ctx, {
    type: "ACCPAY", contact: supplier, date: window.from, status: "AUTHORISED", lat: "Exclusive", lines,
    number: supplierInvoiceNumber(ctx, supplier), reference: "Stock replenishment",
  });
  finish(ctx, invoice, supplier, false);
}

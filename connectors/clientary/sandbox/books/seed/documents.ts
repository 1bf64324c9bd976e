import type { DocumentRecord, ItemRecord, PartyRecord } from "../types.js";
import { documentTotals } from "../totals.js";
import { slashDate } from "./calendar.js";
import { nextId, stamps, type SeedContext } from "./context.js";
import { SERVICES } from "./names.js";

/** Section header (type 0) sometimes, then one to four regular (type 3) service lines. */
export function seedItems(ctx: SeedContext): ItemRecord[] {
  const { random, books } = ctx;
  const items: ItemRecord[] = [];
  if (random.chance(0.15)) items.push({ id: nextId(books, "item"), title: "Services", quantity: 0, price: 0, taxable: false, item_type: 0 });
  for (let i = 0, n = random.int(1, 4); i < n; i++) {
    const [title, low, high] = random.pick(SERVICES);
    const hourly = title === "Consulting hours";
    items.push({
      id: nextId(books, "item"), title, quantity: hourly ? random.int(2, 24) / 2 : random.int(1, 2), price: random.amount(low, high),
      taxable: random.chance(0.5), item_type: 3,
    });
  }
  return items;
}

/** The fields invoices and estimates share, with totals computed from `items`. */
export function documentFields(ctx: SeedContext, client: PartyRecord, day: string, number: string, status: number, items: ItemRecord[]): DocumentRecord {
  const taxed = Number(client.zip ?? 0) % 2 === 1;
  const terms = { tax: taxed ? 8.5 : 0, tax2: 0, tax3: 0, compound_tax: false };
  const project = ctx.books.projects.find((p) => p.client_id === client.id);
  return {
    id: 0, ...stamps(ctx, day, 5), number, title: project && ctx.random.chance(0.4) ? project.name : null, date: slashDate(day), client_id: client.id,
    project_id: project?.id ?? null, note: null, po: ctx.random.chance(0.2) ? `PO-${ctx.random.int(1000, 9999)}` : null, summary: null, status, currency_code: "USD",
    ...terms, tax_label: taxed ? "Sales tax" : null, tax2_label: null, tax3_label: null, ...documentTotals(items, terms),
  };
}

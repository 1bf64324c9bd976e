import { refreshStock } from "../stock.js";
import type { XeroBooks } from "../types.js";
import type { SeededContact } from "./contacts.js";
import type { SeedContext } from "./context.js";

/** IsCustomer / IsSupplier follow the documents a contact appears on. */
function markRoles(books: XeroBooks): void {
  const customers = new Set<string>(), suppliers = new Set<string>();
  for (const i of books.invoices) (i.Type === "ACCREC" ? customers : suppliers).add(i.Contact.ContactID);
  for (const c of books.creditNotes) (c.Type === "ACCRECCREDIT" ? customers : suppliers).add(c.Contact.ContactID);
  for (const q of books.quotes) customers.add(q.Contact.ContactID);
  for (const p of books.purchaseOrders) suppliers.add(p.Contact.ContactID);
  for (const c of books.contacts) {
    c.IsCustomer = customers.has(c.ContactID);
    c.IsSupplier = suppliers.has(c.ContactID);
  }
}

function lastActivity(books: XeroBooks, contactId: string): string {
  const stamps = books.invoices.filter((i) => i.Contact.ContactID === contactId).map((i) => i.UpdatedDateUTC);
  return stamps.reduce((a, b) => (b > a ? b : a), "");
}

function archive(ctx: SeedContext, roster: SeededContact[]): void {
  for (const { contact, archived } of roster) {
    const created = ctx.history(contact.ContactID, ctx.start, "Created", `Contact ${contact.Name} created.`);
    contact.UpdatedDateUTC = created;
    if (!archived) continue;
    const after = (lastActivity(ctx.books, contact.ContactID) || created).slice(0, 10);
    contact.ContactStatus = "ARCHIVED";
    contact.UpdatedDateUTC = ctx.history(contact.ContactID, ctx.dateBetween(after, ctx.today), "Archived", `Contact ${contact.Name} archived.`);
  }
}

function byDate<T extends { Date: string }>(records: T[]): void {
  records.sort((a, b) => (a.Date < b.Date ? -1 : a.Date > b.Date ? 1 : 0));
}

export function finaliseBooks(ctx: SeedContext, roster: SeededContact[]): void {
  const books = ctx.books;
  markRoles(books);
  archive(ctx, roster);
  refreshStock(books);
  for (const list of [books.invoices, books.creditNotes, books.payments, books.quotes, books.purchaseOrders, books.bankTransactions, books.bankTransfers]) {
    byDate<{ Date: string }>(list);
  }
}

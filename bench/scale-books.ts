import { randomUUID } from "node:crypto";
import type { XeroBooks, XeroInvoice } from "../connectors/xero/sandbox/books/types.js";

const DAY_MS = 86_400_000;

/**
 * Grows the Xero sandbox's books to `documents` invoices and bills: after the seeded ones (≈1,000),
 * authorised sales invoices copied from seeded ones (their contacts, lines, accounts and tax), each
 * with its own id, number and line ids, no payments, dated evenly over the last 18 months and stamped
 * in the past (so pollers' cursors stay behind the clock). Fewer than the seeded count changes nothing.
 * Returns how many it added.
 */
export function growInvoices(books: XeroBooks, documents: number, now = new Date()): number {
  const templates = books.invoices.filter((i) => i.Type === "ACCREC" && ["AUTHORISED", "PAID"].includes(i.Status) && i.LineItems.length > 0);
  const extra = Math.max(0, documents - books.invoices.length);
  const from = now.getTime() - 540 * DAY_MS;
  const to = now.getTime() - DAY_MS;
  for (let k = 0; k < extra; k++) {
    const template = templates[k % templates.length]!;
    const at = new Date(from + Math.floor(((to - from) * k) / Math.max(1, extra)));
    const copy: XeroInvoice = {
      ...template,
      InvoiceID: randomUUID(),
      InvoiceNumber: `INV-${String(++books.sequences.INV).padStart(4, "0")}`,
      Reference: `Scale ${k}`,
      Date: at.toISOString().slice(0, 10),
      DueDate: new Date(at.getTime() + 30 * DAY_MS).toISOString().slice(0, 10),
      Status: "AUTHORISED",
      LineItems: template.LineItems.map((line) => ({ ...line, LineItemID: randomUUID() })),
      AmountDue: template.Total,
      AmountPaid: 0,
      AmountCredited: 0,
      Payments: [],
      CreditNotes: [],
      UpdatedDateUTC: at.toISOString(),
    };
    delete copy.FullyPaidOnDate;
    books.invoices.push(copy);
  }
  return extra;
}

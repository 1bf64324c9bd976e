import { createPrng } from "./prng.js";
import { journalAccounts, journalCats, taxes, treasuries } from "./seed/chart.js";
import { seedCash } from "./seed/cash.js";
import { holdStampsAt, seedInstant } from "./seed/clock.js";
import { seedDocuments, type SeedContext } from "./seed/documents.js";
import { parties, products } from "./seed/parties.js";
import { postJournals } from "./journals.js";
import { addDays } from "./totals.js";
import type { DaftraBooks } from "./types.js";

export const SEED_DAYS = 548;

/**
 * Deterministic demo books ending on `today`: same seed, day and clock ⇒ deep-equal books. `now` is
 * the sandbox clock when seeding: no record is stamped later (held within `today`; default its end).
 */
export function seedBooks(seed: number, today: string, now?: Date | string): DaftraBooks {
  const rng = createPrng(seed);
  const start = addDays(today, -SEED_DAYS);
  const created = `${start} 09:00:00`;
  const books: DaftraBooks = {
    site: {
      id: 4000 + (seed % 1000),
      business_name: "Nakheel Office Solutions",
      subdomain: "nakheel.daftra.com",
      country_code: "SA",
      currency_code: "SAR",
      date_format: "dd/mm/yyyy",
      timezone: "Asia/Riyadh",
    },
    clients: parties(rng, 40, "C", created),
    suppliers: parties(rng, 15, "S", created),
    products: products(rng, created),
    taxes: taxes(),
    treasuries: treasuries(),
    journalCats: journalCats(),
    journalAccounts: journalAccounts(),
    invoices: [], estimates: [], creditNotes: [], purchaseInvoices: [],
    invoicePayments: [], purchasePayments: [], expenses: [], journals: [], stockTransactions: [], notes: [],
    nextId: {},
  };
  const ctx: SeedContext = { rng, books, start, today, span: SEED_DAYS };
  seedDocuments(ctx, { invoices: 400, estimates: 60, creditNotes: 20, bills: 120 });
  seedCash(ctx, { expenses: 150, incomes: 30 });
  postJournals(books, { date: start, amount: "250000.00" });
  return holdStampsAt(books, seedInstant(today, now));
}

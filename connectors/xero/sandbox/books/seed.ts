import { SeedContext } from "./seed/context.js";
import { seedAccounts } from "./seed/chart.js";
import { monthsBetween } from "./seed/calendar.js";
import { seedContacts, seedParty } from "./seed/contacts.js";
import { seedItems } from "./seed/items.js";
import { seedOrganisation } from "./seed/organisation.js";
import { seedTaxRates, seedTrackingCategories } from "./seed/settings.js";
import { seedBills, seedRestock, seedSalesInvoices } from "./seed/invoices.js";
import { seedQuotes } from "./seed/quotes.js";
import { seedPurchaseOrders } from "./seed/purchase-orders.js";
import { seedMonthlyBanking, seedOpeningBanking } from "./seed/banking.js";
import { seedTransfers } from "./seed/transfers.js";
import { finaliseBooks } from "./seed/finalise.js";
import { holdStampsAt, seedInstant } from "./seed/clock.js";
import { Stock } from "./seed/lines.js";
import type { XeroBooks } from "./types.js";

export interface SeedOptions {
  seed: number;
  /** "YYYY-MM-DD"; the books hold 18 months of trading ending on this day. */
  today: string;
  /**
   * The sandbox clock when seeding (ISO instant): no seeded timestamp is later. Held within `today`;
   * default the end of `today`.
   */
  now?: string | Date;
}

function emptyBooks(): XeroBooks {
  return {
    tenantId: "", organisation: undefined as never, accounts: [], taxRates: [], trackingCategories: [], contacts: [], items: [],
    invoices: [], creditNotes: [], payments: [], quotes: [], purchaseOrders: [], bankTransactions: [], bankTransfers: [],
    history: {}, sequences: { INV: 0, QU: 0, PO: 0, CN: 0 },
  };
}

/** Deterministic demo books: the same seed, today and now always give deep-equal books. */
export function seedBooks(opts: SeedOptions): XeroBooks {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.today)) throw new Error(`seedBooks: today must be YYYY-MM-DD, got ${opts.today}`);
  const books = emptyBooks();
  const ctx = new SeedContext(opts.seed, opts.today, books);
  books.tenantId = ctx.guid();
  books.organisation = seedOrganisation(ctx, books.tenantId);
  books.accounts = seedAccounts(ctx);
  books.taxRates = seedTaxRates();
  books.trackingCategories = seedTrackingCategories(ctx);
  const roster = seedContacts(ctx);
  const parties = ["Alex Morgan", "Summit Payroll Services", "Market Street Properties", "First Cascade Bank", "Columbia Equipment Finance"]
    .map((name, i) => seedParty(ctx, name, roster.length + i));
  const [owner, payroll, landlord, bank, lender] = parties as [typeof parties[0], typeof parties[0], typeof parties[0], typeof parties[0], typeof parties[0]];
  books.contacts = [...roster.map((r) => r.contact), ...parties];
  books.items = seedItems(ctx);

  const customers = roster.filter((r) => r.role !== "supplier");
  const suppliers = roster.filter((r) => r.role !== "customer");
  const stockSupplier = suppliers.find((s) => !s.archived)!.contact;
  const stock = new Stock();
  seedOpeningBanking(ctx, owner, lender);
  monthsBetween(ctx.start, ctx.today).forEach((window, index) => {
    seedRestock(ctx, window, stockSupplier, stock);
    seedSalesInvoices(ctx, window, customers, stock);
    seedBills(ctx, window, suppliers);
    seedQuotes(ctx, window, customers);
    seedPurchaseOrders(ctx, window, suppliers);
    seedMonthlyBanking(ctx, window, { owner, payroll, landlord, bank, lender, customers: customers.filter((c) => !c.archived).map((c) => c.contact) });
    seedTransfers(ctx, window, index);
  });
  finaliseBooks(ctx, [...roster, ...parties.map((contact) => ({ contact, role: "supplier" as const, archived: false }))]);
  return holdStampsAt(books, seedInstant(opts.today, opts.now));
}

/** New clients, payments on invoices that are owed, and everyday expenses. */
import { Decimal } from "decimal.js";
import { EXPENSE_CATEGORIES } from "../../books/seed/chart.js";
import { VENDORS } from "../../books/seed/cash.js";
import { CITIES, FIRST, LAST, TRADES } from "../../books/seed/parties.js";
import { addDays, docTotals, paymentsOf, settlement } from "../../books/totals.js";
import { ACTIVE_METHODS, createInvoicePayment, createParty, peekRowId, saveCash } from "../../books/writes/index.js";
import { recorded, type ActivityAction } from "../types.js";

/** How far back unpaid invoices still get paid, in days. */
const COLLECTION_WINDOW = 180;

export const newClient: ActivityAction = {
  name: "new client",
  weight: 6,
  run({ books, rng, now }) {
    const [first, last] = [rng.pick(FIRST), rng.pick(LAST)];
    const business = rng.chance(0.7);
    const [city, state] = rng.pick(CITIES);
    const id = peekRowId(books, "client", books.clients);
    const client = {
      type: business ? 3 : 2, first_name: first, last_name: last,
      ...(business ? { business_name: `${last} ${rng.pick(TRADES)} Co.`, bn1: `${rng.int(300_000_000, 399_999_999)}00003` } : {}),
      email: `${first}.${last}${id}@c.example`.toLowerCase(), phone1: `+9665${rng.int(10_000_000, 99_999_999)}`,
      address1: `${rng.int(1, 400)} Olaya Street`, city, state, postal_code: String(rng.int(11_000, 34_999)),
    };
    return recorded("created", "client", createParty(books, "client", client, now));
  },
};

/** A payment on an issued invoice that is still owed: the rest of it, or a part. */
export const payInvoice: ActivityAction = {
  name: "payment",
  weight: 16,
  run({ books, rng, now, today }) {
    const since = addDays(today, -COLLECTION_WINDOW);
    const owed = books.invoices
      .filter((i) => !i.draft && i.date >= since && i.date <= today)
      .map((invoice) => ({ invoice, unpaid: new Decimal(settlement(docTotals(invoice, books).total, paymentsOf(invoice, books.invoicePayments)).unpaid) }))
      .filter(({ unpaid }) => unpaid.gt(0));
    if (!owed.length) return undefined;
    const { invoice, unpaid } = rng.pick(owed);
    const part = unpaid.times(rng.int(20, 80)).dividedBy(100).toDecimalPlaces(2);
    const amount = rng.chance(0.6) || part.lte(0) ? unpaid : part;
    const method = rng.pick(ACTIVE_METHODS);
    const payment = {
      invoice_id: invoice.id, amount: amount.toFixed(2), payment_method: method, date: today,
      treasury_id: rng.pick(books.treasuries.filter((t) => t.type === (method === "cash" ? 3 : 1))).id,
      ...(method === "cash" ? {} : { transaction_id: `TRX-${rng.int(100_000, 999_999)}` }),
    };
    return recorded("created", "invoice_payment", createInvoicePayment(books, payment, now));
  },
};

export const newExpense: ActivityAction = {
  name: "new expense",
  weight: 12,
  run({ books, rng, now, today }) {
    const [category] = rng.pick(EXPENSE_CATEGORIES);
    const taxed = rng.chance(0.6);
    const expense = {
      amount: (rng.int(2_000, 300_000) / 100).toFixed(2), vendor: rng.pick(VENDORS), category, date: today,
      note: `${category} ${today.slice(0, 7)}`, treasury_id: rng.chance(0.7) ? 1 : 2, ...(taxed ? { tax1_id: 1 } : {}),
    };
    return recorded("created", "expense", saveCash(books, false, expense, now));
  },
};

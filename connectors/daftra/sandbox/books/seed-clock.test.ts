import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { createDaftraSandbox } from "../server.js";
import { seededBooks } from "../state/seed-cache.js";
import { seedBooks } from "./seed.js";
import { docTotals, paymentsOf, settlement } from "./totals.js";
import type { DaftraBooks } from "./types.js";
import { editParty } from "./writes/parties.js";
import { createInvoicePayment, deleteInvoicePayment } from "./writes/payments.js";
import { saveDocument } from "./writes/documents.js";
import { touched } from "./writes/outcome.js";

const SEED = 7;
const TODAY = "2026-11-22";
/** A morning clock: the seed gives some of today's documents and payments times up to 17:59. */
const MORNING = new Date("2026-11-22T06:00:00Z");
const HELD = "2026-11-22 06:00:00";
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/;

const instantOf = (value: string) => Date.parse(/[zZ]$/.test(value) ? value : `${value.replace(" ", "T")}Z`);
const after = (value: string, instant: Date) => instantOf(value) > instant.getTime();

/** Every date-time anywhere in the books, walked generically, with where it sits. */
function dateTimes(value: unknown, path = "", out: Array<[string, string]> = []): Array<[string, string]> {
  if (Array.isArray(value)) value.forEach((v, i) => dateTimes(v, `${path}[${i}]`, out));
  else if (value && typeof value === "object") for (const [key, v] of Object.entries(value)) dateTimes(v, `${path}.${key}`, out);
  else if (typeof value === "string" && DATE_TIME.test(value)) out.push([path, value]);
  return out;
}

/** Leaves that differ between two books of the same shape. */
function differences(a: unknown, b: unknown, path = "", out: Array<[string, unknown, unknown]> = []): Array<[string, unknown, unknown]> {
  if (a && b && typeof a === "object" && typeof b === "object" && Array.isArray(a) === Array.isArray(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`, out);
  } else if (a !== b) out.push([path, a, b]);
  return out;
}

/** Every row of every table that has a `created` or `modified`. */
const stampedRows = (books: DaftraBooks) =>
  Object.values(books).filter(Array.isArray).flat().filter((row): row is { created: string; modified?: string } => typeof row?.created === "string");

describe("seeding at the sandbox clock", () => {
  const unheld = seedBooks(SEED, TODAY);
  const books = seedBooks(SEED, TODAY, MORNING);

  it("stamps no row of any table later than the clock the books are seeded at", () => {
    expect(dateTimes(unheld).some(([, v]) => after(v, MORNING))).toBe(true);
    expect(dateTimes(books).filter(([, v]) => after(v, MORNING))).toEqual([]);
  });

  it("changes nothing else: later stamps are held at the clock, everything else is as seeded", () => {
    const changed = differences(unheld, books);
    expect(changed.length).toBeGreaterThan(0);
    for (const [path, before, now] of changed) expect({ path, before: after(before as string, MORNING), now }).toEqual({ path, before: true, now: HELD });
    expect(seedBooks(SEED, TODAY, MORNING)).toEqual(books);
  });

  it("keeps every row's created at or before its modified", () => {
    for (const row of stampedRows(books)) if (row.modified !== undefined) expect(row.created <= row.modified).toBe(true);
  });

  it("hands out the same books from the seed cache as seeding at that clock", () => {
    expect(seededBooks(SEED, TODAY, MORNING)).toEqual(books);
    expect(seededBooks(SEED, TODAY)).toEqual(unheld);
  });

  it("is how a sandbox started at that clock seeds its books", async () => {
    const sandbox = await createDaftraSandbox({ seed: SEED, now: () => MORNING });
    try {
      expect(sandbox.books).toEqual(books);
    } finally {
      await sandbox.close();
    }
  });
});

describe("writes at the sandbox clock", () => {
  const books = () => seedBooks(SEED, TODAY, MORNING);

  it("moves a paid invoice's modified forward to the write's time", () => {
    const copy = books();
    const invoice = copy.invoices.find((i) => !i.draft && new Decimal(settlement(docTotals(i, copy).total, paymentsOf(i, copy.invoicePayments)).unpaid).gt(1))!;
    expect(invoice.modified < HELD).toBe(true);
    const paid = createInvoicePayment(copy, { invoice_id: invoice.id, amount: "1.00", payment_method: "cash" }, MORNING);
    expect(paid).toHaveProperty("id");
    expect(invoice.modified).toBe(HELD);

    const client = copy.clients[0]!;
    expect(editParty(copy, "client", client.id, { city: "Jeddah" }, MORNING)).toEqual({ id: client.id });
    expect(client).toMatchObject({ city: "Jeddah", modified: HELD });
  });

  it("never moves a row's modified backwards, even one stamped after the clock", () => {
    const copy = books();
    const later = "2026-11-22 14:36:00"; // as in books saved before seeding was held at the clock
    const invoice = copy.invoices.find((i) => !i.draft && copy.invoicePayments.some((p) => p.document_id === i.id && p.status === 1))!;
    invoice.modified = later;
    const payment = copy.invoicePayments.find((p) => p.document_id === invoice.id && p.status === 1)!;
    deleteInvoicePayment(copy, payment.id, MORNING);
    expect(invoice.modified).toBe(later);

    const estimate = copy.estimates.find((e) => e.status !== "3")!;
    estimate.modified = later;
    const saved = saveDocument(copy, "estimate", {
      Estimate: { client_id: estimate.party_id, date: estimate.date },
      InvoiceItem: estimate.lines.map((l) => ({ product_id: l.product_id, item: l.item, unit_price: l.unit_price, quantity: l.quantity })),
    }, MORNING, estimate);
    expect(saved).toEqual({ id: estimate.id });
    expect(copy.estimates.find((e) => e.id === estimate.id)!.modified).toBe(later);

    expect(touched(undefined, MORNING)).toBe(HELD);
    expect(touched("2026-11-21 09:00:00", MORNING)).toBe(HELD);
  });
});

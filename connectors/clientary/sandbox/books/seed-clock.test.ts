import { describe, expect, it } from "vitest";
import { createClientarySandbox } from "../server.js";
import { invoiceView } from "./invoice-view.js";
import { seedBooks } from "./seed.js";
import type { ClientaryBooks } from "./types.js";
import { touched } from "./writes/fields.js";
import { updateEstimate } from "./writes/estimates.js";
import { updateParty } from "./writes/clients.js";
import { addPayment, deletePayment } from "./writes/payments.js";
import { sendMessage } from "./writes/messages.js";

const SEED = 11;
const TODAY = "2026-11-22";
/** A morning clock: the seed gives some of today's clients, invoices, payments and estimates times up to 17:59. */
const MORNING = new Date("2026-11-22T06:00:00Z");
const HELD = "2026-11-22T06:00:00Z";
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/;

const after = (value: string, instant: Date) => Date.parse(value) > instant.getTime();

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

/** Every record of every collection that has a `created_at`. */
const stampedRecords = (books: ClientaryBooks) =>
  Object.values(books).filter(Array.isArray).flat().filter((r): r is { created_at: string; updated_at: string } => typeof r?.created_at === "string");

describe("seeding at the sandbox clock", () => {
  const unheld = seedBooks(SEED, TODAY);
  const books = seedBooks(SEED, TODAY, MORNING);

  it("stamps no record of any collection later than the clock the books are seeded at", () => {
    expect(dateTimes(unheld).some(([, v]) => after(v, MORNING))).toBe(true);
    expect(dateTimes(books).filter(([, v]) => after(v, MORNING))).toEqual([]);
  });

  it("changes nothing else: later stamps are held at the clock, everything else is as seeded", () => {
    const changed = differences(unheld, books);
    expect(changed.length).toBeGreaterThan(0);
    for (const [path, before, now] of changed) expect({ path, before: after(before as string, MORNING), now }).toEqual({ path, before: true, now: HELD });
    expect(seedBooks(SEED, TODAY, MORNING)).toEqual(books);
  });

  it("keeps every record's created_at at or before its updated_at", () => {
    const records = stampedRecords(books);
    expect(records.length).toBeGreaterThan(500);
    for (const r of records) expect(Date.parse(r.created_at) <= Date.parse(r.updated_at)).toBe(true);
  });

  it("is how a sandbox started at that clock seeds its books", async () => {
    const sandbox = await createClientarySandbox({ seed: SEED, now: () => MORNING });
    try {
      expect(sandbox.books).toEqual(books);
    } finally {
      await sandbox.close();
    }
  });
});

describe("writes at the sandbox clock", () => {
  const books = () => seedBooks(SEED, TODAY, MORNING);

  it("moves a written record's updated_at forward to the write's time", () => {
    const copy = books();
    const invoice = copy.invoices.find((i) => [1, 2].includes(i.status) && invoiceView(copy, i).balance > 1)!;
    expect(Date.parse(invoice.updated_at)).toBeLessThan(MORNING.getTime());
    addPayment(copy, invoice, { amount: 1 }, MORNING);
    expect(invoice.updated_at).toBe(HELD);

    const client = copy.clients.find((c) => Date.parse(c.updated_at) < MORNING.getTime())!;
    updateParty(copy, client, { city: "Portland" }, MORNING);
    expect(client).toMatchObject({ city: "Portland", updated_at: HELD });
  });

  it("never moves a record's updated_at backwards, even one stamped after the clock", () => {
    const copy = books();
    const later = "2026-11-22T12:24:00Z"; // as in books saved before seeding was held at the clock
    const invoice = copy.invoices.find((i) => copy.payments.some((p) => p.invoice_id === i.id))!;
    invoice.updated_at = later;
    deletePayment(copy, invoice, copy.payments.find((p) => p.invoice_id === invoice.id)!.id, MORNING);
    expect(invoice.updated_at).toBe(later);
    sendMessage(copy, "invoice", invoice, { recipients: "billing@example.com" }, MORNING);
    expect(invoice.updated_at).toBe(later);

    const estimate = copy.estimates.find((e) => e.status === 0 || e.status === 1)!;
    estimate.updated_at = later;
    updateEstimate(copy, estimate, { note: "Revised" }, MORNING);
    expect(estimate).toMatchObject({ note: "Revised", updated_at: later });

    expect(touched(undefined, MORNING)).toBe(HELD);
    expect(touched("2026-11-21T09:00:00Z", MORNING)).toBe(HELD);
  });
});

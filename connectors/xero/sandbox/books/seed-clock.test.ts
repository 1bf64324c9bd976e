import { describe, expect, it } from "vitest";
import { createXeroSandbox } from "../server.js";
import { seededBooks } from "../state/seed-cache.js";
import { seedBooks } from "./seed.js";
import { touchedAt } from "./touch.js";
import type { XeroBooks } from "./types.js";
import { writeContacts, writePayments, writeQuotes } from "./writes/index.js";

const SEED = 42;
const TODAY = "2026-11-22";
/** A morning clock: the seed gives some of today's records later times of day (a quote at 05:47). */
const MORNING = "2026-11-22T05:00:00.000Z";
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Every date-time anywhere in the books, walked generically, with where it sits. */
function dateTimes(value: unknown, path = "", out: Array<[string, string]> = []): Array<[string, string]> {
  if (Array.isArray(value)) value.forEach((v, i) => dateTimes(v, `${path}[${i}]`, out));
  else if (value && typeof value === "object") for (const [key, v] of Object.entries(value)) dateTimes(v, `${path}.${key}`, out);
  else if (typeof value === "string" && DATE_TIME.test(value)) out.push([path, value]);
  return out;
}

/** Leaves that differ between two books of the same shape (a changed shape counts as a difference at its path). */
function differences(a: unknown, b: unknown, path = "", out: Array<[string, unknown, unknown]> = []): Array<[string, unknown, unknown]> {
  if (a && b && typeof a === "object" && typeof b === "object" && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`, out);
  } else if (a !== b) out.push([path, a, b]);
  return out;
}

const after = (stamp: string, instant: string) => Date.parse(stamp) > Date.parse(instant);

describe("seeding at the sandbox clock", () => {
  const unheld = seedBooks({ seed: SEED, today: TODAY });
  const books = seedBooks({ seed: SEED, today: TODAY, now: MORNING });

  it("stamps no record, history entry or organisation later than the clock the books are seeded at", () => {
    expect(dateTimes(unheld).some(([, v]) => after(v, MORNING))).toBe(true);
    expect(dateTimes(books).filter(([, v]) => after(v, MORNING))).toEqual([]);
  });

  it("changes nothing else: later stamps are held at the clock, everything else is as seeded", () => {
    const changed = differences(unheld, books);
    expect(changed.length).toBeGreaterThan(0);
    for (const [path, before, now] of changed) expect({ path, before: after(before as string, MORNING), now }).toEqual({ path, before: true, now: MORNING });
    expect(seedBooks({ seed: SEED, today: TODAY, now: MORNING })).toEqual(books);
  });

  it("keeps each record's history in time order, ending at its UpdatedDateUTC", () => {
    for (const records of Object.values(books.history)) {
      const stamps = records.map((r) => r.DateUTC);
      expect(stamps).toEqual([...stamps].sort());
    }
    for (const quote of books.quotes) expect(books.history[quote.QuoteID]!.at(-1)!.DateUTC).toBe(quote.UpdatedDateUTC);
  });

  it("hands out the same books from the seed cache as seeding at that clock", () => {
    expect(seededBooks(SEED, TODAY, MORNING)).toEqual(books);
    expect(seededBooks(SEED, TODAY)).toEqual(unheld);
  });

  it("is how a sandbox started at that clock seeds its books", async () => {
    const sandbox = await createXeroSandbox({ seed: SEED, now: () => new Date(MORNING) });
    try {
      expect(sandbox.books).toEqual(books);
    } finally {
      await sandbox.close();
    }
  });

  it("holds the clock within today: a later clock leaves the day's stamps, an earlier one holds them at its start", () => {
    expect(seedBooks({ seed: SEED, today: TODAY, now: "2026-11-23T03:00:00Z" })).toEqual(unheld);
    const early = seedBooks({ seed: SEED, today: TODAY, now: "2026-11-21T20:00:00Z" });
    expect(dateTimes(early).filter(([, v]) => after(v, `${TODAY}T00:00:00.000Z`))).toEqual([]);
    expect(early.invoices.map((i) => i.Total)).toEqual(unheld.invoices.map((i) => i.Total));
  });
});

describe("writes at the sandbox clock", () => {
  const books = (): XeroBooks => seedBooks({ seed: SEED, today: TODAY, now: MORNING });
  const upsert = { now: MORNING, mode: "upsert" } as const;

  it("moves a written record's UpdatedDateUTC forward to the write's time", () => {
    const copy = books();
    const contact = copy.contacts.find((c) => c.ContactStatus === "ACTIVE")!;
    const previous = contact.UpdatedDateUTC;
    expect(after(MORNING, previous)).toBe(true);
    const [result] = writeContacts(copy, [{ ContactID: contact.ContactID, Name: `${contact.Name} Ltd` }], upsert);
    expect(result).toMatchObject({ ok: true, record: { UpdatedDateUTC: MORNING } });

    const invoice = copy.invoices.find((i) => i.Type === "ACCREC" && i.Status === "AUTHORISED" && i.AmountDue > 1)!;
    expect(after(MORNING, invoice.UpdatedDateUTC)).toBe(true);
    writePayments(copy, [{ Invoice: { InvoiceID: invoice.InvoiceID }, Account: { Code: "090" }, Date: TODAY, Amount: 1 }], upsert);
    expect(invoice.UpdatedDateUTC).toBe(MORNING);
  });

  it("never moves a record's UpdatedDateUTC backwards, even one stamped after the clock", () => {
    const copy = books();
    const quote = copy.quotes.find((q) => q.UpdatedDateUTC === MORNING && q.Status === "SENT")!;
    const [held] = writeQuotes(copy, [{ QuoteID: quote.QuoteID, Status: "ACCEPTED" }], upsert);
    expect(held).toMatchObject({ ok: true, record: { Status: "ACCEPTED", UpdatedDateUTC: MORNING } });

    const later = "2026-11-22T05:47:18.470Z"; // as in books saved before seeding was held at the clock
    quote.UpdatedDateUTC = later;
    writeQuotes(copy, [{ QuoteID: quote.QuoteID, Status: "INVOICED" }], upsert);
    expect(quote).toMatchObject({ Status: "INVOICED", UpdatedDateUTC: later });
    expect(touchedAt(undefined, MORNING)).toBe(MORNING);
    expect(touchedAt("2026-11-21T09:00:00.000Z", MORNING)).toBe(MORNING);
  });
});

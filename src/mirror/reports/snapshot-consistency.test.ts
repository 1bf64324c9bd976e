import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MirrorStore } from "../mirror-store.js";
import { openMirrorStore, type MirrorLocation } from "../open-mirror-store.js";
import { loadMirrorBooks } from "./mirror-books.js";
import { fillMirror } from "./testing/fill-mirror.js";

/**
 * The books a report reads come from ONE moment of the mirror, even while detection commits the
 * same organization's entities one after another. A writer commits generation k of the invoices,
 * then generation k of the payments, over and over; a report's books must hold invoices of one
 * generation k and payments of k - 1 or k (a state the database really passed through), never
 * payments from a later generation than the invoices read before them.
 */
const PG_URLS = ["postgres://postgres@127.0.0.1:5432/test", "postgres://root@127.0.0.1:5432/test"];

async function reachablePostgres(): Promise<string | undefined> {
  const reasons: string[] = [];
  for (const url of PG_URLS) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      return url;
    } catch (error) {
      reasons.push(`${url}: ${(error as Error).message}`);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  console.warn(`PostgreSQL unreachable, skipping the report snapshot case on PostgreSQL (${reasons.join("; ")})`);
  return undefined;
}

const pgUrl = await reachablePostgres();
const pgSchema = `mirror_reports_${randomBytes(6).toString("hex")}`;
const backends: Array<{ name: string; location?: MirrorLocation; dropSchema?: string }> = [
  { name: "sqlite", location: { kind: "sqlite", file: ":memory:" } },
  { name: "postgres", ...(pgUrl ? { location: { kind: "postgres", url: pgUrl, schema: pgSchema }, dropSchema: pgSchema } : {}) },
];

const ORG = "org-snapshot";
const RECORDS = 150;
const generation = (k: number) => ({
  invoices: Array.from({ length: RECORDS }, (_, i) => ({ remoteId: `i${i}`, issueDate: "2026-01-01", status: "AUTHORISED", total: "10.00", reference: `gen ${k}` })),
  payments: Array.from({ length: RECORDS }, (_, i) => ({ remoteId: `p${i}`, date: "2026-01-02", status: "AUTHORISED", amount: "10.00", reference: `gen ${k}` })),
});
const generationsOf = (records: Array<{ reference?: string | null }>) => new Set(records.map((r) => Number(r.reference!.slice(4))));

describe.each(backends)("report books on $name", ({ location, dropSchema }) => {
  let store: MirrorStore;
  beforeAll(async () => {
    if (!location) return;
    store = await openMirrorStore(location);
    const first = generation(0);
    await fillMirror(store, ORG, "Invoice", first.invoices);
    await fillMirror(store, ORG, "Payment", first.payments);
  });
  afterAll(async () => {
    await store?.close();
    if (dropSchema && pgUrl) {
      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      await client.query(`drop schema if exists "${dropSchema}" cascade`).finally(() => client.end());
    }
  });

  it.skipIf(!location)("each report's books are one moment while the same organization's entities are committed one after another", async () => {
    let writing = true;
    let written = 0;
    const writer = (async () => {
      for (let k = 1; writing; k++) {
        const next = generation(k);
        await fillMirror(store, ORG, "Invoice", next.invoices);
        await fillMirror(store, ORG, "Payment", next.payments);
        written = k;
        // better-sqlite3 answers synchronously: without a turn of the event loop, timers would starve.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const seen: number[] = [];
    try {
      // Reads until they have seen the writer move on a few times (each round gives the writer a turn).
      for (let round = 0; round < 200 && new Set(seen).size < 4; round++) {
        await new Promise((resolve) => setImmediate(resolve));
        const books = await loadMirrorBooks(store, ORG, ["Invoice", "Payment"]);
        const invoices = generationsOf(await books.all("Invoice"));
        const payments = generationsOf(await books.all("Payment"));
        expect(invoices.size).toBe(1);
        expect(payments.size).toBe(1);
        const [k] = invoices;
        expect([k! - 1, k]).toContain([...payments][0]);
        seen.push(k!);
      }
    } finally {
      writing = false;
      await writer;
    }
    // The writer moved on while the reports read: they saw several generations.
    expect(written).toBeGreaterThan(0);
    expect(new Set(seen).size).toBeGreaterThan(1);
  });
});

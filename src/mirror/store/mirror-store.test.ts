import { MirrorConflictError, recordWithRaw } from "../mirror-store.js";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EntityName } from "../../connector/entities.js";
import { columnsOf } from "../columns.js";
import type { MirrorStore, MirrorWrite, SyncState } from "../mirror-store.js";
import { openMirrorStore, type MirrorLocation } from "../open-mirror-store.js";

/** The same behaviour asserted on both backends, for real: SQLite in a temp folder and PostgreSQL in a schema of its own. */

const PG_URLS = ["postgres://postgres@127.0.0.1:5432/test", "postgres://root@127.0.0.1:5432/test"];

async function reachablePostgres(): Promise<{ url?: string; reason?: string }> {
  let reason = "";
  for (const url of PG_URLS) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query("select 1");
      return { url };
    } catch (error) {
      reason = `${url}: ${(error as Error).message}`;
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  return { reason };
}

const postgres = await reachablePostgres();
if (!postgres.url) console.warn(`PostgreSQL unreachable, skipping the mirror store's PostgreSQL cases (${postgres.reason})`);

interface Backend {
  name: "sqlite" | "postgres";
  available: boolean;
  /** A location for this test file's run (created once). */
  setUp(): Promise<MirrorLocation>;
  tearDown(): Promise<void>;
}

function sqliteBackend(): Backend {
  let dir = "";
  return {
    name: "sqlite",
    available: true,
    async setUp() {
      dir = mkdtempSync(path.join(tmpdir(), "mirror-store-"));
      return { kind: "sqlite", file: path.join(dir, "mirror.sqlite") };
    },
    async tearDown() {
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresBackend(): Backend {
  const schema = `mirror_test_${randomBytes(6).toString("hex")}`;
  return {
    name: "postgres",
    available: postgres.url !== undefined,
    async setUp() {
      return { kind: "postgres", url: postgres.url!, schema };
    },
    async tearDown() {
      const client = new pg.Client({ connectionString: postgres.url! });
      await client.connect();
      try {
        await client.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A plain connection to a backend's database, outside the store, for writing rows in an older shape. */
async function rawConnection(location: MirrorLocation): Promise<{ exec(text: string, params: unknown[]): Promise<void>; close(): Promise<void> }> {
  if (location.kind === "sqlite") {
    const Database = (await import("better-sqlite3")).default;
    const db = new Database(location.file);
    return {
      exec: async (text, params) => {
        db.prepare(text.replace(/\$\d+/g, "?")).run(...params);
      },
      close: async () => {
        db.close();
      },
    };
  }
  const client = new pg.Client({ connectionString: location.url, ...(location.schema ? { options: `-c search_path=${location.schema}` } : {}) });
  await client.connect();
  return {
    exec: async (text, params) => {
      await client.query(text, params);
    },
    close: () => client.end(),
  };
}

const backends: Backend[] = [sqliteBackend(), postgresBackend()];

let seq = 0;
/** A fresh organization id per test: tests share one database per backend. */
const newOrg = () => `org-${++seq}-${randomBytes(4).toString("hex")}`;

function write(entity: EntityName, record: Record<string, unknown>, fingerprint = "v1", ended: MirrorWrite["ended"] = null): MirrorWrite {
  return { remoteId: String(record.remoteId), fingerprint, ended, record, columns: columnsOf(entity, record) };
}

const contact = (remoteId: string, name: string, extra: Record<string, unknown> = {}) => ({ remoteId, name, status: "ACTIVE", phones: [], ...extra });
const invoice = (remoteId: string, issueDate: string | null, extra: Record<string, unknown> = {}) => ({
  remoteId,
  number: `INV-${remoteId}`,
  issueDate,
  status: "AUTHORISED",
  total: "10.00",
  ...extra,
});
const sync = (eventsEmitted = 0): SyncState => ({ eventsEmitted });

describe.each(backends)("mirror store on $name", (backend) => {
  describe.runIf(backend.available)("", () => {
    let location: MirrorLocation;
    let store: MirrorStore;

    beforeAll(async () => {
      location = await backend.setUp();
      store = await openMirrorStore(location);
    });
    afterAll(async () => {
      await store?.close();
      await backend.tearDown();
    });

    const ids = (rows: { remoteId: string }[]) => rows.map((row) => row.remoteId);
    const listIds = async (org: string, entity: EntityName, filter: Parameters<MirrorStore["list"]>[2]["filter"] = {}) =>
      ids((await store.list(org, entity, { filter, first: 1000 })).rows);

    it("opens an already migrated database again without changing it, and sees the same rows", async () => {
      const org = newOrg();
      await store.commit(org, "Contact", { upserts: [write("Contact", contact("c1", "Acme"))], removals: [], sync: sync(3) });
      const again = await openMirrorStore(location);
      try {
        expect(again.kind).toBe(backend.name);
        expect(await again.knownIds(org, "Contact")).toEqual(["c1"]);
        expect(await again.loadSync(org, "Contact")).toEqual({ ...sync(3), revision: 0 });
      } finally {
        await again.close();
      }
      // A third open after the second closed: still one applied migration, nothing re-run.
      const third = await openMirrorStore(location);
      await third.close();
      expect(await store.knownIds(org, "Contact")).toEqual(["c1"]);
    });

    it("commits records and sync state; known, knownIds, getMany and loadSync read them back", async () => {
      const org = newOrg();
      expect(await store.loadSync(org, "Invoice")).toBeUndefined();
      const state: SyncState = { baselineAt: "2024-01-01T00:00:00.000Z", cursor: "2024-01-02T00:00:00.000Z", eventsEmitted: 2, backfill: { offset: 100, startedAt: "2024-01-01T00:00:00.000Z" } };
      await store.commit(org, "Invoice", {
        upserts: [write("Invoice", invoice("i1", "2024-01-01"), "f1"), write("Invoice", invoice("i2", "2024-01-02"), "f2", "VOIDED")],
        removals: [],
        sync: state,
      });
      expect(await store.loadSync(org, "Invoice")).toEqual({ ...state, revision: 0 });
      expect(await store.loadSync(org, "Bill")).toBeUndefined();
      const known = await store.known(org, "Invoice", ["i1", "i2", "nope"]);
      expect([...known.entries()].sort()).toEqual([
        ["i1", { fingerprint: "f1", ended: null }],
        ["i2", { fingerprint: "f2", ended: "VOIDED" }],
      ]);
      expect(await store.knownIds(org, "Invoice")).toEqual(["i1", "i2"]);
      expect(await store.knownIds(org, "Bill")).toEqual([]);
      expect(await store.knownIds(newOrg(), "Invoice")).toEqual([]);
      const [missing, second, first] = await store.getMany(org, "Invoice", ["zz", "i2", "i1"]);
      expect(missing).toBeNull();
      expect(second).toMatchObject({ remoteId: "i2", fingerprint: "f2", ended: "VOIDED", record: invoice("i2", "2024-01-02") });
      expect(first?.record).toEqual(invoice("i1", "2024-01-01"));
      expect(Number.isNaN(Date.parse(first!.writtenAt))).toBe(false);
      // The same id twice in one commit: the last write wins.
      await store.commit(org, "Invoice", { upserts: [write("Invoice", invoice("i3", "2024-01-03"), "a"), write("Invoice", invoice("i3", "2024-01-04"), "b")], removals: [], sync: state });
      expect((await store.known(org, "Invoice", ["i3"])).get("i3")?.fingerprint).toBe("b");
    });

    it("answers known for thousands of ids", async () => {
      const org = newOrg();
      const writes = Array.from({ length: 2500 }, (_, i) => write("Contact", contact(`c${i}`, `Name ${i}`), `f${i}`));
      await store.commit(org, "Contact", { upserts: writes, removals: [], sync: sync() });
      const asked = [...writes.map((w) => w.remoteId), ...Array.from({ length: 600 }, (_, i) => `missing${i}`)];
      const known = await store.known(org, "Contact", asked);
      expect(known.size).toBe(2500);
      expect(known.get("c2499")).toEqual({ fingerprint: "f2499", ended: null });
      expect((await store.knownIds(org, "Contact")).length).toBe(2500);
      const many = await store.getMany(org, "Contact", asked);
      expect(many.filter((row) => row === null)).toHaveLength(600);
      expect(many[1234]?.remoteId).toBe("c1234");
    });

    it("removes records, and counts only real changes toward the organization's version", async () => {
      const org = newOrg();
      expect(await store.version(org)).toBe(0);
      await store.commit(org, "Contact", { upserts: [write("Contact", contact("c1", "A")), write("Contact", contact("c2", "B"))], removals: [], sync: sync() });
      expect(await store.version(org)).toBe(1);
      // The same records again, and a sync-only commit: nothing changed.
      await store.commit(org, "Contact", { upserts: [write("Contact", contact("c1", "A")), write("Contact", contact("c2", "B"))], removals: [], sync: sync(1) });
      await store.commit(org, "Contact", { upserts: [], removals: [], sync: sync(2) });
      await store.commit(org, "Contact", { upserts: [], removals: ["never-there"], sync: sync(3) });
      expect(await store.version(org)).toBe(1);
      // Four commits to the entity's sync row: revisions 0..3.
      expect(await store.loadSync(org, "Contact")).toEqual({ ...sync(3), revision: 3 });
      // A changed record, then a removal: each bumps once.
      await store.commit(org, "Contact", { upserts: [write("Contact", contact("c1", "A2"), "v2")], removals: [], sync: sync() });
      expect(await store.version(org)).toBe(2);
      await store.commit(org, "Contact", { upserts: [], removals: ["c2"], sync: sync() });
      expect(await store.version(org)).toBe(3);
      expect(await store.knownIds(org, "Contact")).toEqual(["c1"]);
      expect((await store.getMany(org, "Contact", ["c1"]))[0]?.record.name).toBe("A2");
      // Another organization's version is its own.
      expect(await store.version(newOrg())).toBe(0);
    });

    it("writes nothing when a commit fails after its records were written (state that cannot be serialised)", async () => {
      const org = newOrg();
      await store.commit(org, "Contact", { upserts: [write("Contact", contact("keep", "Kept"))], removals: [], sync: sync(1) });
      const unserialisable = { eventsEmitted: 1n } as unknown as SyncState;
      await expect(
        store.commit(org, "Contact", { upserts: [write("Contact", contact("new", "New")), write("Contact", contact("keep", "Changed"), "v2")], removals: [], sync: unserialisable }),
      ).rejects.toThrow(/BigInt/);
      expect(await store.knownIds(org, "Contact")).toEqual(["keep"]);
      expect((await store.getMany(org, "Contact", ["keep"]))[0]?.record.name).toBe("Kept");
      expect(await store.loadSync(org, "Contact")).toEqual({ ...sync(1), revision: 0 });
      expect(await store.version(org)).toBe(1);
    });

    it("a commit naming the revision it read fails, writing nothing, when another writer committed in between", async () => {
      const org = newOrg();
      await store.commit(org, "Contact", { upserts: [], removals: [], sync: sync(1), expectedRevision: null });
      const read = (await store.loadSync(org, "Contact"))!;
      expect(read.revision).toBe(0);
      // The other writer commits first (revision 0 → 1)…
      await store.commit(org, "Contact", { upserts: [], removals: [], sync: sync(2), expectedRevision: 0 });
      // …so this one, still at 0, is refused with its records.
      await expect(store.commit(org, "Contact", { upserts: [write("Contact", contact("late", "Late"))], removals: [], sync: sync(9), expectedRevision: read.revision })).rejects.toThrow(MirrorConflictError);
      expect(await store.knownIds(org, "Contact")).toEqual([]);
      expect(await store.loadSync(org, "Contact")).toEqual({ ...sync(2), revision: 1 });
      // A row that exists is never created again by a writer that read none.
      await expect(store.commit(org, "Contact", { upserts: [], removals: [], sync: sync(5), expectedRevision: null })).rejects.toThrow(MirrorConflictError);
    });

    it("writes nothing when a later batch of a large commit violates a constraint", async () => {
      const org = newOrg();
      const writes = Array.from({ length: 1200 }, (_, i) => write("Contact", contact(`c${i}`, `N${i}`)));
      const broken = write("Contact", contact("broken", "Broken"));
      (broken.columns as { searchText: string | null }).searchText = null; // NOT NULL column
      await expect(store.commit(org, "Contact", { upserts: [...writes, broken], removals: [], sync: sync(9) })).rejects.toThrow();
      expect(await store.knownIds(org, "Contact")).toEqual([]);
      expect(await store.loadSync(org, "Contact")).toBeUndefined();
      expect(await store.version(org)).toBe(0);
      expect(await store.entities(org)).toEqual([]);
    });

    it("writes 5,000 upserts in one commit", async () => {
      const org = newOrg();
      const writes = Array.from({ length: 5000 }, (_, i) =>
        write("Invoice", invoice(`i${String(i).padStart(5, "0")}`, `2024-01-${String((i % 28) + 1).padStart(2, "0")}`, { lineItems: [{ description: "x".repeat(200) }] })),
      );
      await store.commit(org, "Invoice", { upserts: writes, removals: [], sync: sync() });
      expect(await store.count(org, "Invoice", {})).toBe(5000);
      expect(await store.version(org)).toBe(1);
      await store.commit(org, "Invoice", { upserts: [], removals: writes.slice(0, 1500).map((w) => w.remoteId), sync: sync() });
      expect(await store.count(org, "Invoice", {})).toBe(3500);
    });

    it("orders documents by date newest first (undated last) and others by name, case-insensitively", async () => {
      const org = newOrg();
      await store.commit(org, "Invoice", {
        upserts: [invoice("a", "2024-02-01"), invoice("b", "2024-03-01"), invoice("c", null), invoice("d", "2024-02-01")].map((r) => write("Invoice", r)),
        removals: [],
        sync: sync(),
      });
      expect(await listIds(org, "Invoice")).toEqual(["b", "d", "a", "c"]);
      await store.commit(org, "Contact", {
        upserts: [contact("1", "banana"), contact("2", "Apple"), contact("3", "cherry"), contact("4", "apple")].map((r) => write("Contact", r)),
        removals: [],
        sync: sync(),
      });
      expect(await listIds(org, "Contact")).toEqual(["2", "4", "1", "3"]);
      const page = await store.list(org, "Contact", { filter: {}, first: 2 });
      expect(page.hasNextPage).toBe(true);
      expect(page.positions).toEqual([
        { sortValue: "apple", remoteId: "2" },
        { sortValue: "apple", remoteId: "4" },
      ]);
      const rest = await store.list(org, "Contact", { filter: {}, first: 2, after: page.positions[1] });
      expect(ids(rest.rows)).toEqual(["1", "3"]);
      expect(rest.hasNextPage).toBe(false);
    });

    it("keeps keyset paging stable while rows are inserted before and after the position", async () => {
      const org = newOrg();
      const names = ["b", "d", "f", "h", "j", "l", "n", "p"];
      await store.commit(org, "Contact", { upserts: names.map((n, i) => write("Contact", contact(`c${i}`, n))), removals: [], sync: sync() });
      const page1 = await store.list(org, "Contact", { filter: {}, first: 3 });
      expect(page1.rows.map((r) => r.record.name)).toEqual(["b", "d", "f"]);
      await store.commit(org, "Contact", {
        upserts: [write("Contact", contact("x1", "a")), write("Contact", contact("x2", "e")), write("Contact", contact("x3", "g")), write("Contact", contact("x4", "z"))],
        removals: [],
        sync: sync(),
      });
      const seen = page1.rows.map((r) => r.record.name);
      let after = page1.positions.at(-1);
      for (;;) {
        const page = await store.list(org, "Contact", { filter: {}, first: 3, after });
        seen.push(...page.rows.map((r) => r.record.name));
        if (!page.hasNextPage) break;
        after = page.positions.at(-1);
      }
      expect(seen).toEqual(["b", "d", "f", "g", "h", "j", "l", "n", "p", "z"]);

      // Newest first: a document dated before page 1's end shows on page 2, one dated after does not.
      await store.commit(org, "Invoice", { upserts: ["01", "02", "03", "04", "05"].map((d) => write("Invoice", invoice(`i${d}`, `2024-01-${d}`))), removals: [], sync: sync() });
      const docs1 = await store.list(org, "Invoice", { filter: {}, first: 2 });
      expect(ids(docs1.rows)).toEqual(["i05", "i04"]);
      await store.commit(org, "Invoice", { upserts: [write("Invoice", invoice("late", "2024-02-01")), write("Invoice", invoice("early", "2023-12-31"))], removals: [], sync: sync() });
      const docs2 = await store.list(org, "Invoice", { filter: {}, first: 10, after: docs1.positions.at(-1) });
      expect(ids(docs2.rows)).toEqual(["i03", "i02", "i01", "early"]);
    });

    it("filters by status, contact, date range, updatedSince and search, hiding archived rows unless asked", async () => {
      const org = newOrg();
      await store.commit(org, "Invoice", {
        upserts: [
          invoice("i1", "2024-01-10", { status: "DRAFT", contactRef: { remoteId: "c1", name: "Acme Ltd" }, updatedAt: "2024-03-01T10:00:00Z", reference: "PO-77" }),
          invoice("i2", "2024-01-20", { status: "AUTHORISED", contactRef: { remoteId: "c2", name: "Globex" }, updatedAt: "2024-03-01T12:00:00+02:00" }),
          invoice("i3", "2024-02-05", { status: "PAID", contactRef: { remoteId: "c1", name: "Acme Ltd" }, updatedAt: "2024-03-02T00:00:00.000Z" }),
          invoice("i4", "2024-02-10", { status: "DELETED", contactRef: { remoteId: "c1", name: "Acme Ltd" }, updatedAt: "2024-03-05T00:00:00Z" }),
          invoice("i5", null, { status: "AUTHORISED" }),
        ].map((r) => write("Invoice", r)),
        removals: [],
        sync: sync(),
      });
      const check = async (filter: Parameters<MirrorStore["count"]>[2], expected: string[]) => {
        expect(await listIds(org, "Invoice", filter)).toEqual(expected);
        expect(await store.count(org, "Invoice", filter)).toBe(expected.length);
      };
      await check({}, ["i3", "i2", "i1", "i5"]);
      await check({ includeArchived: true }, ["i4", "i3", "i2", "i1", "i5"]);
      await check({ status: ["AUTHORISED", "PAID"] }, ["i3", "i2", "i5"]);
      await check({ status: [] }, ["i3", "i2", "i1", "i5"]);
      await check({ status: ["DELETED"] }, []);
      await check({ status: ["DELETED"], includeArchived: true }, ["i4"]);
      await check({ contactRemoteId: "c1" }, ["i3", "i1"]);
      await check({ contactRemoteId: "c1", includeArchived: true }, ["i4", "i3", "i1"]);
      await check({ dateFrom: "2024-01-20" }, ["i3", "i2"]);
      await check({ dateTo: "2024-01-20" }, ["i2", "i1"]);
      await check({ dateFrom: "2024-01-11", dateTo: "2024-02-05" }, ["i3", "i2"]);
      // 12:00+02:00 is 10:00Z: at or after 10:00Z keeps both of that morning; the comparison is on instants.
      await check({ updatedSince: "2024-03-01T10:00:00Z" }, ["i3", "i2", "i1"]);
      await check({ updatedSince: "2024-03-01T10:00:00.001Z" }, ["i3"]);
      await check({ updatedSince: "2024-03-01T05:00:00-05:00" }, ["i3", "i2", "i1"]);
      await check({ search: "acme" }, ["i3", "i1"]);
      await check({ search: "  ACME  " }, ["i3", "i1"]);
      await check({ search: "po-7" }, ["i1"]);
      await check({ search: "inv-i2" }, ["i2"]);
      await check({ search: "   " }, ["i3", "i2", "i1", "i5"]);
      await check({ search: "acme", status: ["DRAFT"], dateFrom: "2024-01-01", contactRemoteId: "c1" }, ["i1"]);
      await expect(store.list(org, "Invoice", { filter: { updatedSince: "yesterday" }, first: 5 })).rejects.toMatchObject({
        code: "BAD_USER_INPUT",
        message: expect.stringContaining("filter.updatedSince"),
      });
    });

    it("searches literally for %, _, quotes, long names and unicode", async () => {
      const org = newOrg();
      const long = "L".repeat(10_240);
      await store.commit(org, "Contact", {
        upserts: [
          contact("pct", "100% Pure"),
          contact("plain", "1000 Pure"),
          contact("under", "snake_case Ltd"),
          contact("nounder", "snakeXcase Ltd"),
          contact("quote", `O'Brien "Bob" \\ Sons`),
          contact("bang", "Wow! Inc"),
          contact("long", long),
          contact("uni", "École Übersee 東京 🚀"),
        ].map((r) => write("Contact", r)),
        removals: [],
        sync: sync(),
      });
      const search = (text: string) => listIds(org, "Contact", { search: text });
      expect(await search("%")).toEqual(["pct"]);
      expect(await search("0% p")).toEqual(["pct"]);
      expect(await search("_")).toEqual(["under"]);
      expect(await search("e_c")).toEqual(["under"]);
      expect(await search("o'brien")).toEqual(["quote"]);
      expect(await search(`"bob" \\`)).toEqual(["quote"]);
      expect(await search("!")).toEqual(["bang"]);
      expect(await search("école")).toEqual(["uni"]);
      expect(await search("ÜBERSEE")).toEqual(["uni"]);
      expect(await search("東京 🚀")).toEqual(["uni"]);
      expect(await search("l".repeat(5000))).toEqual(["long"]);
      expect(await search("%' OR 1=1 --")).toEqual([]);
      const [longRow] = await store.getMany(org, "Contact", ["long"]);
      expect(longRow?.record.name).toBe(long);
      // Long and unicode sort values page like any other.
      const all = await store.list(org, "Contact", { filter: {}, first: 4 });
      const next = await store.list(org, "Contact", { filter: {}, first: 10, after: all.positions.at(-1) });
      const paged = [...ids(all.rows), ...ids(next.rows)];
      expect(paged).toEqual(await listIds(org, "Contact"));
      expect([...paged].sort()).toEqual(["bang", "long", "nounder", "pct", "plain", "quote", "under", "uni"]);
    });

    it("lists one row per entity with a sync row, with its record count", async () => {
      const org = newOrg();
      await store.commit(org, "Contact", { upserts: [write("Contact", contact("c1", "A")), write("Contact", contact("c2", "B", { status: "ARCHIVED" }))], removals: [], sync: sync(1) });
      await store.commit(org, "Invoice", { upserts: [write("Invoice", invoice("i1", "2024-01-01"))], removals: [], sync: sync(2) });
      await store.commit(org, "Bill", { upserts: [], removals: [], sync: { eventsEmitted: 0, syncedAt: "2024-01-01T00:00:00.000Z" } });
      await store.commit(newOrg(), "Item", { upserts: [write("Item", { remoteId: "x", name: "X" })], removals: [], sync: sync() });
      expect(await store.entities(org)).toEqual([
        { entity: "Bill", records: 0, sync: { eventsEmitted: 0, syncedAt: "2024-01-01T00:00:00.000Z" } },
        { entity: "Contact", records: 2, sync: sync(1) },
        { entity: "Invoice", records: 1, sync: sync(2) },
      ]);
    });

    it("keeps a record's raw payload apart as JSON text and hands it back whole, also for rows written with raw inside the record", async () => {
      const org = newOrg();
      const raw = { InvoiceID: "i1", LineItems: [{ Quantity: 2 }], Note: "é ✓" };
      await store.commit(org, "Invoice", { upserts: [write("Invoice", invoice("i1", "2024-01-01", { raw }))], removals: [], sync: sync() });
      const [read] = await store.getMany(org, "Invoice", ["i1"]);
      expect(read!.record).toEqual(invoice("i1", "2024-01-01"));
      expect(JSON.parse(read!.rawJson!)).toEqual(raw);
      expect(recordWithRaw(read!)).toEqual(invoice("i1", "2024-01-01", { raw }));
      expect(recordWithRaw((await store.list(org, "Invoice", { filter: {}, first: 5 })).rows[0]!)).toEqual(invoice("i1", "2024-01-01", { raw }));
      expect(recordWithRaw((await store.snapshot((snapshot) => snapshot.all(org, "Invoice")))[0]!)).toEqual(invoice("i1", "2024-01-01", { raw }));
      await store.commit(org, "Invoice", { upserts: [write("Invoice", invoice("i2", "2024-01-02"))], removals: [], sync: sync() });
      expect((await store.getMany(org, "Invoice", ["i2"]))[0]!.rawJson).toBeNull();
      // A row in the first migration's shape (raw inside the record, no raw column value) reads as before.
      const db = await rawConnection(location);
      try {
        await db.exec(
          "update mirror_records set record = $1, raw = null where organization_id = $2 and remote_id = 'i1'",
          [JSON.stringify(invoice("i1", "2024-01-01", { raw })), org],
        );
      } finally {
        await db.close();
      }
      const [old] = await store.getMany(org, "Invoice", ["i1"]);
      expect(old!.rawJson).toBeNull();
      expect(recordWithRaw(old!)).toEqual(invoice("i1", "2024-01-01", { raw }));
      // Offering the same record again rewrites the row in the new shape (one change), then nothing more.
      const before = await store.version(org);
      await store.commit(org, "Invoice", { upserts: [write("Invoice", invoice("i1", "2024-01-01", { raw }))], removals: [], sync: sync() });
      await store.commit(org, "Invoice", { upserts: [write("Invoice", invoice("i1", "2024-01-01", { raw }))], removals: [], sync: sync() });
      expect(await store.version(org)).toBe(before + 1);
      const [rewritten] = await store.getMany(org, "Invoice", ["i1"]);
      expect(rewritten!.record).toEqual(invoice("i1", "2024-01-01"));
      expect(recordWithRaw(rewritten!)).toEqual(invoice("i1", "2024-01-01", { raw }));
    });

    it("remembers a count while the organization's version stays, and counts again after any change to its records", async () => {
      const org = newOrg();
      const filter = { status: ["AUTHORISED"], dateFrom: "2024-01-01" };
      await store.commit(org, "Invoice", { upserts: [write("Invoice", invoice("i1", "2024-01-01")), write("Invoice", invoice("i2", "2024-02-01"))], removals: [], sync: sync() });
      expect(await store.count(org, "Invoice", filter)).toBe(2);
      // A row written behind the store's back (no version bump) is not counted: the count was remembered.
      const db = await rawConnection(location);
      try {
        await db.exec("update mirror_records set status = 'PAID' where organization_id = $1 and remote_id = 'i2'", [org]);
      } finally {
        await db.close();
      }
      expect(await store.count(org, "Invoice", filter)).toBe(2);
      expect(await store.count(org, "Invoice", { ...filter, dateFrom: "2024-01-15" })).toBe(0);
      // A commit of sync state alone changes no record and keeps the count; a record change counts again.
      await store.commit(org, "Invoice", { upserts: [], removals: [], sync: sync(3) });
      expect(await store.count(org, "Invoice", filter)).toBe(2);
      await store.commit(org, "Invoice", { upserts: [write("Invoice", invoice("i3", "2024-03-01"))], removals: [], sync: sync() });
      expect(await store.count(org, "Invoice", filter)).toBe(2);
      expect(await store.count(org, "Invoice", {})).toBe(3);
      await store.commit(org, "Invoice", { upserts: [], removals: ["i1"], sync: sync() });
      expect(await store.count(org, "Invoice", filter)).toBe(1);
    });

    it("shows a snapshot one moment of the mirror, whatever commits meanwhile", async () => {
      const org = newOrg();
      await store.commit(org, "Contact", { upserts: [write("Contact", contact("c1", "A")), write("Contact", contact("c2", "B", { status: "ARCHIVED" }))], removals: [], sync: sync() });
      let concurrent: Promise<void> | undefined;
      let landed = false;
      const inside = await store.snapshot(async (snapshot) => {
        const before = ids(await snapshot.all(org, "Contact"));
        concurrent = store
          .commit(org, "Contact", { upserts: [write("Contact", contact("c3", "C"))], removals: ["c1"], sync: sync() })
          .then(() => {
            landed = true;
          });
        // Both commit on another connection right away (SQLite: the writer, while the snapshot reads on the reader).
        await concurrent;
        const after = ids(await snapshot.all(org, "Contact"));
        return { before, after, landedInside: landed };
      });
      await concurrent;
      expect(inside.before).toEqual(["c1", "c2"]);
      expect(inside.after).toEqual(inside.before);
      expect(inside.landedInside).toBe(true);
      expect(ids(await store.snapshot((snapshot) => snapshot.all(org, "Contact")))).toEqual(["c2", "c3"]);
    });

    it("forgets an organization everywhere and no other", async () => {
      const org = newOrg();
      const other = newOrg();
      for (const id of [org, other]) {
        await store.commit(id, "Contact", { upserts: [write("Contact", contact("c1", "A"))], removals: [], sync: sync(1) });
      }
      const counted = await store.count(org, "Contact", {});
      await store.forget(org);
      expect(await store.knownIds(org, "Contact")).toEqual([]);
      expect(await store.loadSync(org, "Contact")).toBeUndefined();
      // The version moves on (never back to where a cache could hold an older count or report).
      expect(await store.version(org)).toBe(2);
      expect(counted).toBe(1);
      expect(await store.count(org, "Contact", {})).toBe(0);
      expect(await store.entities(org)).toEqual([]);
      expect(await store.knownIds(other, "Contact")).toEqual(["c1"]);
      expect(await store.version(other)).toBe(1);
      await store.commit(org, "Contact", { upserts: [write("Contact", contact("c9", "Z")), write("Contact", contact("c8", "Y"))], removals: [], sync: sync(1) });
      expect(await store.count(org, "Contact", {})).toBe(2);
    });
  });
});

describe("mirror store on a SQLite file", () => {
  it("keeps the file private, in WAL mode, with one applied migration", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mirror-file-"));
    const file = path.join(dir, "mirror.sqlite");
    try {
      await (await openMirrorStore({ kind: "sqlite", file })).close();
      const store = await openMirrorStore({ kind: "sqlite", file });
      await store.close();
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const Database = (await import("better-sqlite3")).default;
      const raw = new Database(file, { readonly: true });
      try {
        expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
        expect(raw.prepare("select name from mirror_migration").all()).toEqual([{ name: "0001_mirror" }, { name: "0002_record_raw" }, { name: "0003_sync_fence" }, { name: "0004_webhooks" }]);
      } finally {
        raw.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.runIf(postgres.url !== undefined)("mirror store on PostgreSQL beside another deployment", () => {
  it("migrates and keeps to its own schema when another schema of the database already holds a mirror", async () => {
    const first = `mirror_other_${randomBytes(6).toString("hex")}`;
    const second = `mirror_mine_${randomBytes(6).toString("hex")}`;
    const other = await openMirrorStore({ kind: "postgres", url: postgres.url!, schema: first });
    try {
      await other.commit("o", "Contact", { upserts: [write("Contact", contact("theirs", "T"))], removals: [], sync: sync() });
      const mine = await openMirrorStore({ kind: "postgres", url: postgres.url!, schema: second });
      try {
        await mine.commit("o", "Contact", { upserts: [write("Contact", contact("mine", "M"))], removals: [], sync: sync() });
        expect(await mine.knownIds("o", "Contact")).toEqual(["mine"]);
        expect(await other.knownIds("o", "Contact")).toEqual(["theirs"]);
      } finally {
        await mine.close();
      }
    } finally {
      await other.close();
      const client = new pg.Client({ connectionString: postgres.url! });
      await client.connect();
      try {
        for (const schema of [first, second]) await client.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await client.end();
      }
    }
  });
});

describe("mirror store in memory", () => {
  it("is private to its store and ends with it", async () => {
    const first = await openMirrorStore({ kind: "sqlite", file: ":memory:" });
    const second = await openMirrorStore({ kind: "sqlite", file: ":memory:" });
    try {
      await first.commit("o", "Contact", { upserts: [write("Contact", contact("c1", "A"))], removals: [], sync: sync() });
      expect(await first.knownIds("o", "Contact")).toEqual(["c1"]);
      expect(await second.knownIds("o", "Contact")).toEqual([]);
    } finally {
      await first.close();
      await second.close();
    }
  });
});

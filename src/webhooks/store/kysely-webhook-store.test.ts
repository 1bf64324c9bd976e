import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { Kysely, SqliteDialect, sql } from "kysely";
import { Migrator } from "kysely/migration";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POSTGRES_URL, postgresSchema } from "../../../test/support/postgres.js";
import type { MirrorStore } from "../../mirror/mirror-store.js";
import { openMirrorStore, type MirrorLocation } from "../../mirror/open-mirror-store.js";
import { mirrorMigrations } from "../../mirror/store/migrations.js";
import type { WebhookAttempt, WebhookDelivery, WebhookEndpointRecord, WebhookStore } from "../webhook-types.js";
import { createWebhookStore } from "./kysely-webhook-store.js";

/** The same behaviour on SQLite (in memory and a file, whose reads go to a second connection) and real PostgreSQL. */

const pgSchema = await postgresSchema("whstore");
if (!pgSchema) console.warn(`PostgreSQL unreachable at ${POSTGRES_URL}: skipping the webhook store's PostgreSQL cases`);
const dir = mkdtempSync(path.join(tmpdir(), "webhook-store-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Backend {
  name: string;
  available: boolean;
  location(): MirrorLocation;
}
const backends: Backend[] = [
  { name: "sqlite in memory", available: true, location: () => ({ kind: "sqlite", file: ":memory:" }) },
  { name: "sqlite file", available: true, location: () => ({ kind: "sqlite", file: path.join(dir, "mirror.sqlite") }) },
  { name: "postgres", available: pgSchema !== undefined, location: () => ({ kind: "postgres", url: POSTGRES_URL, schema: pgSchema!.schema }) },
];

const unique = () => randomBytes(5).toString("hex");
const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 12, minute)).toISOString();

function endpointRecord(overrides: Partial<WebhookEndpointRecord> = {}): WebhookEndpointRecord {
  return {
    id: `whep_${unique()}`,
    apiKeyId: `key_${unique()}`,
    url: "https://hooks.example.com/in",
    description: "books",
    organizationIds: ["org-a", "org-b"],
    eventTypes: ["INVOICE_CREATED"],
    filter: [{ field: "status", eq: "PAID" }],
    status: "ACTIVE",
    disabledReason: null, disabledAt: null, disabledEventPending: false,
    secrets: [{ sealed: { v: 1, iv: "aXY=", tag: "dGFn", data: "ZGF0YQ==" }, createdAt: at(0) }],
    cursor: null,
    failingSince: null,
    createdAt: at(0),
    updatedAt: at(0),
    ...overrides,
  };
}

let eventNo = 0;
function delivery(organizationId: string | null, overrides: Partial<WebhookDelivery> = {}): Omit<WebhookDelivery, "seq"> {
  const n = ++eventNo;
  return {
    id: `whdl_${unique()}`,
    endpointId: "ignored",
    eventId: `evt_${n}`,
    eventCursor: `c${String(n).padStart(6, "0")}`,
    eventType: "INVOICE_CREATED",
    organizationId,
    payload: JSON.stringify({ n }),
    status: "PENDING",
    attemptCount: 0,
    nextAttemptAt: 1000,
    replayOf: null,
    createdAt: at(1),
    detectedAt: at(1),
    deliveredAt: null,
    ...overrides,
  };
}

const attempt = (deliveryId: string, number: number, when: string, statusCode: number | null = 500): WebhookAttempt => ({
  deliveryId,
  number,
  at: when,
  statusCode,
  latencyMs: 12,
  responseHead: statusCode === null ? null : "oops",
  error: statusCode === null ? "timed out after 10 s" : null,
});

describe.each(backends)("webhook store on $name", (backend) => {
  describe.runIf(backend.available)("", () => {
    let mirror: MirrorStore;
    let store: WebhookStore;
    beforeAll(async () => {
      mirror = await openMirrorStore(backend.location());
      store = createWebhookStore(mirror.database!);
    });
    afterAll(async () => {
      await mirror?.close();
    });

    const created = async (overrides: Partial<WebhookEndpointRecord> = {}) => {
      const endpoint = endpointRecord(overrides);
      await store.createEndpoint(endpoint);
      return endpoint;
    };
    const all = async (endpointId: string) => (await store.deliveries({ endpointId, limit: 1000 })).reverse();
    const attemptRows = async (deliveryIds: string[]) => {
      const { rows } = await sql<{ n: number | string }>`select count(*) as n from webhook_attempts where delivery_id in (${sql.join(deliveryIds)})`.execute(
        mirror.database!.reader,
      );
      return Number(rows[0]!.n);
    };

    it("creates, reads, lists by key, updates (not the cursor, key or creation) and deletes with its deliveries and attempts", async () => {
      const a = await created({ createdAt: at(1) });
      const b = await created({ apiKeyId: a.apiKeyId, createdAt: at(2), organizationIds: null, eventTypes: null, filter: null, description: null });
      const other = await created();
      expect(await store.getEndpoint(a.id)).toEqual(a);
      expect(await store.getEndpoint(b.id)).toEqual(b);
      expect(await store.getEndpoint("whep_missing")).toBeUndefined();
      expect((await store.listEndpoints(a.apiKeyId)).map((e) => e.id)).toEqual([a.id, b.id]);
      expect((await store.listEndpoints()).map((e) => e.id)).toEqual(expect.arrayContaining([a.id, b.id, other.id]));

      await store.enqueue(a.id, "cur-9", [], 1);
      const disabledAt = at(4);
      const changed = { ...a, url: "https://elsewhere.example.com/", status: "DISABLED" as const, disabledReason: "410 Gone", disabledAt, disabledEventPending: true, filter: null };
      // Written only over the version read: a stale updatedAt changes nothing.
      expect(await store.updateEndpoint({ ...changed, updatedAt: at(4) }, at(59))).toBe(false);
      expect(await store.getEndpoint(a.id)).toEqual({ ...a, cursor: "cur-9" });
      // Never the key, creation, cursor, nor failingSince (only recordAttempt and resetEndpoint write that).
      expect(await store.updateEndpoint({ ...changed, apiKeyId: "key_other", createdAt: at(9), cursor: "cur-0", failingSince: at(3), updatedAt: at(4) }, a.updatedAt)).toBe(true);
      expect(await store.getEndpoint(a.id)).toEqual({ ...changed, cursor: "cur-9", updatedAt: at(4) });
      expect(await store.updateEndpoint({ ...changed, url: "https://third.example.com/", updatedAt: at(5) }, a.updatedAt)).toBe(false);

      const [d1, d2] = [delivery("org-a"), delivery("org-b")];
      const kept = delivery("org-a");
      expect(await store.enqueue(a.id, "cur-10", [d1, d2], 1)).toBe(true);
      expect(await store.enqueue(b.id, "cur-10", [kept], 1)).toBe(true);
      expect(await store.recordAttempt(attempt(d1.id, 1, at(5)), { kind: "retry", nextAttemptAt: 2000 }, 1)).toBe("recorded");
      expect(await store.recordAttempt(attempt(kept.id, 1, at(5), 200), { kind: "delivered" }, 1)).toBe("recorded");

      expect(await store.deleteEndpoint(a.id)).toBe(true);
      expect(await store.getEndpoint(a.id)).toBeUndefined();
      expect(await store.deliveries({ endpointId: a.id, limit: 10 })).toEqual([]);
      expect(await attemptRows([d1.id, d2.id])).toBe(0);
      expect(await store.deleteEndpoint(a.id)).toBe(false);
      const survivor = await store.deliveries({ endpointId: b.id, limit: 10 });
      expect(survivor.map((d) => [d.id, d.attempts.length])).toEqual([[kept.id, 1]]);
    });

    it("enqueue assigns increasing seq in the order given and moves the cursor in the same transaction", async () => {
      const endpoint = await created();
      const first = [delivery("org-a"), delivery("org-b"), delivery(null)];
      const second = [delivery("org-a"), delivery("org-a")];
      expect(await store.enqueue(endpoint.id, "cur-3", first, 1)).toBe(true);
      expect(await store.enqueue(endpoint.id, "cur-5", second, 1)).toBe(true);
      const rows = await all(endpoint.id);
      expect(rows.map((d) => d.id)).toEqual([...first, ...second].map((d) => d.id));
      const seqs = rows.map((d) => d.seq);
      expect(seqs.every((seq, i) => i === 0 || seq > seqs[i - 1]!)).toBe(true);
      expect(rows.every((d) => d.endpointId === endpoint.id)).toBe(true);
      expect(rows[0]).toMatchObject({ eventId: first[0]!.eventId, payload: first[0]!.payload, status: "PENDING", nextAttemptAt: 1000 });
      expect((await store.getEndpoint(endpoint.id))!.cursor).toBe("cur-5");
      expect(await store.pendingCount(endpoint.id)).toBe(5);

      // A failing insert (a delivery id taken) rolls the cursor back with it.
      await expect(store.enqueue(endpoint.id, "cur-7", [delivery("org-a"), { ...delivery("org-a"), id: first[0]!.id }], 1)).rejects.toThrow();
      expect((await store.getEndpoint(endpoint.id))!.cursor).toBe("cur-5");
      expect(await store.pendingCount(endpoint.id)).toBe(5);
      // An empty step still moves the cursor.
      expect(await store.enqueue(endpoint.id, "cur-8", [], 1)).toBe(true);
      expect((await store.getEndpoint(endpoint.id))!.cursor).toBe("cur-8");
    });

    it("refuses enqueue and recordAttempt with a smaller fence than one already seen, writing nothing", async () => {
      const endpoint = await created();
      const d = delivery("org-a");
      expect(await store.enqueue(endpoint.id, "cur-1", [d], 5)).toBe(true);
      expect(await store.enqueue(endpoint.id, "cur-2", [delivery("org-a")], 4)).toBe(false);
      expect((await store.getEndpoint(endpoint.id))!.cursor).toBe("cur-1");
      expect(await store.pendingCount(endpoint.id)).toBe(1);

      expect(await store.recordAttempt(attempt(d.id, 1, at(5)), { kind: "retry", nextAttemptAt: 9000 }, 3)).toBe("fenced");
      const [row] = await store.deliveries({ endpointId: endpoint.id, limit: 10 });
      expect(row).toMatchObject({ status: "PENDING", attemptCount: 0, nextAttemptAt: 1000, attempts: [] });
      expect((await store.getEndpoint(endpoint.id))!.failingSince).toBeNull();

      expect(await store.enqueue(endpoint.id, "cur-3", [], 5)).toBe(true);
      expect(await store.recordAttempt(attempt(d.id, 1, at(5), 200), { kind: "delivered" }, 7)).toBe("recorded");
      expect(await store.enqueue(endpoint.id, "cur-4", [], 6)).toBe(false);
      expect(await store.enqueue("whep_missing", "cur-1", [delivery("org-a")], 1)).toBe(false);
      // A delivery that is gone (pruned, its endpoint deleted) is "missing", not fenced out.
      expect(await store.recordAttempt(attempt("whdl_missing", 1, at(5)), { kind: "delivered" }, 99)).toBe("missing");
      expect(await store.recordAttempt(attempt("whdl_missing", 1, at(5)), { kind: "delivered" }, 1)).toBe("missing");
      const doomed = delivery("org-a");
      expect(await store.enqueue(endpoint.id, "cur-5", [doomed], 7)).toBe(true);
      expect(await store.deleteEndpoint(endpoint.id)).toBe(true);
      expect(await store.recordAttempt(attempt(doomed.id, 1, at(6)), { kind: "retry", nextAttemptAt: 9000 }, 7)).toBe("missing");
    });

    it("withheld (not sent): FAILED with its attempt, failingSince untouched; the next of its organization goes on", async () => {
      const endpoint = await created();
      const [d1, d2] = [delivery("org-a"), delivery("org-a")];
      await store.enqueue(endpoint.id, "cur", [d1, d2], 1);
      const notSent = { ...attempt(d1.id, 1, at(15), null), latencyMs: 0, error: "not sent: organization org-a is no longer granted to the API key" };
      expect(await store.recordAttempt(notSent, { kind: "withheld" }, 1)).toBe("recorded");
      const [row] = (await all(endpoint.id)).filter((d) => d.id === d1.id);
      expect(row).toMatchObject({ status: "FAILED", attemptCount: 1, nextAttemptAt: null, attempts: [notSent] });
      expect((await store.getEndpoint(endpoint.id))!.failingSince).toBeNull();
      expect((await store.dueHeads(endpoint.id, 1000)).due.map((d) => d.id)).toEqual([d2.id]);
    });

    it("resetEndpoint clears failingSince and the disabling, and makes every PENDING delivery due now; only the matching disabling's flag is cleared", async () => {
      const endpoint = await created();
      const [d1, d2, done] = [delivery("org-a"), delivery("org-b"), delivery("org-c")];
      await store.enqueue(endpoint.id, "cur", [d1, d2, done], 1);
      await store.recordAttempt(attempt(d1.id, 1, at(10)), { kind: "retry", nextAttemptAt: 900_000 }, 1);
      await store.recordAttempt(attempt(done.id, 1, at(10), 200), { kind: "delivered" }, 1);
      await store.recordAttempt(attempt(d2.id, 1, at(11)), { kind: "retry", nextAttemptAt: 800_000 }, 1);
      const disabledAt = at(12);
      expect(await store.updateEndpoint({ ...endpoint, status: "DISABLED", disabledReason: "failing", disabledAt, disabledEventPending: true, updatedAt: disabledAt }, endpoint.updatedAt)).toBe(true);
      expect(await store.getEndpoint(endpoint.id)).toMatchObject({ failingSince: at(11), disabledAt, disabledEventPending: true });

      await store.markDisabledEventRaised(endpoint.id, at(11));
      expect((await store.getEndpoint(endpoint.id))!.disabledEventPending).toBe(true);
      await store.markDisabledEventRaised(endpoint.id, disabledAt);
      expect((await store.getEndpoint(endpoint.id))!.disabledEventPending).toBe(false);

      await store.resetEndpoint(endpoint.id, 5_000);
      expect(await store.getEndpoint(endpoint.id)).toMatchObject({ failingSince: null, disabledAt: null, disabledEventPending: false });
      const rows = new Map((await all(endpoint.id)).map((d) => [d.id, d]));
      expect(rows.get(d1.id)).toMatchObject({ status: "PENDING", nextAttemptAt: 5_000, attemptCount: 1 });
      expect(rows.get(d2.id)).toMatchObject({ status: "PENDING", nextAttemptAt: 5_000 });
      expect(rows.get(done.id)).toMatchObject({ status: "DELIVERED", nextAttemptAt: null });
      expect((await store.dueHeads(endpoint.id, 5_000)).due.map((d) => d.id).sort()).toEqual([d1.id, d2.id].sort());
    });

    it("dueHeads gives each organization's head of line; a retrying head blocks its organization only, and says when to look again", async () => {
      const endpoint = await created();
      const [a1, a2, b1, n1, c1] = [delivery("org-a"), delivery("org-a"), delivery("org-b"), delivery(null), delivery("org-c", { nextAttemptAt: 9000 })];
      const n2 = delivery(null);
      await store.enqueue(endpoint.id, "cur", [a1, a2, b1, n1, n2, c1], 1);
      const ids = async (now: number) => {
        const { due, nextAt } = await store.dueHeads(endpoint.id, now);
        return { due: due.map((d) => d.id), nextAt };
      };
      expect(await ids(999)).toEqual({ due: [], nextAt: 1000 });
      expect(await ids(1000)).toEqual({ due: [a1.id, b1.id, n1.id], nextAt: 9000 });

      await store.recordAttempt(attempt(a1.id, 1, at(5)), { kind: "retry", nextAttemptAt: 5000 }, 1);
      expect(await ids(2000)).toEqual({ due: [b1.id, n1.id], nextAt: 5000 });
      const [head] = (await store.dueHeads(endpoint.id, 5000)).due;
      expect(head).toMatchObject({ id: a1.id, attemptCount: 1, nextAttemptAt: 5000, status: "PENDING" });

      await store.recordAttempt(attempt(a1.id, 2, at(6)), { kind: "exhausted" }, 1);
      await store.recordAttempt(attempt(n1.id, 1, at(6), 200), { kind: "delivered" }, 1);
      expect(await ids(2000)).toEqual({ due: [a2.id, b1.id, n2.id], nextAt: 9000 });
      expect(await ids(9000)).toEqual({ due: [a2.id, b1.id, n2.id, c1.id], nextAt: null });
    });

    it("records attempt outcomes and the endpoint's failingSince", async () => {
      const endpoint = await created();
      const [d1, d2, d3] = [delivery("org-a"), delivery("org-b"), delivery(null)];
      await store.enqueue(endpoint.id, "cur", [d1, d2, d3], 1);
      const failingSince = async () => (await store.getEndpoint(endpoint.id))!.failingSince;
      const byId = async () => new Map((await all(endpoint.id)).map((d) => [d.id, d]));

      await store.recordAttempt(attempt(d1.id, 1, at(10)), { kind: "retry", nextAttemptAt: 3000 }, 1);
      expect(await failingSince()).toBe(at(10));
      await store.recordAttempt(attempt(d1.id, 2, at(11), null), { kind: "retry", nextAttemptAt: 4000 }, 1);
      expect(await failingSince()).toBe(at(10));
      expect((await byId()).get(d1.id)).toMatchObject({ status: "PENDING", attemptCount: 2, nextAttemptAt: 4000, deliveredAt: null });

      await store.recordAttempt(attempt(d1.id, 3, at(12), 204), { kind: "delivered" }, 1);
      expect(await failingSince()).toBeNull();
      const delivered = (await byId()).get(d1.id)!;
      expect(delivered).toMatchObject({ status: "DELIVERED", attemptCount: 3, nextAttemptAt: null, deliveredAt: at(12) });
      expect(delivered.attempts).toEqual([attempt(d1.id, 1, at(10)), attempt(d1.id, 2, at(11), null), attempt(d1.id, 3, at(12), 204)]);

      await store.recordAttempt(attempt(d2.id, 1, at(13)), { kind: "exhausted" }, 1);
      expect(await failingSince()).toBe(at(13));
      // 410: the delivery stays PENDING (sent first once the endpoint is resumed), its attempt counted.
      await store.recordAttempt(attempt(d3.id, 1, at(14), 410), { kind: "gone" }, 1);
      expect(await failingSince()).toBe(at(13));
      const rows = await byId();
      expect(rows.get(d2.id)).toMatchObject({ status: "FAILED", attemptCount: 1, nextAttemptAt: null, deliveredAt: null });
      expect(rows.get(d3.id)).toMatchObject({ status: "PENDING", attemptCount: 1, deliveredAt: null });
      expect(rows.get(d3.id)!.attempts.map((a) => a.statusCode)).toEqual([410]);
      expect((await store.getEndpoint(endpoint.id))!.status).toBe("ACTIVE");
      expect(await store.pendingCount(endpoint.id)).toBe(1);
    });

    it("pages deliveries newest first with their attempts, optionally by status", async () => {
      const endpoint = await created();
      const queued = [1, 2, 3, 4, 5].map(() => delivery("org-a"));
      await store.enqueue(endpoint.id, "cur", queued, 1);
      await store.recordAttempt(attempt(queued[1]!.id, 1, at(20)), { kind: "retry", nextAttemptAt: 2000 }, 1);
      await store.recordAttempt(attempt(queued[1]!.id, 2, at(21), 200), { kind: "delivered" }, 1);
      await store.recordAttempt(attempt(queued[3]!.id, 1, at(22), 201), { kind: "delivered" }, 1);

      const page1 = await store.deliveries({ endpointId: endpoint.id, limit: 2 });
      expect(page1.map((d) => d.id)).toEqual([queued[4]!.id, queued[3]!.id]);
      expect(page1[1]!.attempts.map((a) => a.number)).toEqual([1]);
      const page2 = await store.deliveries({ endpointId: endpoint.id, limit: 2, afterSeq: page1[1]!.seq });
      expect(page2.map((d) => d.id)).toEqual([queued[2]!.id, queued[1]!.id]);
      expect(page2[1]!.attempts.map((a) => [a.number, a.statusCode])).toEqual([
        [1, 500],
        [2, 200],
      ]);
      const page3 = await store.deliveries({ endpointId: endpoint.id, limit: 2, afterSeq: page2[1]!.seq });
      expect(page3.map((d) => d.id)).toEqual([queued[0]!.id]);
      expect(page3[0]!.attempts).toEqual([]);

      const delivered = await store.deliveries({ endpointId: endpoint.id, limit: 10, status: "DELIVERED" });
      expect(delivered.map((d) => d.id)).toEqual([queued[3]!.id, queued[1]!.id]);
      const pending = await store.deliveries({ endpointId: endpoint.id, limit: 1, status: "PENDING", afterSeq: page1[0]!.seq });
      expect(pending.map((d) => d.id)).toEqual([queued[2]!.id]);
    });

    it("queueReplay appends PENDING rows after every existing one, keeping event id and payload, without moving the cursor", async () => {
      const endpoint = await created();
      const [d1, d2] = [delivery("org-a"), delivery("org-a")];
      await store.enqueue(endpoint.id, "cur-2", [d1, d2], 1);
      await store.recordAttempt(attempt(d1.id, 1, at(30), 200), { kind: "delivered" }, 1);
      const replay = { ...d1, id: `whdl_${unique()}`, status: "DELIVERED" as const, replayOf: "req_1", nextAttemptAt: 1500 };
      expect(await store.queueReplay(endpoint.id, [replay])).toBe(1);
      const rows = await all(endpoint.id);
      expect(rows.map((d) => d.id)).toEqual([d1.id, d2.id, replay.id]);
      expect(rows[2]!.seq).toBeGreaterThan(rows[1]!.seq);
      expect(rows[2]).toMatchObject({ eventId: d1.eventId, payload: d1.payload, status: "PENDING", replayOf: "req_1", attemptCount: 0 });
      expect((await store.getEndpoint(endpoint.id))!.cursor).toBe("cur-2");
      // The replay waits behind its organization's older pending row.
      expect((await store.dueHeads(endpoint.id, 2000)).due.map((d) => d.id)).toEqual([d2.id]);
      expect(await store.queueReplay("whep_missing", [delivery("org-a")])).toBe(0);
    });

    it("prunes deliveries detected before the cutoff with their attempts", async () => {
      const endpoint = await created();
      const old = [delivery("org-a", { detectedAt: "2001-03-01T00:00:00.000Z" }), delivery("org-b", { detectedAt: "2001-03-02T01:00:00+01:00" })];
      const recent = delivery("org-a", { detectedAt: "2001-06-01T00:00:00.000Z" });
      await store.enqueue(endpoint.id, "cur", [...old, recent], 1);
      await store.recordAttempt(attempt(old[0]!.id, 1, at(40)), { kind: "retry", nextAttemptAt: 2000 }, 1);
      expect(await store.prune(new Date("2001-04-01T00:00:00Z"))).toBe(2);
      expect((await all(endpoint.id)).map((d) => d.id)).toEqual([recent.id]);
      expect(await attemptRows(old.map((d) => d.id))).toBe(0);
      expect(await store.prune(new Date("2001-04-01T00:00:00Z"))).toBe(0);
    });
  });
});

describe.runIf(pgSchema !== undefined)("webhook store on postgres across instances", () => {
  afterAll(async () => pgSchema?.drop());

  it("two stores enqueueing for two endpoints at once keep each endpoint's seq strictly increasing", async () => {
    const location: MirrorLocation = { kind: "postgres", url: POSTGRES_URL, schema: pgSchema!.schema };
    const mirrors = [await openMirrorStore(location), await openMirrorStore(location)];
    try {
      const stores = mirrors.map((mirror) => createWebhookStore(mirror.database!));
      const endpoints = [endpointRecord(), endpointRecord()];
      for (const endpoint of endpoints) await stores[0]!.createEndpoint(endpoint);
      const steps: Array<Omit<WebhookDelivery, "seq">[]> = [];
      const runs: Promise<boolean>[] = [];
      for (let round = 0; round < 20; round++) {
        for (const store of stores) {
          for (const endpoint of endpoints) {
            const step = [delivery("org-a"), delivery("org-b"), delivery("org-a")];
            steps.push(step);
            runs.push(store.enqueue(endpoint.id, `cur-${round}`, step, 1));
          }
        }
      }
      expect(await Promise.all(runs)).toEqual(runs.map(() => true));
      for (const endpoint of endpoints) {
        const rows = (await stores[1]!.deliveries({ endpointId: endpoint.id, limit: 1000 })).reverse();
        expect(rows).toHaveLength(20 * 2 * 3);
        expect(rows.map((d) => d.seq)).toEqual(rows.map((_, i) => i + 1));
        // Each step's rows are contiguous and in the order given.
        const position = new Map(rows.map((d, i) => [d.id, i]));
        for (const step of steps.filter((s) => position.has(s[0]!.id))) {
          const at = step.map((d) => position.get(d.id)!);
          expect(at).toEqual([at[0], at[0]! + 1, at[0]! + 2]);
        }
      }
    } finally {
      for (const mirror of mirrors) await mirror.close();
    }
  });
});

describe("a mirror database from before the webhook migration", () => {
  it("gains the webhook tables when opened", async () => {
    const file = path.join(dir, "older.sqlite");
    const older = new Kysely<any>({ dialect: new SqliteDialect({ database: new Database(file) }) });
    const all = await mirrorMigrations("sqlite").getMigrations();
    const before = Object.fromEntries(Object.entries(all).filter(([name]) => name < "0004"));
    const migrator = new Migrator({
      db: older,
      provider: { getMigrations: async () => before },
      migrationTableName: "mirror_migration",
      migrationLockTableName: "mirror_migration_lock",
    });
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const tables = async (db: Kysely<any>) =>
      (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name like 'webhook_%' order by name`.execute(db)).rows.map((r) => r.name);
    expect(await tables(older)).toEqual([]);
    await older.destroy();

    const mirror = await openMirrorStore({ kind: "sqlite", file });
    try {
      expect(await tables(mirror.database!.reader)).toEqual(["webhook_attempts", "webhook_deliveries", "webhook_endpoints"]);
      const store = createWebhookStore(mirror.database!);
      const endpoint = endpointRecord();
      await store.createEndpoint(endpoint);
      expect(await store.getEndpoint(endpoint.id)).toEqual(endpoint);
    } finally {
      await mirror.close();
    }
  });
});

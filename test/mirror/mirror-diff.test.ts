import { describe, expect, it } from "vitest";
import type { ConnectorAdapter, ListParams } from "../../src/connector/adapter.js";
import type { EntityName } from "../../src/connector/entities.js";
import { pageInMemory } from "../../src/connector/in-memory.js";
import { columnsOf } from "../../src/mirror/columns.js";
import type { MirrorRecord } from "../../src/mirror/mirror-store.js";
import { openMirrorStore } from "../../src/mirror/open-mirror-store.js";
import type { OrganizationRecord } from "../../src/organizations/organization-record.js";
import type { StoredEvent } from "../../src/triggers/event.js";
import { fingerprintOf, snapshotOf, type Observed } from "../../src/triggers/fingerprint.js";
import { Provider } from "../../schema/common/provider.enum.js";
import { compareMirror, diffEntityRecords, formatDifferences, mirrorBehindLog, recordKey } from "./mirror-diff.js";

/** The differ the SIGKILL mirror test relies on: it must find every kind of difference, and nothing else. */

const where = { organizationId: "org-1", provider: "XERO", entity: "Invoice" as EntityName };
const invoice = (remoteId: string, updatedAt: string | null, extra: Record<string, unknown> = {}) =>
  ({ remoteId, updatedAt, status: "AUTHORISED", total: "10.00", lines: [{ amount: "10.00" }], isOverdue: false, raw: { id: remoteId }, ...extra }) as Observed;
const row = (record: Observed, writtenAt = "2026-01-01T00:00:00.000Z"): MirrorRecord =>
  ({ remoteId: record.remoteId, fingerprint: fingerprintOf(record), ended: null, record: snapshotOf(record), rawJson: null, writtenAt });

describe("diffEntityRecords", () => {
  it("finds nothing when the mirror holds the books, whatever the key order, the clock-computed fields and the raw payload", () => {
    const live = [invoice("a", "2026-01-01T00:00:00.000Z"), invoice("b", null)];
    const mirrored = [row({ ...invoice("b", null), isOverdue: true, raw: { other: 1 } } as Observed), row(invoice("a", "2026-01-01T00:00:00.000Z"))];
    expect(diffEntityRecords(where, live, mirrored)).toEqual([]);
  });

  it("names records missing from the mirror, records only the mirror has, other versions and changed fields", () => {
    const live = [invoice("a", "2026-01-02T00:00:00.000Z", { total: "12.00" }), invoice("b", null), invoice("c", "2026-01-01T00:00:00.000Z", { status: "VOIDED" })];
    const mirrored = [row(invoice("a", "2026-01-01T00:00:00.000Z")), row(invoice("c", "2026-01-01T00:00:00.000Z")), row(invoice("d", null))];
    const differences = diffEntityRecords(where, live, mirrored);
    expect(differences.map((d) => [d.remoteId, d.kind, d.field, d.sameVersion])).toEqual([
      ["a", "fingerprint", undefined, undefined],
      ["a", "field", "total", undefined],
      ["a", "field", "updatedAt", undefined],
      ["b", "missing", undefined, undefined],
      ["c", "ended", undefined, undefined],
      ["c", "field", "status", true],
      ["d", "extra", undefined, undefined],
    ]);
    expect(formatDifferences(differences)).toContain("XERO Invoice c: status: mirror \"AUTHORISED\", books \"VOIDED\" (both at the same version");
  });

  it("compares nested values by path", () => {
    const differences = diffEntityRecords(where, [invoice("a", null, { lines: [{ amount: "10.00" }, { amount: "1.00" }] })], [row(invoice("a", null))]);
    expect(differences.filter((d) => d.kind === "field").map((d) => [d.field, d.mirror, d.live])).toEqual([["lines[1]", undefined, { amount: "1.00" }]]);
  });
});

describe("mirrorBehindLog", () => {
  const event = (record: Observed | null, detectedAt = "2026-01-01T00:00:05.000Z"): StoredEvent => ({
    id: `evt-${record?.remoteId}`, cursor: "1", type: "INVOICE_UPDATED", entity: "Invoice", change: "UPDATED", organizationId: "org-1", provider: Provider.XERO,
    remoteId: record?.remoteId ?? "gone", occurredAt: detectedAt, detectedAt, record: record ? snapshotOf(record) : null,
  });
  const live = (...records: Observed[]) => new Map(records.map((r) => [recordKey("org-1", "Invoice", r.remoteId), r]));
  const rows = (...records: MirrorRecord[]) => new Map(records.map((r) => [recordKey("org-1", "Invoice", r.remoteId), r]));

  it("accepts a row at the event's version or a later one, and events of records the books no longer hold", () => {
    const v1 = invoice("a", "2026-01-01T00:00:01.000Z");
    const v2 = invoice("a", "2026-01-01T00:00:02.000Z");
    const hashed = invoice("h", null);
    const events = [event(v1), event(v2), event(hashed), event(invoice("gone", null)), event(null)];
    expect(mirrorBehindLog(events, live(v2, hashed), rows(row(v2), row({ ...hashed, total: "11.00" } as Observed, "2026-01-01T00:00:06.000Z")))).toEqual([]);
  });

  it("names an event whose record the mirror holds at an older version, or not at all", () => {
    const v1 = invoice("a", "2026-01-01T00:00:01.000Z");
    const v2 = invoice("a", "2026-01-01T00:00:02.000Z");
    const hashed = invoice("h", null);
    const problems = mirrorBehindLog([event(v2), event(hashed)], live(v2, hashed, invoice("x", null)), rows(row(v1), row({ ...hashed, total: "9.00" } as Observed, "2026-01-01T00:00:04.000Z")));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/XERO Invoice a: event UPDATED at u:2026-01-01T00:00:02.000Z .* mirror row at u:2026-01-01T00:00:01.000Z/);
    expect(problems[1]).toMatch(/XERO Invoice h: /);
    expect(mirrorBehindLog([event(invoice("x", null))], live(invoice("x", null)), rows())).toEqual([expect.stringMatching(/no mirror row/)]);
  });
});

describe("compareMirror", () => {
  it("lists every mirrored entity live in full, archived included, and compares it with the mirror's rows", async () => {
    const contacts = Array.from({ length: 7 }, (_, i) => ({ remoteId: `c${i}`, name: `Contact ${i}`, updatedAt: null, status: i === 3 ? "ARCHIVED" : "ACTIVE" }));
    const asked: ListParams[] = [];
    const adapter = {
      provider: Provider.XERO,
      capabilities: { entities: { Contact: { operations: ["list"], listing: { maxPageSize: 3 } } } },
      async list(_entity: EntityName, params: ListParams) {
        asked.push(params);
        return pageInMemory(contacts, params);
      },
    } as unknown as ConnectorAdapter;
    const organization = { id: "org-1", provider: Provider.XERO } as OrganizationRecord;
    const mirror = await openMirrorStore({ kind: "sqlite", file: ":memory:" });
    try {
      const upserts = contacts.slice(0, 6).map((c) => {
        const record = snapshotOf(c.remoteId === "c2" ? { ...c, name: "Old name" } : c);
        return { remoteId: c.remoteId, fingerprint: fingerprintOf(record as unknown as Observed), ended: null, record, columns: columnsOf("Contact", record) };
      });
      await mirror.commit("org-1", "Contact", { upserts, removals: [], sync: { eventsEmitted: 0 } });
      const comparison = await compareMirror({ mirror, organizations: [organization], adapterFor: () => adapter });
      expect(asked.map((p) => [p.offset, p.first, p.filter.includeArchived, p.fresh])).toEqual([[0, 3, true, true], [3, 3, true, true], [6, 3, true, true]]);
      expect(comparison.entities.map((e) => [e.entity, e.liveRecords, e.mirrorRecords])).toEqual([["Contact", 7, 6]]);
      expect(comparison.differences.map((d) => [d.remoteId, d.kind, d.field])).toEqual([["c2", "fingerprint", undefined], ["c2", "field", "name"], ["c6", "missing", undefined]]);
      expect(comparison.live.size).toBe(7);
      expect(comparison.rows.size).toBe(6);
    } finally {
      await mirror.close();
    }
  });
});

import { describe, expect, it } from "vitest";
import { Provider } from "../../schema/common/provider.enum.js";
import { detectChanges, type DetectionInput } from "./detect-changes.js";
import { fingerprintOf } from "./fingerprint.js";
import { emptyPollState, type PollState } from "./poll-state.js";

const NOW = new Date("2026-11-22T10:00:00.000Z");
const ALL = ["CREATED", "UPDATED", "DELETED", "VOIDED"] as const;
const invoice = (remoteId: string, updatedAt: string, status = "DRAFT") => ({ remoteId, updatedAt, status, raw: () => ({ InvoiceID: remoteId }) });

function run(state: PollState, input: Partial<DetectionInput>) {
  return detectChanges(state, { organizationId: "org_1", provider: Provider.XERO, entity: "Invoice", declared: ALL, records: [], now: NOW, ...input });
}
const changes = (result: ReturnType<typeof run>) => result.events.map((e) => `${e.change} ${e.remoteId}`);

describe("detectChanges", () => {
  const baseline = run({ ...emptyPollState() }, { baseline: true, records: [invoice("a", "2026-11-01T00:00:00Z"), invoice("b", "2026-11-02T00:00:00Z", "VOIDED")] });
  const seen = { ...baseline.state, baselineAt: NOW.toISOString() };

  it("the baseline raises nothing and remembers every record, ended ones included", () => {
    expect(baseline.events).toEqual([]);
    expect(Object.keys(baseline.state.seen)).toEqual(["a", "b"]);
    expect(baseline.state.ended).toEqual({ b: "VOIDED" });
  });

  it("first sighting is CREATED, a new version UPDATED, the same version nothing", () => {
    const result = run(seen, { records: [invoice("a", "2026-11-05T00:00:00Z"), invoice("b", "2026-11-02T00:00:00Z", "VOIDED"), invoice("c", "2026-11-06T00:00:00Z")] });
    expect(changes(result)).toEqual(["UPDATED a", "CREATED c"]);
    expect(result.events[1]).toMatchObject({ type: "INVOICE_CREATED", entity: "Invoice", occurredAt: "2026-11-06T00:00:00Z", detectedAt: NOW.toISOString(), record: { remoteId: "c", raw: { InvoiceID: "c" } } });
    expect(changes(run(result.state, { records: [invoice("c", "2026-11-06T00:00:00Z")] }))).toEqual([]);
  });

  it("a status moving to VOIDED or DELETED is that change, once; later edits of an ended record are UPDATED", () => {
    const voided = run(seen, { records: [invoice("a", "2026-11-05T00:00:00Z", "VOIDED")] });
    expect(changes(voided)).toEqual(["VOIDED a"]);
    expect(changes(run(voided.state, { records: [invoice("a", "2026-11-06T00:00:00Z", "VOIDED")] }))).toEqual(["UPDATED a"]);
    expect(changes(run(seen, { records: [invoice("a", "2026-11-05T00:00:00Z", "DELETED")] }))).toEqual(["DELETED a"]);
  });

  it("a vanished record is DELETED with no record, and forgotten", () => {
    const result = run(seen, { vanished: ["a", "unknown"] });
    expect(changes(result)).toEqual(["DELETED a"]);
    expect(result.events[0]!.record).toBeNull();
    expect(result.state.seen.a).toBeUndefined();
  });

  it("only declared changes are emitted; VOIDED falls back to UPDATED when only that is declared", () => {
    const declared = ["CREATED", "UPDATED"] as const;
    expect(changes(run(seen, { declared, records: [invoice("a", "2026-11-05T00:00:00Z", "VOIDED")], vanished: ["b"] }))).toEqual(["UPDATED a"]);
    expect(changes(run(seen, { declared: ["CREATED"], records: [invoice("a", "2026-11-05T00:00:00Z"), invoice("z", "2026-11-05T00:00:00Z")] }))).toEqual(["CREATED z"]);
  });

  it("the event id is the same for the same change, whoever detects it, and differs per version", () => {
    const first = run(seen, { records: [invoice("a", "2026-11-05T00:00:00Z")] }).events[0]!;
    const again = run(seen, { records: [invoice("a", "2026-11-05T00:00:00Z")], now: new Date("2026-11-23T00:00:00Z") }).events[0]!;
    const later = run(seen, { records: [invoice("a", "2026-11-07T00:00:00Z")] }).events[0]!;
    expect(again.id).toBe(first.id);
    expect(later.id).not.toBe(first.id);
  });

  it("an older version than the one already seen (a listing that started before a webhook) changes nothing", () => {
    const newer = run(seen, { records: [invoice("a", "2026-11-07T00:00:00Z")] });
    const stale = run(newer.state, { records: [invoice("a", "2026-11-05T00:00:00Z")] });
    expect(changes(stale)).toEqual([]);
    expect(stale.state.seen.a).toBe("u:2026-11-07T00:00:00Z");
  });

  it("before any baseline, a webhook's hint tells created from updated", () => {
    const hints = new Map([["x", { change: "UPDATED" as const, occurredAt: "2026-11-22T09:00:00.000Z" }]]);
    expect(changes(run(emptyPollState(), { records: [invoice("x", "2026-11-22T09:00:00Z")], hints }))).toEqual(["UPDATED x"]);
    expect(changes(run(seen, { records: [invoice("x", "2026-11-22T09:00:00Z")], hints }))).toEqual(["CREATED x"]);
  });
});

describe("records a baseline listing missed", () => {
  it("a record first found later but changed before the baseline listing began existed then: recorded, no CREATED", () => {
    const state = { ...emptyPollState(), baselineAt: NOW.toISOString() };
    const existedBefore = "2026-11-22T09:00:00.000Z";
    const result = run(state, { existedBefore, records: [invoice("old", "2026-11-20T00:00:00Z"), invoice("new", "2026-11-22T09:30:00Z")] });
    expect(changes(result)).toEqual(["CREATED new"]);
    expect(Object.keys(result.state.seen).sort()).toEqual(["new", "old"]);
    // Without the baseline's start, the same sighting is two creations (what a resumed backfill used to report).
    expect(changes(run(state, { records: [invoice("old", "2026-11-20T00:00:00Z")] }))).toEqual(["CREATED old"]);
  });
});

describe("fingerprintOf", () => {
  it("is the provider's updatedAt when it keeps one", () => {
    expect(fingerprintOf({ remoteId: "a", updatedAt: "2026-11-01T00:00:00Z", raw: { any: 1 } })).toBe("u:2026-11-01T00:00:00Z");
  });
  it("otherwise hashes the record, ignoring raw JSON, key order and what the gateway computes from the clock", () => {
    const a = fingerprintOf({ remoteId: "a", updatedAt: null, status: "OPEN", isOverdue: false, raw: { x: 1 } } as never);
    expect(fingerprintOf({ status: "OPEN", remoteId: "a", updatedAt: null, isOverdue: true, raw: { x: 2 } } as never)).toBe(a);
    expect(fingerprintOf({ remoteId: "a", updatedAt: null, status: "PAID" })).not.toBe(a);
  });
});

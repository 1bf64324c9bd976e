import { describe, expect, it } from "vitest";
import { rawOf } from "../../connector/raw.js";
import { mirrorRecordOf } from "./mirror-list.js";

const row = (record: Record<string, unknown>) => ({ remoteId: "1", fingerprint: "u:2026-01-01T00:00:00.000Z", ended: null, record, rawJson: null, writtenAt: "2026-01-01T00:00:00.000Z" });

describe("records read from the mirror", () => {
  it("say whether an invoice is overdue now, not when its row was written", () => {
    const written = { remoteId: "1", status: "AUTHORISED", dueDate: "2026-01-15", amountDue: "10.00", isOverdue: false };
    expect(mirrorRecordOf(row({ ...written }), { syncedAt: null }, "AUTO").isOverdue).toBe(true);
    expect(mirrorRecordOf(row({ ...written, amountDue: "0.00" }), { syncedAt: null }, "AUTO").isOverdue).toBe(false);
    expect(mirrorRecordOf(row({ ...written, dueDate: "2999-01-01" }), { syncedAt: null }, "AUTO").isOverdue).toBe(false);
    expect(mirrorRecordOf(row({ remoteId: "c", name: "No due date" }), { syncedAt: null }, "AUTO")).not.toHaveProperty("isOverdue");
  });

  it("carry the provider's payload as a thunk that parses the row's raw JSON when first called", () => {
    const read = mirrorRecordOf({ ...row({ remoteId: "1", name: "A" }), rawJson: '{"ContactID":"1","Phones":[]}' }, { syncedAt: null }, "AUTO");
    expect(typeof read.raw).toBe("function");
    expect(rawOf(read.raw)).toEqual({ ContactID: "1", Phones: [] });
    expect(rawOf(read.raw)).toBe(rawOf(read.raw));
    expect(mirrorRecordOf(row({ remoteId: "1", raw: { old: true } }), { syncedAt: null }, "AUTO").raw).toEqual({ old: true });
    // A row an older version rewrote (raw inside the record, a stale column beside it): the record's raw wins.
    expect(mirrorRecordOf({ ...row({ remoteId: "1", raw: { newer: true } }), rawJson: '{"older":true}' }, { syncedAt: null }, "AUTO").raw).toEqual({ newer: true });
  });
});

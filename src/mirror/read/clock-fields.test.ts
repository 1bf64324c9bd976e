import { describe, expect, it } from "vitest";
import { mirrorRecordOf } from "./mirror-list.js";

const row = (record: Record<string, unknown>) => ({ remoteId: "1", fingerprint: "u:2026-01-01T00:00:00.000Z", ended: null, record, writtenAt: "2026-01-01T00:00:00.000Z" });

describe("records read from the mirror", () => {
  it("say whether an invoice is overdue now, not when its row was written", () => {
    const written = { remoteId: "1", status: "AUTHORISED", dueDate: "2026-01-15", amountDue: "10.00", isOverdue: false };
    expect(mirrorRecordOf(row({ ...written }), { syncedAt: null }, "AUTO").isOverdue).toBe(true);
    expect(mirrorRecordOf(row({ ...written, amountDue: "0.00" }), { syncedAt: null }, "AUTO").isOverdue).toBe(false);
    expect(mirrorRecordOf(row({ ...written, dueDate: "2999-01-01" }), { syncedAt: null }, "AUTO").isOverdue).toBe(false);
    expect(mirrorRecordOf(row({ remoteId: "c", name: "No due date" }), { syncedAt: null }, "AUTO")).not.toHaveProperty("isOverdue");
  });
});

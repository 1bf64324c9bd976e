import { describe, expect, it } from "vitest";
import { toIsoDate, toIsoTimestamp } from "./dates.js";

describe("Daftra dates", () => {
  it.each([
    ["2026-05-02", "dmy", "2026-05-02"],
    ["2026-05-02 12:31:01", "dmy", "2026-05-02"],
    ["25/09/2026", "dmy", "2026-09-25"],
    ["25/09/2026", "mdy", "2026-09-25"],
    ["09/25/2026", "dmy", "2026-09-25"],
    ["03/04/2026", "dmy", "2026-04-03"],
    ["03/04/2026", "mdy", "2026-03-04"],
    ["25-09-2026", "dmy", "2026-09-25"],
    ["2026/09/25", "mdy", "2026-09-25"],
    ["31/02/2026", "dmy", null],
    ["soon", "dmy", null],
    ["", "dmy", null],
    [null, "dmy", null],
  ] as const)("%s (%s) → %s", (text, order, expected) => {
    expect(toIsoDate(text, order)).toBe(expected);
  });

  it.each([
    ["2026-05-02 12:31:01", "2026-05-02T12:31:01.000Z"],
    ["2026-05-02", "2026-05-02T00:00:00.000Z"],
    ["02/05/2026", "2026-05-02T00:00:00.000Z"],
    [null, null],
  ])("timestamp %s → %s", (text, expected) => {
    expect(toIsoTimestamp(text)).toBe(expected);
  });
});

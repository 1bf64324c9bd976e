import { describe, expect, it } from "vitest";
import { toIsoDate, toIsoTimestamp, toMsDate } from "./dates.js";

const NOV_1 = Date.UTC(2026, 10, 1);

describe("Xero dates", () => {
  it.each([
    ["/Date(ms+0000)/ string", `/Date(${NOV_1}+0000)/`, "2026-11-01"],
    ["/Date(ms)/ without offset", `/Date(${NOV_1})/`, "2026-11-01"],
    ["/Date(ms+1300)/ with an offset", `/Date(${NOV_1}+1300)/`, "2026-11-01"],
    ["Date object from xero-node", new Date(NOV_1), "2026-11-01"],
    ["ISO date-time without zone (DateString)", "2026-11-01T00:00:00", "2026-11-01"],
    ["space-separated (quotes)", "2026-11-01 00:00:00", "2026-11-01"],
    ["plain YYYY-MM-DD", "2026-11-01", "2026-11-01"],
    ["missing", undefined, null],
    ["empty", "", null],
    ["garbage", "next tuesday", null],
  ])("date from %s", (_label, input, expected) => {
    expect(toIsoDate(input)).toBe(expected);
  });

  it.each([
    ["/Date(ms)/", `/Date(${NOV_1 + 3_600_000})/`, "2026-11-01T01:00:00.000Z"],
    ["ISO with Z", "2026-11-01T01:00:00Z", "2026-11-01T01:00:00.000Z"],
    ["ISO without zone is UTC", "2026-11-01T01:00:00.5165400", "2026-11-01T01:00:00.516Z"],
    ["Date object", new Date(NOV_1), "2026-11-01T00:00:00.000Z"],
    ["missing", null, null],
  ])("timestamp from %s", (_label, input, expected) => {
    expect(toIsoTimestamp(input)).toBe(expected);
  });

  it("writes Xero's own wire form", () => {
    expect(toMsDate(new Date(NOV_1))).toBe(`/Date(${NOV_1}+0000)/`);
  });
});

import { describe, expect, it } from "vitest";
import { parseXeroSettings } from "./config.js";

const base = { tenantId: "tenant-1", clientId: "client-1" };

describe("Xero settings: limits", () => {
  it("default to Xero's documented limits per organization: 5 at once, 60 a minute, 5,000 a day", () => {
    expect(parseXeroSettings(base).limits).toEqual({ maxConcurrent: 5, perMinute: 60, perDay: 5000 });
    expect(parseXeroSettings({ ...base, limits: { perDay: 1000 } }).limits).toEqual({ maxConcurrent: 5, perMinute: 60, perDay: 1000 });
  });

  it.each([["many"], [0], [2.5]])("refuse limits.perDay %j, naming it", (perDay) => {
    expect(() => parseXeroSettings({ ...base, limits: { perDay } })).toThrow(/limits\.perDay must be/);
  });
});

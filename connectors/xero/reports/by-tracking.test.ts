import { describe, expect, it } from "vitest";
import type { TrackingCategory } from "../../../schema/tracking-category/tracking-category.type.js";
import { balanceSheetByTracking, MAX_BALANCE_SHEET_OPTIONS } from "./by-tracking.js";

const category = (count: number, deleted = 0) => ({
  name: "Region",
  options: [
    ...Array.from({ length: count }, (_, i) => ({ remoteId: `o${i}`, name: `Option ${i}`, status: "ACTIVE" })),
    ...Array.from({ length: deleted }, (_, i) => ({ remoteId: `d${i}`, name: `Gone ${i}`, status: "DELETED" })),
  ],
}) as unknown as TrackingCategory;

describe("a Xero balance sheet by tracking option", () => {
  it("refuses a category with more options than one report's price allows, naming trackingCategoryId, before any call", async () => {
    let calls = 0;
    const fetch = async () => {
      calls++;
      throw new Error("no call expected");
    };
    await expect(balanceSheetByTracking(category(MAX_BALANCE_SHEET_OPTIONS + 1), fetch)).rejects.toMatchObject({
      extensions: { code: "BAD_USER_INPUT", fields: [{ field: "trackingCategoryId" }] },
    });
    expect(calls).toBe(0);
  });

  it("does not count deleted options against the limit", async () => {
    const asked: Array<string | undefined> = [];
    const fetch = async (optionId?: string) => {
      asked.push(optionId);
      throw new Error("stop after counting");
    };
    await expect(balanceSheetByTracking(category(MAX_BALANCE_SHEET_OPTIONS, 5), fetch)).rejects.toThrow("stop after counting");
    expect(asked.filter(Boolean)).toHaveLength(MAX_BALANCE_SHEET_OPTIONS);
  });
});

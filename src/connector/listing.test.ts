import { describe, expect, it } from "vitest";
import type { CapabilityDeclaration } from "./capabilities.js";
import { DEFAULT_MAX_PAGE_SIZE, isHiddenByDefault, maxPageSizeOf } from "./listing.js";

const capabilities: CapabilityDeclaration = {
  entities: {
    Contact: { operations: ["list", "get"], listing: { hidden: ["ARCHIVED"], maxPageSize: 1000 } },
    Invoice: { operations: ["list", "get"], listing: { hidden: [], maxPageSize: 100 } },
    Quote: { operations: ["list", "get"] },
    Bill: { operations: [], notes: "not here" },
  },
  reports: {},
};

describe("isHiddenByDefault", () => {
  it("hides records whose status the entity's listing declares hidden", () => {
    expect(isHiddenByDefault(capabilities, "Contact", { status: "ARCHIVED" })).toBe(true);
    expect(isHiddenByDefault(capabilities, "Contact", { status: "archived" })).toBe(true);
    expect(isHiddenByDefault(capabilities, "Contact", { status: "ACTIVE" })).toBe(false);
  });

  it("hides nothing where the declaration hides nothing, says nothing, or the record has no status", () => {
    expect(isHiddenByDefault(capabilities, "Invoice", { status: "DELETED" })).toBe(false);
    expect(isHiddenByDefault(capabilities, "Quote", { status: "DELETED" })).toBe(false);
    expect(isHiddenByDefault(capabilities, "Bill", { status: "DELETED" })).toBe(false);
    expect(isHiddenByDefault(capabilities, "Contact", {})).toBe(false);
    expect(isHiddenByDefault(capabilities, "Contact", { status: null })).toBe(false);
  });
});

describe("maxPageSizeOf", () => {
  it("is the declared page size, else 100", () => {
    expect(maxPageSizeOf(capabilities, "Contact")).toBe(1000);
    expect(maxPageSizeOf(capabilities, "Invoice")).toBe(100);
    expect(maxPageSizeOf(capabilities, "Quote")).toBe(DEFAULT_MAX_PAGE_SIZE);
    expect(maxPageSizeOf(capabilities, "Payment")).toBe(100);
  });

  it("ignores a declared size that is not a positive whole number", () => {
    const odd: CapabilityDeclaration = { entities: { Contact: { operations: ["list"], listing: { maxPageSize: 0 } }, Item: { operations: ["list"], listing: { maxPageSize: 2.5 } } }, reports: {} };
    expect(maxPageSizeOf(odd, "Contact")).toBe(100);
    expect(maxPageSizeOf(odd, "Item")).toBe(100);
  });
});

import { describe, expect, it } from "vitest";
import { ENTITY_NAMES, type EntityName } from "../../src/connector/entities.js";
import { supports } from "../../src/connector/capabilities.js";
import { daftraConnector } from "./index.js";

describe("daftraConnector capabilities", () => {
  const READABLE: EntityName[] = ["Contact", "Invoice", "Bill", "Payment", "Quote", "CreditNote", "Item", "Account", "TaxRate", "Expense"];

  it.each(READABLE)("%s can be listed and fetched by id", (entity) => {
    expect(supports(daftraConnector.capabilities, entity, "list")).toBe(true);
    expect(supports(daftraConnector.capabilities, entity, "get")).toBe(true);
  });

  it("declares nothing else, no writes yet, and both reports as computed from journals", () => {
    for (const entity of ENTITY_NAMES.filter((e) => !READABLE.includes(e))) expect(supports(daftraConnector.capabilities, entity, "list"), entity).toBe(false);
    for (const entity of READABLE) expect(daftraConnector.capabilities.entities[entity]?.operations).toEqual(["list", "get"]);
    expect(daftraConnector.capabilities.reports).toMatchObject({ BalanceSheet: { native: false }, ProfitAndLoss: { native: false } });
  });

  it("declares only the filters Daftra applies (invoices) or the cache applies (reference data)", () => {
    const filters = Object.fromEntries(READABLE.map((e) => [e, daftraConnector.capabilities.entities[e]?.filters ?? []]));
    expect(filters).toEqual({
      Contact: [], Invoice: ["status", "contact", "dateRange", "search"], Bill: [], Payment: [], Quote: [], CreditNote: [],
      Item: [], Account: ["status", "search"], TaxRate: ["search"], Expense: [],
    });
  });
});

import { notesFor } from "../../src/connector/capabilities.js";
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

  it("declares nothing else to read, and both reports as computed from journals", () => {
    for (const entity of ENTITY_NAMES.filter((e) => !READABLE.includes(e))) expect(supports(daftraConnector.capabilities, entity, "list"), entity).toBe(false);
    expect(daftraConnector.capabilities.reports).toMatchObject({ BalanceSheet: { native: false }, ProfitAndLoss: { native: false } });
  });

  it("declares the writes Daftra's API has, and nothing it lacks", () => {
    const writes = Object.fromEntries(ENTITY_NAMES.map((e) => [e, (daftraConnector.capabilities.entities[e]?.operations ?? []).filter((op) => op !== "list" && op !== "get")]));
    expect(writes).toMatchObject({
      Contact: ["create", "update", "delete", "note"],
      Invoice: ["create", "update", "delete", "note"],
      Bill: ["create", "update", "delete", "note"],
      Payment: ["create", "delete"],
      Quote: ["create", "update", "delete", "note"],
      CreditNote: ["create", "delete", "note"],
      Expense: ["create", "update", "delete"],
      Item: ["create", "delete", "note", "addStock"],
      PurchaseOrder: [], BankTransaction: [], Project: [], Task: [], TimeEntry: [],
    });
    expect(supports(daftraConnector.capabilities, "Invoice", "send")).toBe(false);
    expect(supports(daftraConnector.capabilities, "CreditNote", "allocate")).toBe(false);
  });

  it.each([
    ["Invoice", /no endpoint that emails/],
    ["CreditNote", /no allocation endpoint/],
    ["PurchaseOrder", /no purchase orders/],
    ["BankTransaction", /no bank transactions and no treasury transfers/],
    ["Project", /no projects/],
    ["Payment", /sales invoices only/],
  ] as const)("says in its notes why %s lacks an operation", (entity, reason) => {
    expect(notesFor(daftraConnector.capabilities.entities[entity], "create")).toMatch(reason);
  });

  it("declares only the filters Daftra applies (invoices) or the cache applies (reference data)", () => {
    const filters = Object.fromEntries(READABLE.map((e) => [e, daftraConnector.capabilities.entities[e]?.filters ?? []]));
    expect(filters).toEqual({
      Contact: [], Invoice: ["status", "contact", "dateRange", "search"], Bill: [], Payment: [], Quote: [], CreditNote: [],
      Item: [], Account: ["status", "search"], TaxRate: ["search"], Expense: [],
    });
  });
});

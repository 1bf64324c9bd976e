import { describe, expect, it } from "vitest";
import { ENTITY_NAMES } from "../../src/connector/entities.js";
import { supports } from "../../src/connector/capabilities.js";
import { xeroConnector } from "./index.js";
import { XERO_ENTITY_NAMES } from "./entities/index.js";

describe("xeroConnector capabilities", () => {
  const ACCOUNTING = ["Contact", "Invoice", "Bill", "Payment", "Quote", "CreditNote", "PurchaseOrder", "Item", "Account", "TaxRate", "TrackingCategory", "BankTransaction"];

  it.each(ACCOUNTING)("%s can be listed and fetched by id", (entity) => {
    expect(XERO_ENTITY_NAMES).toContain(entity);
    expect(supports(xeroConnector.capabilities, entity as (typeof ENTITY_NAMES)[number], "list")).toBe(true);
    expect(supports(xeroConnector.capabilities, entity as (typeof ENTITY_NAMES)[number], "get")).toBe(true);
  });

  it("declares nothing for the entities Xero's accounting API does not have", () => {
    for (const entity of ENTITY_NAMES.filter((e) => !ACCOUNTING.includes(e))) {
      expect(supports(xeroConnector.capabilities, entity, "list"), entity).toBe(false);
    }
  });

  it("declares the writes and actions it implements", () => {
    const ops = (entity: keyof typeof xeroConnector.capabilities.entities) => xeroConnector.capabilities.entities[entity]?.operations;
    expect(ops("PurchaseOrder")).toEqual(expect.arrayContaining(["create"]));
    expect(ops("CreditNote")).toEqual(expect.arrayContaining(["create", "allocate"]));
    expect(ops("BankTransaction")).toEqual(expect.arrayContaining(["create", "transfer"]));
    expect(ops("Item")).toEqual(expect.arrayContaining(["create", "addStock"]));
  });

  it("says why expenses and projects are absent", () => {
    expect(xeroConnector.capabilities.entities.Expense).toMatchObject({ operations: [], notes: expect.stringContaining("kind SPEND") });
    for (const entity of ["Project", "Task", "TimeEntry"] as const) {
      expect(xeroConnector.capabilities.entities[entity]).toMatchObject({ operations: [], notes: expect.stringContaining("Xero Projects") });
    }
  });

  it("declares the server-side filters and both native reports", () => {
    expect(xeroConnector.capabilities.entities.Invoice?.filters).toEqual(["status", "contact", "dateRange", "updatedSince", "search"]);
    expect(xeroConnector.capabilities.entities.PurchaseOrder?.filters).not.toContain("search");
    expect(xeroConnector.capabilities.reports).toMatchObject({ BalanceSheet: { native: true }, ProfitAndLoss: { native: true } });
  });
});

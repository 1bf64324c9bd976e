import { describe, expect, it } from "vitest";
import { ENTITY_NAMES } from "../../src/connector/entities.js";
import { supports } from "../../src/connector/capabilities.js";
import { xeroConnector } from "./index.js";

describe("xeroConnector capabilities", () => {
  it.each(ENTITY_NAMES)("%s can be listed and fetched by id", (entity) => {
    expect(supports(xeroConnector.capabilities, entity, "list")).toBe(true);
    expect(supports(xeroConnector.capabilities, entity, "get")).toBe(true);
  });

  it("declares the server-side filters and both native reports", () => {
    expect(xeroConnector.capabilities.entities.Invoice?.filters).toEqual(["status", "contact", "dateRange", "updatedSince", "search"]);
    expect(xeroConnector.capabilities.entities.PurchaseOrder?.filters).not.toContain("search");
    expect(xeroConnector.capabilities.reports).toMatchObject({ BalanceSheet: { native: true }, ProfitAndLoss: { native: true } });
  });
});

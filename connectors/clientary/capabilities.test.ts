import { notesFor } from "../../src/connector/capabilities.js";
import { describe, expect, it } from "vitest";
import { clientaryCapabilities } from "./capabilities.js";

describe("clientaryCapabilities", () => {
  it("serves the ten entities Clientary has; the others are declared without operations, with the reason", () => {
    const served = Object.entries(clientaryCapabilities.entities).filter(([, c]) => c!.operations.length > 0).map(([entity]) => entity);
    expect(served.sort()).toEqual(["Contact", "Expense", "Invoice", "Lead", "Payment", "Project", "Quote", "Staff", "Task", "TimeEntry"]);
    for (const entity of ["Bill", "CreditNote", "PurchaseOrder", "Item", "BankTransaction", "Account", "TaxRate", "TrackingCategory"] as const) {
      expect(clientaryCapabilities.entities[entity]).toEqual({ operations: [], notes: expect.stringMatching(/^Clientary has no /) });
    }
  });

  it.each([
    ["Contact", ["create", "update", "delete"]],
    ["Invoice", ["create", "update", "delete", "send"]],
    ["Payment", ["create", "delete"]],
    ["Quote", ["create", "update", "delete", "send"]],
    ["Expense", ["create", "update", "delete"]],
    ["Project", ["create", "delete"]],
    ["Task", ["create", "delete"]],
    ["TimeEntry", ["create", "delete"]],
    ["Lead", ["delete"]],
    ["Staff", []],
  ] as const)("%s: reads, and writes %j", (entity, writes) => {
    expect(clientaryCapabilities.entities[entity]!.operations).toEqual(["list", "get", ...writes]);
  });

  it.each([
    ["Invoice", /Sales invoices only/],
    ["BankTransaction", /no bank accounts/],
    ["Invoice", /no notes on invoices/],
    ["Payment", /no payment edits/],
    ["TimeEntry", /no task link/],
    ["Quote", /no expiry date/],
  ] as const)("%s says what Clientary cannot do: %s", (entity, reason) => {
    expect(notesFor(clientaryCapabilities.entities[entity], "create")).toMatch(reason);
  });

  it.each([
    ["Contact", ["updatedSince"]],
    ["Invoice", ["contact", "updatedSince"]],
    ["Quote", ["contact"]],
    ["Expense", ["contact", "dateRange"]],
    ["Project", ["contact"]],
    ["Payment", []],
    ["Lead", []],
    ["Task", []],
    ["TimeEntry", []],
    ["Staff", []],
  ] as const)("%s filters server-side by %j", (entity, filters) => {
    expect(clientaryCapabilities.entities[entity]!.filters).toEqual(filters);
  });

  it("declares both reports as computed (Clientary has none of its own)", () => {
    expect(clientaryCapabilities.reports).toMatchObject({ BalanceSheet: { native: false }, ProfitAndLoss: { native: false } });
  });
});

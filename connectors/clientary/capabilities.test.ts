import { describe, expect, it } from "vitest";
import { clientaryCapabilities } from "./capabilities.js";

describe("clientaryCapabilities", () => {
  it("declares reads of the ten entities Clientary has, and nothing else", () => {
    expect(Object.keys(clientaryCapabilities.entities).sort()).toEqual(["Contact", "Expense", "Invoice", "Lead", "Payment", "Project", "Quote", "Staff", "Task", "TimeEntry"]);
    for (const capability of Object.values(clientaryCapabilities.entities)) expect(capability!.operations).toEqual(["list", "get"]);
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

import { describe, expect, it } from "vitest";
import { GatewayError } from "../errors/index.js";
import { checkDecimals, decimalProblems, EXACT_DECIMAL_LIMITS, largestOf } from "./decimal-limits.js";
import type { DecimalLimits } from "./capabilities.js";

const LIMITS: DecimalLimits = { ...EXACT_DECIMAL_LIMITS, byEntity: { Quote: { unitAmount: { scale: 2, integerDigits: 10 } } } };
const line = (fields: Record<string, string>) => ({ description: "x", ...fields });
const fieldsOf = (problems: Array<{ field: string }>) => problems.map((p) => p.field);

describe("decimal limits of a write", () => {
  it("names every decimal past the scale or the magnitude, with the range the provider takes", () => {
    const problems = decimalProblems("XERO", LIMITS, { entity: "Invoice" }, {
      lines: [line({ quantity: "0.0000001", unitAmount: "10.00" }), line({ quantity: "1", unitAmount: "99999999999999999999.99", discountRate: "12.555" })],
    });
    expect(fieldsOf(problems)).toEqual(["input.lines[0].quantity", "input.lines[1].unitAmount", "input.lines[1].discountRate"]);
    expect(problems[0]!.message).toBe("has 7 decimal places (0.0000001); Xero takes quantities from -999999999.9999 to 999999999.9999 with at most 4 decimal places. Round it to 4.");
    expect(problems[1]!.message).toMatch(/^is too large \(99999999999999999999\.99\); Xero takes unit amounts from -9999999999\.9999 to 9999999999\.9999/);
  });

  it("takes values at the bounds, negative ones and leading zeros included", () => {
    expect(decimalProblems("DAFTRA", LIMITS, { entity: "Bill" }, { lines: [line({ quantity: "-999999999.9999", unitAmount: "0999.9999" })] })).toEqual([]);
    expect(decimalProblems("DAFTRA", LIMITS, { entity: "Payment" }, { amount: largestOf(LIMITS.money) })).toEqual([]);
    expect(fieldsOf(decimalProblems("DAFTRA", LIMITS, { entity: "Payment" }, { amount: "1000000000000.00" }))).toEqual(["input.amount"]);
  });

  it("refuses a value that is not a plain decimal, whatever path it came by", () => {
    const problems = decimalProblems("XERO", LIMITS, { entity: "Payment" }, { amount: "1e5" });
    expect(fieldsOf(problems)).toEqual(["input.amount"]);
    expect(problems[0]!.message).toMatch(/must be a plain decimal/);
  });

  it("does not count trailing zeros as decimal places: 0.10000 is 0.1", () => {
    expect(decimalProblems("XERO", LIMITS, { entity: "Invoice" }, { lines: [line({ quantity: "0.10000", unitAmount: "12.340000" })] })).toEqual([]);
    expect(decimalProblems("XERO", LIMITS, { entity: "Payment" }, { amount: "10.5000" })).toEqual([]);
    expect(fieldsOf(decimalProblems("XERO", LIMITS, { entity: "Payment" }, { amount: "10.0050" }))).toEqual(["input.amount"]);
  });

  it("uses an entity's narrower bound where declared (quotes' unit amounts at Xero)", () => {
    const quote = { lines: [line({ quantity: "1", unitAmount: "10.125" })] };
    expect(fieldsOf(decimalProblems("XERO", LIMITS, { entity: "Quote" }, quote))).toEqual(["input.lines[0].unitAmount"]);
    expect(decimalProblems("XERO", LIMITS, { entity: "Invoice" }, quote)).toEqual([]);
  });

  it("refuses a line whose quantity × unit amount is past the money bound, though each is within its own", () => {
    const problems = decimalProblems("CLIENTARY", LIMITS, { entity: "Invoice" }, { lines: [line({ quantity: "999999999", unitAmount: "9999" }), line({ quantity: "99", unitAmount: "9999999999" })] });
    expect(fieldsOf(problems)).toEqual(["input.lines[0]"]);
    expect(problems[0]!.message).toContain("quantity × unitAmount is more than 999999999999.99");
  });

  it("names action arguments as the mutation does: top-level for addStock and allocateCreditNote, input.amount for transfers", () => {
    expect(fieldsOf(decimalProblems("XERO", LIMITS, { action: "addStock" }, { itemRemoteId: "1", quantity: "1.00001", unitCost: "1.123456" }))).toEqual(["quantity", "unitCost"]);
    expect(fieldsOf(decimalProblems("XERO", LIMITS, { action: "addStock" }, { itemRemoteId: "1", quantity: "999999999", unitCost: "99999" }))).toEqual(["unitCost"]);
    expect(fieldsOf(decimalProblems("XERO", LIMITS, { action: "allocateCredit" }, { amount: "1.001" }))).toEqual(["amount"]);
    expect(fieldsOf(decimalProblems("XERO", LIMITS, { action: "transfer" }, { amount: "1.001" }))).toEqual(["input.amount"]);
  });

  it("covers every decimal input: items, expenses, projects, tasks and hours", () => {
    expect(fieldsOf(decimalProblems("XERO", LIMITS, { entity: "Item" }, { salesUnitPrice: "1.00001", purchaseUnitPrice: "1" }))).toEqual(["input.salesUnitPrice"]);
    expect(fieldsOf(decimalProblems("DAFTRA", LIMITS, { entity: "Expense" }, { amount: "0.001" }))).toEqual(["input.amount"]);
    expect(fieldsOf(decimalProblems("CLIENTARY", LIMITS, { entity: "Project" }, { budget: "0.001", hourlyRate: "0.00001" }))).toEqual(["input.budget", "input.hourlyRate"]);
    expect(fieldsOf(decimalProblems("CLIENTARY", LIMITS, { entity: "Task" }, { estimatedHours: "1234567890" }))).toEqual(["input.estimatedHours"]);
    expect(fieldsOf(decimalProblems("CLIENTARY", LIMITS, { entity: "TimeEntry" }, { hours: "0.00001" }))).toEqual(["input.hours"]);
  });

  it("checks nothing where a connector declares no limits, and throws one BAD_USER_INPUT otherwise", () => {
    expect(decimalProblems("XERO", undefined, { entity: "Payment" }, { amount: "0.0000001" })).toEqual([]);
    expect(() => checkDecimals("XERO", LIMITS, { entity: "Payment" }, { amount: "0.001" })).toThrow(GatewayError);
    try {
      checkDecimals("XERO", LIMITS, { entity: "Payment" }, { amount: "0.001" });
    } catch (error) {
      expect((error as GatewayError).code).toBe("BAD_USER_INPUT");
    }
  });
});

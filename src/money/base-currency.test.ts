import { describe, expect, it } from "vitest";
import { baseTaxOf, convertAt, rateToBase, toBaseAmount } from "./base-currency.js";

describe("rateToBase: the one direction (document units per 1 base unit)", () => {
  it("is 1 for a record in the base currency, whatever the provider stated or left out", () => {
    expect(rateToBase("USD", null, "USD")).toBe("1");
    expect(rateToBase("usd ", undefined, "USD")).toBe("1");
    expect(rateToBase("SAR", "1.000000", "SAR")).toBe("1");
  });

  it("keeps the rate a provider states for a foreign-currency record (Xero's CurrencyRate)", () => {
    expect(rateToBase("EUR", "0.920000", "USD")).toBe("0.92");
    expect(rateToBase("EUR", 0.75, "NZD")).toBe("0.75");
  });

  it("is null (never a silent 1) when a foreign-currency record states no usable rate", () => {
    expect(rateToBase("EUR", null, "USD")).toBeNull();
    expect(rateToBase("EUR", "", "USD")).toBeNull();
    expect(rateToBase("EUR", "0", "USD")).toBeNull();
    expect(rateToBase("EUR", "-1.2", "USD")).toBeNull();
    expect(rateToBase("", null, "USD")).toBeNull();
  });
});

describe("toBaseAmount: amount ÷ rate, 2 dp half-up", () => {
  it("divides by the rate: 92.00 EUR at 0.92 EUR per USD is 100.00 USD", () => {
    expect(toBaseAmount("92.00", "0.92")).toBe("100.00");
    expect(toBaseAmount("1150.00", "1")).toBe("1150.00");
  });

  it("rounds half away from zero at the cent", () => {
    expect(toBaseAmount("0.01", "2")).toBe("0.01"); // 0.005 → 0.01
    expect(toBaseAmount("-0.01", "2")).toBe("-0.01"); // −0.005 → −0.01
    expect(toBaseAmount("0.03", "4")).toBe("0.01"); // 0.0075 → 0.01
    expect(toBaseAmount("100.00", "3")).toBe("33.33"); // 33.333…
    expect(toBaseAmount("200.00", "3")).toBe("66.67"); // 66.666…
  });

  it("is exact for long rates (no binary float): 1000 ÷ 3.7503 = 266.6453…", () => {
    expect(toBaseAmount("1000.00", "3.7503")).toBe("266.65");
    expect(toBaseAmount("123456789012.34", "0.000001")).toBe("123456789012340000.00");
  });

  it("is null when the rate or the amount is unknown", () => {
    expect(toBaseAmount("10.00", null)).toBeNull();
    expect(toBaseAmount(null, "1")).toBeNull();
  });
});

describe("convertAt: reporting-currency conversion, amount × rate, 2 dp half-up", () => {
  it("multiplies: 1000.00 SAR at 0.2666 USD per SAR is 266.60 USD", () => {
    expect(convertAt("1000.00", "0.2666")).toBe("266.60");
    expect(convertAt("0.05", "0.1")).toBe("0.01"); // 0.005 → 0.01
    expect(convertAt("-0.05", "0.1")).toBe("-0.01");
    expect(convertAt("12.34", "1")).toBe("12.34");
  });
});

describe("base amounts that add up", () => {
  it("takes the base tax as base total − base subtotal, so subtotal + tax = total in the base currency too", () => {
    // Each rounded alone: 10.01 ÷ 0.3 = 33.37, 1.01 ÷ 0.3 = 3.37, 11.02 ÷ 0.3 = 36.73 — and 33.37 + 3.37 ≠ 36.73.
    expect(toBaseAmount("1.01", "0.3")).toBe("3.37");
    expect(baseTaxOf("10.01", "1.01", "11.02", "0.3")).toBe("3.36");
    expect(baseTaxOf("100.00", "15.00", "115.00", "0.8")).toBe("18.75");
    expect(baseTaxOf("-10.01", "-1.01", "-11.02", "0.3")).toBe("-3.36");
  });

  it("converts the tax alone when the document's own amounts do not add up, and is null without a rate", () => {
    expect(baseTaxOf("10.00", "1.00", "12.00", "0.5")).toBe("2.00");
    expect(baseTaxOf("10.00", "1.00", "11.00", null)).toBeNull();
    expect(baseTaxOf(null, "1.00", "11.00", "2")).toBe("0.50");
  });
});

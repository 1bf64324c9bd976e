import { describe, expect, it } from "vitest";
import { seedTaxRates } from "./seed/settings.js";
import { totals } from "./totals.js";
import type { XeroLineItem } from "./types.js";

const rates = seedTaxRates();
const line = (Quantity: number, UnitAmount: number, TaxType = "OUTPUT", DiscountRate?: number): XeroLineItem => ({
  LineItemID: "x", Quantity, UnitAmount, TaxType, TaxAmount: 0, LineAmount: 0, Tracking: [], ...(DiscountRate ? { DiscountRate } : {}),
});

describe("totals", () => {
  it("rounds tax per line before summing (exclusive)", () => {
    // 0.45 x 10% = 0.045 -> 0.05 per line; summing first would give 0.09.
    const t = totals([line(1, 0.45), line(1, 0.45)], "Exclusive", rates);
    expect(t.LineItems.map((l) => l.TaxAmount)).toEqual([0.05, 0.05]);
    expect([t.SubTotal, t.TotalTax, t.Total]).toEqual([0.9, 0.1, 1]);
  });

  it("extracts tax from inclusive amounts and keeps Total equal to the lines", () => {
    const t = totals([line(3, 33.33), line(1, 10, "TAX001")], "Inclusive", rates);
    expect(t.LineItems.map((l) => [l.LineAmount, l.TaxAmount])).toEqual([[99.99, 9.09], [10, 0.52]]);
    expect([t.SubTotal, t.TotalTax, t.Total]).toEqual([100.38, 9.61, 109.99]);
  });

  it("applies discounts before tax and reports the discount", () => {
    const t = totals([line(3, 19.99, "OUTPUT", 10)], "EXCLUSIVE", rates);
    expect([t.LineItems[0]!.LineAmount, t.TotalDiscount, t.TotalTax, t.Total]).toEqual([53.97, 6, 5.4, 59.37]);
  });

  it("ignores tax types on NoTax documents", () => {
    const t = totals([line(2, 50)], "NoTax", rates);
    expect(t.LineItems[0]).toMatchObject({ TaxType: "NONE", TaxAmount: 0, LineAmount: 100 });
    expect(t.Total).toBe(100);
  });
});

import type { XeroTaxRate, XeroTrackingCategory } from "../types.js";
import type { SeedContext } from "./context.js";

type RateRow = [name: string, taxType: string, components: [string, number][], applies: "sales" | "purchases" | "any"];

const RATES: RateRow[] = [
  ["Tax on Sales", "OUTPUT", [["Sales Tax", 10]], "sales"],
  ["Tax on Purchases", "INPUT", [["Sales Tax", 10]], "purchases"],
  ["State and City Tax on Sales", "TAX001", [["State", 4], ["City", 1.5]], "sales"],
  ["Tax Exempt", "EXEMPTOUTPUT", [["Tax Exempt", 0]], "sales"],
  ["Tax Exempt Expenses", "EXEMPTEXPENSES", [["Tax Exempt", 0]], "purchases"],
  ["No Tax", "NONE", [["No Tax", 0]], "any"],
];

export function seedTaxRates(): XeroTaxRate[] {
  return RATES.map(([name, taxType, components, applies]) => {
    const rate = components.reduce((s, [, r]) => s + r, 0);
    const sales = applies !== "purchases";
    const purchases = applies !== "sales";
    return {
      Name: name,
      TaxType: taxType,
      TaxComponents: components.map(([n, r]) => ({ Name: n, Rate: r, IsCompound: false, IsNonRecoverable: false })),
      Status: "ACTIVE",
      ReportTaxType: sales ? "OUTPUT" : "INPUT",
      CanApplyToAssets: purchases,
      CanApplyToEquity: applies === "any",
      CanApplyToExpenses: purchases,
      CanApplyToLiabilities: applies === "any",
      CanApplyToRevenue: sales,
      DisplayTaxRate: rate,
      EffectiveRate: rate,
    };
  });
}

const TRACKING: [string, string[]][] = [
  ["Region", ["North", "South", "East", "West"]],
  ["Department", ["Retail", "Services", "Operations"]],
];

export function seedTrackingCategories(ctx: SeedContext): XeroTrackingCategory[] {
  return TRACKING.map(([name, options]) => {
    const id = ctx.guid();
    return {
      TrackingCategoryID: id,
      Name: name,
      Status: "ACTIVE",
      Options: options.map((o) => ({ TrackingOptionID: ctx.guid(), Name: o, Status: "ACTIVE" as const, TrackingCategoryID: id })),
    };
  });
}

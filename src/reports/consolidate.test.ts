import { describe, expect, it } from "vitest";
import type { ReportSection } from "../../schema/report/report.type.js";
import { consolidateBalanceSheet, consolidateProfitAndLoss, consolidationProblems, mergeSections, missingRates, rateTable, type ReportToConsolidate } from "./consolidate.js";
import { GatewayError } from "../errors/index.js";

const periods = [{ label: "Q3", fromDate: "2026-07-01", toDate: "2026-09-30" }];
const line = (name: string, accountCode: string | null, amount: string) => ({ name, accountCode, accountRemoteId: accountCode ? `r-${accountCode}` : null, amounts: [amount] });
const section = (key: string, lines: ReturnType<typeof line>[], total: string, sections: ReportSection[] = []): ReportSection => ({ key, title: key.toLowerCase(), lines, sections, total: [total] });
const part = (organizationId: string, rate: string, sections: ReportSection[]): ReportToConsolidate => ({
  organizationId, name: organizationId, rate, report: { currency: "X", periods, sections, checks: [], balanced: true },
});

describe("consolidationProblems: every bad argument named", () => {
  it("accepts a good request", () => {
    expect(consolidationProblems(["a", "b"], "USD", [{ currency: "SAR", rate: "0.2666" }, { currency: "USD", rate: "1.000" }])).toEqual([]);
  });

  it("refuses none, too many, repeats, a bad code, a non-positive or conflicting rate", () => {
    const fields = (ids: string[], cur: string, rates: Array<{ currency: string; rate: string }>) => consolidationProblems(ids, cur, rates).map((p) => p.field);
    expect(fields([], "USD", [])).toEqual(["organizationIds"]);
    expect(fields(Array.from({ length: 21 }, (_, i) => `o${i}`), "USD", [])).toEqual(["organizationIds"]);
    expect(consolidationProblems(["a", "a"], "USD", [])[0]!.message).toContain("'a' more than once");
    expect(fields(["a"], "usd", [])).toEqual(["reportingCurrency"]);
    expect(fields(["a"], "USD", [{ currency: "SAR", rate: "0" }, { currency: "SAR", rate: "1" }, { currency: "eur", rate: "1" }])).toEqual(["rates[0].rate", "rates[1].currency", "rates[2].currency"]);
    const conflicting = consolidationProblems(["a"], "USD", [{ currency: "USD", rate: "1.01" }]);
    expect(conflicting).toEqual([{ field: "rates[0].rate", message: "USD is the reporting currency, so its rate is 1; got 1.01. Leave it out or give 1." }]);
  });

  it("refuses more than 200 rates without looking at each", () => {
    const many = Array.from({ length: 201 }, () => ({ currency: "x", rate: "0" }));
    expect(consolidationProblems(["a"], "USD", many)).toEqual([{ field: "rates", message: "at most 200 rates; got 201. Give one per currency of the organizations named." }]);
  });

  it("puts the reporting currency at 1 whether given or not", () => {
    expect([...rateTable("USD", [{ currency: "SAR", rate: "0.2666" }])]).toEqual([["SAR", "0.2666"], ["USD", "1"]]);
  });

  it("a missing rate is BAD_USER_INPUT on `rates`, naming the currency and the organization", () => {
    let error: unknown;
    try {
      missingRates("USD", [{ currency: "SAR", organization: "'Daftra Demo' (org-1)" }]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).code).toBe("BAD_USER_INPUT");
    expect((error as GatewayError).message).toBe(
      `Invalid input. rates: no rate for SAR, the currency of 'Daftra Demo' (org-1); add { currency: "SAR", rate: "…" } giving units of USD per 1 SAR.`,
    );
  });
});

describe("conversion direction and rounding: amount × rate per line, 2 dp half-up, totals re-summed", () => {
  it("converts SAR to USD by multiplying (1 SAR = 0.2666 USD) and rounds each line on its own", () => {
    const sar = part("daftra", "0.2666", [section("INCOME", [line("Sales", "4100", "1000.00"), line("Services", "4200", "10.05")], "1010.05")]);
    const { sections, figures, checks, balanced } = consolidateProfitAndLoss([sar], "USD");
    // 1000 × 0.2666 = 266.60; 10.05 × 0.2666 = 2.67933 → 2.68; the total is their sum, not round(1010.05 × 0.2666) = 269.28.
    expect(sections[0]!.lines.map((l) => l.amounts[0])).toEqual(["266.60", "2.68"]);
    expect(sections[0]!.total).toEqual(["269.28"]);
    expect(figures.netProfit).toEqual(["269.28"]);
    expect(balanced).toBe(true);
    expect(checks.map((c) => c.name)).toEqual(["SECTION_TOTAL:INCOME", "GROSS_PROFIT", "NET_PROFIT", "PERIODS_ALIGNED", "ORGANIZATION:daftra"]);
  });

  it("rounds half away from zero on negatives too", () => {
    const { sections } = consolidateProfitAndLoss([part("o", "0.5", [section("OTHER_INCOME", [line("Fx", null, "-0.05"), line("Gain", null, "0.05")], "0.00")])], "USD");
    expect(sections[0]!.lines.map((l) => l.amounts[0])).toEqual(["-0.03", "0.03"]);
  });

  it("keeps a stated section total its lines do not make up, as a line", () => {
    const { sections, balanced } = consolidateProfitAndLoss([part("o", "2", [section("INCOME", [line("Sales", "1", "10.00")], "15.00")])], "USD");
    expect(sections[0]!.lines.map((l) => [l.name, l.amounts[0]])).toEqual([["Sales", "20.00"], ["Not itemised in the organization's report", "10.00"]]);
    expect(sections[0]!.total).toEqual(["30.00"]);
    expect(balanced).toBe(true);
  });
});

describe("P&L: the converted net profit is the organization's net profit × rate, rounded once", () => {
  it("puts what per-line rounding moved it by under OTHER_INCOME", () => {
    // 0.01 × 0.5 = 0.005 → 0.01 per line, 0.02 in all; the net profit 0.02 × 0.5 = 0.01.
    const o = part("o", "0.5", [section("INCOME", [line("A", "1", "0.01"), line("B", "2", "0.01")], "0.02")]);
    const { sections, figures, balanced } = consolidateProfitAndLoss([o], "USD");
    expect(sections.map((s) => [s.key, s.lines.map((l) => [l.name, l.amounts[0]]), s.total[0]])).toEqual([
      ["INCOME", [["A", "0.01"], ["B", "0.01"]], "0.02"],
      ["OTHER_INCOME", [["Rounding on conversion to USD", "-0.01"]], "-0.01"],
    ]);
    expect(figures.netProfit).toEqual(["0.01"]);
    expect(figures.totalIncome).toEqual(["0.02"]);
    expect(balanced).toBe(true);
  });
});

describe("merging by section key and account code + name", () => {
  it("adds lines with the same code and name, keeps others apart, in first-seen order", () => {
    const a = [section("INCOME", [line("Sales", "200", "100.00"), line("Other", null, "1.00")], "101.00")];
    const b = [section("INCOME", [line("sales ", "200", "50.00"), line("Sales", "4100", "7.00")], "57.00"), section("COST_OF_SALES", [line("COGS", "500", "20.00")], "20.00")];
    const merged = mergeSections([a, b], 1);
    expect(merged.map((s) => [s.key, s.total[0]])).toEqual([["INCOME", "158.00"], ["COST_OF_SALES", "20.00"]]);
    expect(merged[0]!.lines.map((l) => [l.accountCode, l.name, l.amounts[0], l.accountRemoteId])).toEqual([
      ["200", "Sales", "150.00", "r-200"],
      [null, "Other", "1.00", null],
      ["4100", "Sales", "7.00", "r-4100"],
    ]);
  });

  it("merges sub-sections under the same parent and re-sums the parent", () => {
    const a = [section("ASSETS", [], "10.00", [section("BANK", [line("Bank", "090", "10.00")], "10.00")])];
    const b = [section("ASSETS", [], "5.00", [section("BANK", [line("Bank", "090", "5.00")], "5.00"), section("CURRENT_ASSETS", [line("AR", "610", "3.00")], "3.00")])];
    const merged = mergeSections([a, b], 1);
    expect(merged[0]!.sections.map((s) => [s.key, s.total[0]])).toEqual([["BANK", "15.00"], ["CURRENT_ASSETS", "3.00"]]);
    expect(merged[0]!.total).toEqual(["18.00"]);
  });

  it("two organizations in different currencies: P&L net profit is the sum of the converted lines", () => {
    const usd = part("xero", "1", [section("INCOME", [line("Sales", "200", "1000.00")], "1000.00"), section("OPERATING_EXPENSES", [line("Rent", "469", "400.00")], "400.00")]);
    const sar = part("daftra", "0.2666", [section("INCOME", [line("Sales", "200", "3000.00")], "3000.00"), section("OPERATING_EXPENSES", [line("Rent", "469", "1000.01")], "1000.01")]);
    const { figures, checks } = consolidateProfitAndLoss([usd, sar], "USD");
    // 1000 + 799.80 − (400 + 266.60267 → 266.60) = 1133.20
    expect(figures.netProfit).toEqual(["1133.20"]);
    expect(figures.totalIncome).toEqual(["1799.80"]);
    expect(checks.filter((c) => c.name.startsWith("ORGANIZATION:")).map((c) => [c.name, c.passed])).toEqual([["ORGANIZATION:xero", true], ["ORGANIZATION:daftra", true]]);
  });
});

describe("balance sheet: A − L = E still holds after per-line rounding", () => {
  it("adds the rounding per organization under EQUITY", () => {
    // Balanced in SAR: 10.01 + 10.01 = 20.02 assets, 0 liabilities, 20.02 equity. At 0.5: 5.01 + 5.01 = 10.02 vs 10.01.
    const sar = part("daftra", "0.5", [
      section("ASSETS", [line("Bank", "1", "10.01"), line("Cash", "2", "10.01")], "20.02"),
      section("LIABILITIES", [], "0.00"),
      section("EQUITY", [line("Retained", "3", "20.02")], "20.02"),
    ]);
    const { sections, figures, balanced, checks } = consolidateBalanceSheet([sar], "USD");
    const equity = sections.find((s) => s.key === "EQUITY")!;
    expect(equity.lines.map((l) => [l.name, l.amounts[0]])).toEqual([["Retained", "10.01"], ["Rounding on conversion to USD", "0.01"]]);
    expect(figures).toEqual({ totalAssets: ["10.02"], totalLiabilities: ["0.00"], totalEquity: ["10.02"], netAssets: ["10.02"] });
    expect(balanced).toBe(true);
    expect(checks.find((c) => c.name === "ASSETS_MINUS_LIABILITIES_EQUALS_EQUITY")!.passed).toBe(true);
  });

  it("does not hide an organization whose own report does not balance", () => {
    const off = part("o", "1", [section("ASSETS", [line("Bank", "1", "10.00")], "10.00"), section("EQUITY", [line("Retained", "3", "9.00")], "9.00")]);
    off.report.balanced = false;
    off.report.checks = [{ name: "ASSETS_MINUS_LIABILITIES_EQUALS_EQUITY", passed: false, difference: ["1.00"], message: "" }];
    const { balanced, checks } = consolidateBalanceSheet([off], "USD");
    expect(balanced).toBe(false);
    expect(checks.filter((c) => !c.passed).map((c) => [c.name, c.difference])).toEqual([
      ["ASSETS_MINUS_LIABILITIES_EQUALS_EQUITY", ["1.00"]],
      ["ORGANIZATION:o", ["1.00"]],
    ]);
  });
});

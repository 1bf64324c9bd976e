/**
 * Clientary's computed reports on the sandbox's seeded books, two seeds, both bases: every check passes,
 * and the cash figures are proved against sums taken straight from the sandbox's own rows (payments
 * received and expenses incurred), not from the engine.
 */
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import type { BalanceSheet, ProfitAndLoss } from "../../../schema/report/report.type.js";
import { ReportBasis, ReportTimeframe } from "../../../schema/report/report-enums.js";
import { totalOf } from "../../../src/reports/amounts.js";
import { startSandboxOrganization } from "../testing/sandbox-organization.js";

const NOW = new Date("2026-11-15T10:00:00Z");
const FROM = "2026-07-01";
const TO = "2026-09-30";
/** Sandbox rows keep wire dates ("2026/07/26" for expenses, ISO for payments). */
const iso = (date: string) => date.slice(0, 10).replace(/\//g, "-");

describe.each([11, 5])("Clientary reports on seed %i", (seed) => {
  it("pass every check on both bases, and the cash figures equal the sandbox's payments and expenses", async () => {
    const org = await startSandboxOrganization({ sandbox: { seed, now: () => NOW }, clock: { now: () => NOW } });
    try {
      const run = async (basis: ReportBasis) => ({
        pl: (await org.adapter.profitAndLoss({ fromDate: FROM, toDate: TO, periods: 0, timeframe: ReportTimeframe.QUARTER, basis })) as ProfitAndLoss,
        bs: (await org.adapter.balanceSheet({ date: TO, periods: 1, timeframe: ReportTimeframe.QUARTER, basis })) as BalanceSheet,
      });
      const cash = await run(ReportBasis.CASH);
      const accrual = await run(ReportBasis.ACCRUAL);
      for (const r of [cash.pl, cash.bs, accrual.pl, accrual.bs]) expect(r.checks.filter((c) => !c.passed).map((c) => c.message)).toEqual([]);

      const { payments, expenses } = org.sandbox.books;
      const sum = (rows: Array<{ amount: number }>) => rows.reduce((s, r) => s.plus(r.amount), new Decimal(0));
      const received = sum(payments.filter((p) => iso(p.received_on) >= FROM && iso(p.received_on) <= TO));
      const spent = sum(expenses.filter((e) => iso(e.incurred_on) >= FROM && iso(e.incurred_on) <= TO));
      const bankAt = sum(payments.filter((p) => iso(p.received_on) <= TO)).minus(sum(expenses.filter((e) => iso(e.incurred_on) <= TO)));
      // Cash: income + the sales tax it collected (the tax liability's movement over the quarter) is what was
      // received; expenses (Clientary's carry no tax) are what was spent; the bank, on both bases, is
      // everything received less everything spent up to the date.
      const income = new Decimal(totalOf(cash.pl.sections, "INCOME", 1)[0]!);
      const [taxAtEnd, taxAtStart] = totalOf(cash.bs.sections, "CURRENT_LIABILITIES", 2).map((a) => new Decimal(a));
      expect(income.plus(taxAtEnd!.minus(taxAtStart!)).toFixed(2)).toBe(received.toFixed(2));
      expect(totalOf(cash.pl.sections, "OPERATING_EXPENSES", 1)).toEqual([spent.toFixed(2)]);
      for (const bs of [cash.bs, accrual.bs]) expect(totalOf(bs.sections, "BANK", 2)[0]).toBe(bankAt.toFixed(2));
    } finally {
      await org.sandbox.close();
    }
  });
});

describe("Clientary's document-level tax (seed 11, 2026-01-01..2026-10-31)", () => {
  it("is sales tax, not income: cash income 447,567.86 before (11,078.45 of it tax), 436,489.41 now", async () => {
    const org = await startSandboxOrganization({ sandbox: { now: () => NOW }, clock: { now: () => NOW } });
    try {
      const params = { fromDate: "2026-01-01", toDate: "2026-10-31", periods: 0, timeframe: ReportTimeframe.MONTH };
      const cash = await org.adapter.profitAndLoss({ ...params, basis: ReportBasis.CASH });
      expect(cash.totalIncome).toEqual(["436489.41"]);
      expect(cash.checks.find((c) => c.name === "CASH_INCOME_EQUALS_RECEIPTS")).toMatchObject({ passed: true, difference: ["0.00"] });
      const bs = (basis: ReportBasis) => org.adapter.balanceSheet({ date: "2026-10-31", periods: 0, timeframe: ReportTimeframe.MONTH, basis });
      expect(totalOf((await bs(ReportBasis.CASH)).sections, "CURRENT_LIABILITIES", 1)).toEqual(["20447.02"]);
      const accrual = await bs(ReportBasis.ACCRUAL);
      expect(totalOf(accrual.sections, "CURRENT_LIABILITIES", 1)).toEqual(["25698.32"]);
      expect(totalOf(accrual.sections, "CURRENT_ASSETS", 1)).toEqual(["197641.82"]);
    } finally {
      await org.sandbox.close();
    }
  });
});

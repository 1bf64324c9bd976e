/**
 * Daftra's computed reports on the sandbox's seeded books, one test per defect found in issue 12
 * (figures measured on seed 7, sandbox day 2026-12-07, Q3 2026 with two prior quarters, balance
 * sheet at 2026-09-30), and every books check passing on both bases for two seeds.
 */
import { Decimal } from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BalanceSheet, ProfitAndLoss, ReportSection } from "../../../schema/report/report.type.js";
import { ReportBasis, ReportTimeframe } from "../../../schema/report/report-enums.js";
import { computeBalanceSheet, computeProfitAndLoss, type Ledger } from "../../../src/reports/engine/index.js";
import { liveBooks, readDocumentBooks } from "../../../src/reports/books.js";
import type { DocumentBooks } from "../../../src/reports/engine/document-index.js";
import { createUpstreamGovernor } from "../../../src/upstream/index.js";
import { createDaftraApi } from "../client/daftra-api.js";
import { startSandboxOrganization, type SandboxOrganization } from "../testing/sandbox-organization.js";
import { daftraJournalLedger } from "./daftra-ledger.js";
import { readJournalBooks, type JournalBooks } from "./journal-ledger.js";

const DAY = () => new Date("2026-12-07T12:00:00Z");
const PL = { fromDate: "2026-07-01", toDate: "2026-09-30", periods: 2, timeframe: ReportTimeframe.QUARTER };
const BS = { date: "2026-09-30", periods: 0, timeframe: ReportTimeframe.QUARTER };
const CTX = { organizationId: "org-1", provider: "DAFTRA" as never };

const lines = (sections: ReportSection[]): Record<string, string[]> =>
  Object.fromEntries(sections.flatMap((s) => [...s.lines.map((l) => [`${s.key}/${l.accountCode ?? l.name}`, l.amounts]), ...Object.entries(lines(s.sections))]));
const failed = (r: { checks: Array<{ name: string; passed: boolean }> }) => r.checks.filter((c) => !c.passed).map((c) => c.name);

async function open(seed: number) {
  const org = await startSandboxOrganization({ sandbox: { seed, now: DAY }, clock: { now: DAY } });
  const reports = async (basis: ReportBasis) => ({
    pl: await org.raw.profitAndLoss({ ...PL, basis }),
    bs: await org.raw.balanceSheet({ ...BS, basis }),
  });
  return { org, cash: await reports(ReportBasis.CASH), accrual: await reports(ReportBasis.ACCRUAL) };
}

describe("Daftra reports on seed 7 (issue 12's books)", () => {
  let org: SandboxOrganization;
  let cash: { pl: ProfitAndLoss; bs: BalanceSheet };
  let accrual: { pl: ProfitAndLoss; bs: BalanceSheet };
  let journal: JournalBooks;
  let documents: DocumentBooks;
  beforeAll(async () => {
    ({ org, cash, accrual } = await open(7));
    const api = createDaftraApi({ baseUrl: org.sandbox.url, apiKey: async () => org.sandbox.apiKey, governor: createUpstreamGovernor({ maxConcurrent: 4, perMinute: 100_000 }) });
    journal = await readJournalBooks(api);
    documents = await readDocumentBooks(liveBooks(org.raw), ["Invoice", "Bill", "Payment", "Expense"]);
  });
  afterAll(() => org.sandbox.close());

  it("bank is the same on both bases: 1,878,551.14 on cash before, now 1,625,850.49 on both", () => {
    expect(lines(cash.bs.sections)).toMatchObject({ "BANK/1201": ["1358535.69"], "BANK/1202": ["267314.80"] });
    expect(cash.bs.sections[0]!.sections.find((s) => s.key === "BANK")!.total).toEqual(["1625850.49"]);
    expect(accrual.bs.sections[0]!.sections.find((s) => s.key === "BANK")!.total).toEqual(["1625850.49"]);
    expect(cash.bs.checks.find((c) => c.name === "BANK_SAME_ON_BOTH_BASES")).toMatchObject({ passed: true, difference: ["0.00"] });
  });

  it("cash P&L includes purchases as they are paid: Q3 cost of sales was missing, now 72,060.90 (accrual 100,629.00)", () => {
    expect(lines(cash.pl.sections)["COST_OF_SALES/5101"]).toEqual(["72060.90", "111292.56", "82006.92"]);
    expect(cash.pl.checks.find((c) => c.name === "CASH_EXPENSES_EQUAL_PAYMENTS")).toMatchObject({ passed: true, difference: ["0.00", "0.00", "0.00"] });
  });

  it("other income is Other Income, not negative expenses (−1,690.04, −1,200.42, −4,847.65 before)", () => {
    for (const report of [cash.pl, accrual.pl]) {
      expect(lines(report.sections)["OTHER_INCOME/4102"]).toEqual(["7738.11", "4807.44", "1291.12"]);
      const expenses = Object.entries(lines(report.sections)).filter(([key]) => key.includes("EXPENSES/"));
      expect(expenses.flatMap(([, amounts]) => amounts).filter((a) => a.startsWith("-"))).toEqual([]);
    }
    expect(cash.pl.checks.find((c) => c.name === "CASH_INCOME_EQUALS_RECEIPTS")).toMatchObject({ passed: true, difference: ["0.00", "0.00", "0.00"] });
  });

  it("net profit: cash 233,415.11 → 161,354.17; accrual 142,328.77 (measured; the issue quoted 146,349)", () => {
    expect(cash.pl.netProfit).toEqual(["161354.17", "282294.29", "182517.71"]);
    expect(accrual.pl.netProfit).toEqual(["142328.77", "144447.05", "242030.43"]);
    expect(cash.pl.totalIncome).toEqual(["249867.30", "431297.80", "294620.20"]);
  });

  it("accrual: Cost of Purchases (5101) is cost of sales, so gross profit 158,781.00 is no longer income 267,148.11", () => {
    expect(lines(accrual.pl.sections)["COST_OF_SALES/5101"]).toEqual(["100629.00", "142002.00", "77979.00"]);
    expect(accrual.pl.totalIncome).toEqual(["259410.00", "324160.00", "350105.00"]);
    expect(accrual.pl.grossProfit).toEqual(["158781.00", "182158.00", "272126.00"]);
    expect(lines(accrual.pl.sections)["OPERATING_EXPENSES/5101"]).toBeUndefined();
  });

  it("every check passes on both bases, and names the books checks it ran", () => {
    for (const r of [cash.pl, cash.bs, accrual.pl, accrual.bs]) expect(failed(r)).toEqual([]);
    expect(cash.pl.checks.map((c) => c.name)).toEqual(expect.arrayContaining(["CASH_INCOME_EQUALS_RECEIPTS", "CASH_EXPENSES_EQUAL_PAYMENTS", "JOURNAL_READ_COMPLETE"]));
    expect(accrual.bs.checks.map((c) => c.name)).toEqual(expect.arrayContaining(["BANK_SAME_ON_BOTH_BASES", "RETAINED_EARNINGS_ROLL_FORWARD", "JOURNAL_READ_COMPLETE"]));
    expect(accrual.bs.balanced && cash.bs.balanced && accrual.pl.balanced && cash.pl.balanced).toBe(true);
  });

  it("the checks fail on the old defects: purchases left out, a wrong bank, a journal that disagrees", () => {
    const ledger = daftraJournalLedger(journal, documents, ReportBasis.CASH, { currency: "SAR" });
    // Purchases left out of the cash P&L (the old defect): the payments check fails by exactly that.
    const purchases = ledger.accounts.find((a) => a.code === "5101")!.remoteId;
    const noPurchases: Ledger = { ...ledger, postings: ledger.postings.filter((p) => p.accountRemoteId !== purchases) };
    const pl = computeProfitAndLoss(noPurchases, { ...PL, basis: ReportBasis.CASH }, CTX);
    expect(pl.balanced).toBe(false);
    expect(failed(pl)).toEqual(["CASH_EXPENSES_EQUAL_PAYMENTS"]);
    expect(pl.checks.find((c) => c.name === "CASH_EXPENSES_EQUAL_PAYMENTS")!.difference).toEqual(["-72060.90", "-111292.56", "-82006.92"]);
    // A bank that differs from the other basis's.
    const bank = ledger.accounts.find((a) => a.code === "1201")!.remoteId;
    const shifted: Ledger = { ...ledger, postings: [...ledger.postings, { date: "2026-09-01", accountRemoteId: bank, amount: "252700.65" }, { date: "2026-09-01", accountRemoteId: ledger.accounts.find((a) => a.code === "3101")!.remoteId, amount: "-252700.65" }] };
    const bs = computeBalanceSheet(shifted, { ...BS, basis: ReportBasis.CASH }, CTX);
    expect(failed(bs)).toEqual(["BANK_SAME_ON_BOTH_BASES"]);
    expect(bs.checks.find((c) => c.name === "BANK_SAME_ON_BOTH_BASES")!.difference).toEqual(["252700.65"]);
    // Daftra's stated account totals disagreeing with the journal lines.
    const totals = journal.totals.map((t) => (t.accountRemoteId === bank ? { ...t, debit: new Decimal(t.debit).plus("0.01").toFixed(2) } : t));
    const tb = computeBalanceSheet({ ...ledger, evidence: { ...ledger.evidence!, journal: { ...ledger.evidence!.journal!, totals } } }, { ...BS, basis: ReportBasis.CASH }, CTX);
    expect(failed(tb)).toEqual(["JOURNAL_READ_COMPLETE"]);
    expect(tb.checks.find((c) => c.name === "JOURNAL_READ_COMPLETE")!.message).toContain("account 1201: postings read");
  });
});

describe("Daftra reports on seed 11", () => {
  it("every check passes on both bases, and bank agrees", async () => {
    const { org, cash, accrual } = await open(11);
    try {
      for (const r of [cash.pl, cash.bs, accrual.pl, accrual.bs]) expect(failed(r)).toEqual([]);
      expect(cash.bs.totalAssets).not.toEqual(accrual.bs.totalAssets);
      const bank = (bs: BalanceSheet) => bs.sections[0]!.sections.find((s) => s.key === "BANK")!.total;
      expect(bank(cash.bs)).toEqual(bank(accrual.bs));
    } finally {
      await org.sandbox.close();
    }
  });
});

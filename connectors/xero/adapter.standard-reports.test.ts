import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReportBasis, ReportTimeframe } from "../../schema/report/report-enums.js";
import { AgedBy, type AgedReport } from "../../schema/report/standard-reports.type.js";
import type { AgedReportParams, AgedSide } from "../../src/connector/adapter.js";
import { toGlobalId } from "../../src/ids/global-id.js";
import { Decimal } from "../../src/money/decimal.js";
import { startSandboxOrganization, type SandboxOrganization } from "./testing/sandbox-organization.js";

let org: SandboxOrganization;
beforeAll(async () => (org = await startSandboxOrganization({ sandbox: { today: "2026-11-22" } })));
afterAll(() => org.sandbox.close());

const API = "/api.xro/2.0";
const calls = (path: string) => org.sandbox.stats.byPath[`${API}${path}`] ?? 0;

describe("trial balance", () => {
  it.each([ReportBasis.ACCRUAL, ReportBasis.CASH])("maps Xero's TrialBalance (%s): balanced, lines by class with codes, two periods", async (basis) => {
    const tb = await org.adapter.trialBalance!({ date: "2026-10-31", basis });
    expect(tb.checks.filter((c) => !c.passed)).toEqual([]);
    expect(tb).toMatchObject({ source: "NATIVE", provider: "XERO", basis, date: "2026-10-31", balanced: true, currency: expect.stringMatching(/^[A-Z]{3}$/) });
    expect(tb.periods).toEqual([
      { label: "Oct 2026", fromDate: "2026-10-01", toDate: "2026-10-31" },
      { label: "1 Jan 2026 – 31 Oct 2026", fromDate: "2026-01-01", toDate: "2026-10-31" },
    ]);
    expect(tb.totalDebit).toBe(tb.totalCredit);
    expect(tb.totalYtdDebit).toBe(tb.totalYtdCredit);
    expect([...new Set(tb.lines.map((l) => l.class))]).toEqual(["REVENUE", "EXPENSE", "ASSET", "LIABILITY", "EQUITY"]);
    const bank = tb.lines.find((l) => l.accountCode === "090")!;
    expect(bank).toMatchObject({ name: "Business Bank Account", class: "ASSET", accountRemoteId: expect.any(String) });
    // The year-to-date column of a balance-sheet account is its balance: the balance sheet's bank line.
    const bs = await org.adapter.balanceSheet({ date: "2026-10-31", periods: 0, timeframe: ReportTimeframe.MONTH, basis });
    const bankLine = bs.sections[0]!.sections.find((s) => s.key === "BANK")!.lines.find((l) => l.accountRemoteId === bank.accountRemoteId)!;
    expect(new Decimal(bank.ytdDebit).minus(bank.ytdCredit).toFixed(2)).toBe(bankLine.amounts[0]);
    expect((tb.raw as { ReportID: string }).ReportID).toBe("TrialBalance");
  });

  it("makes one TrialBalance call; the chart and organisation come from the cache the second time", async () => {
    await org.adapter.trialBalance!({ date: "2026-09-30", basis: ReportBasis.ACCRUAL });
    org.sandbox.stats.reset();
    await org.adapter.trialBalance!({ date: "2026-08-31", basis: ReportBasis.ACCRUAL });
    expect(org.sandbox.stats.byPath).toEqual({ [`${API}/Reports/TrialBalance`]: 1 });
  });
});

describe("aged receivables and payables", () => {
  const params = (side: AgedSide, contactRemoteId: string | null): AgedReportParams =>
    ({ side, date: "2026-11-22", agedBy: AgedBy.DUE_DATE, bucketDays: [30, 60, 90], contactRemoteId, toDate: "2026-11-22", basis: ReportBasis.ACCRUAL });
  const withoutReferences = (contacts: AgedReport["contacts"]) => contacts.map((c) => ({ ...c, documents: c.documents.map((d) => ({ ...d, reference: null })) }));

  it.each(["RECEIVABLES", "PAYABLES"] as const)("%s for one contact is Xero's by-contact report, bucketed, equal to the computed report's entry", async (side) => {
    const all = await org.adapter.agedReport!(params(side, null));
    expect(all).toMatchObject({ source: "COMPUTED", balanced: true });
    const busiest = [...all.contacts].sort((a, b) => b.documents.length - a.documents.length)[0]!;
    const remoteId = org.sandbox.books.contacts.find((c) => toGlobalId({ organizationId: org.organization.id, type: "Contact", remoteId: c.ContactID }) === busiest.contactId)!.ContactID;
    org.sandbox.stats.reset();
    const one = await org.adapter.agedReport!(params(side, remoteId));
    expect(calls(side === "RECEIVABLES" ? "/Reports/AgedReceivablesByContact" : "/Reports/AgedPayablesByContact")).toBe(1);
    expect(one.checks.filter((c) => !c.passed)).toEqual([]);
    expect(one).toMatchObject({ source: "NATIVE", date: "2026-11-22", agedBy: "DUE_DATE", balanced: true });
    expect(one.buckets.map((b) => b.label)).toEqual(["Current", "1 - 30 days", "31 - 60 days", "61 - 90 days", "Older than 90 days"]);
    expect(withoutReferences(one.contacts)).toEqual(withoutReferences([busiest]));
    expect(one.amounts).toEqual(busiest.amounts);
    expect(one.total).toBe(busiest.total);
    expect((one.raw as { ReportID: string }).ReportID).toBe(side === "RECEIVABLES" ? "AgedReceivablesByContact" : "AgedPayablesByContact");
  });

  it("a contact Xero does not know answers NOT_FOUND", async () => {
    await expect(org.adapter.agedReport!(params("RECEIVABLES", "00000000-0000-4000-8000-000000000001"))).rejects.toMatchObject({ extensions: { code: "NOT_FOUND" } });
  });

  it("reads the documents for every contact (the mirror may stand in), and asks Xero for one contact", () => {
    const adapter = org.adapter;
    expect(adapter.reportInputs!("AgedReceivables", ReportBasis.ACCRUAL, params("RECEIVABLES", null))).toEqual({ kind: "BOOKS", entities: ["Invoice", "Bill", "CreditNote", "Payment"] });
    expect(adapter.reportInputs!("AgedPayables", ReportBasis.ACCRUAL, params("PAYABLES", "c-1"))).toEqual({ kind: "UPSTREAM" });
    expect(adapter.reportInputs!("TrialBalance", ReportBasis.CASH, { date: "2026-10-31", basis: ReportBasis.CASH })).toEqual({ kind: "UPSTREAM" });
    expect(adapter.reportInputs!("CashSummary", ReportBasis.ACCRUAL)).toEqual({ kind: "UPSTREAM" });
  });
});

describe("cash summary", () => {
  it("makes one BankSummary call per period and chains them: each closing is the next period's opening", async () => {
    org.sandbox.stats.reset();
    const cs = await org.adapter.cashSummary!({ fromDate: "2026-10-01", toDate: "2026-10-31", periods: 2, timeframe: ReportTimeframe.MONTH, basis: ReportBasis.ACCRUAL });
    expect(calls("/Reports/BankSummary")).toBe(3);
    expect(cs.checks.filter((c) => !c.passed)).toEqual([]);
    expect(cs).toMatchObject({ source: "NATIVE", balanced: true, fromDate: "2026-10-01", toDate: "2026-10-31" });
    expect(cs.periods.map((p) => p.label)).toEqual(["Oct 2026", "Sep 2026", "Aug 2026"]);
    expect(cs.accounts.map((a) => a.accountCode)).toEqual(["090", "091"]);
    for (const account of cs.accounts) {
      expect(account.opening[0]).toBe(account.closing[1]);
      expect(account.opening[1]).toBe(account.closing[2]);
    }
    expect(cs.closing[0]).toBe(cs.accounts.reduce((sum, a) => sum.plus(a.closing[0]!), new Decimal(0)).toFixed(2));
    expect(Array.isArray(cs.raw)).toBe(true);
  });

  it("matches the balance sheet's bank at the period end", async () => {
    const cs = await org.adapter.cashSummary!({ fromDate: "2026-07-01", toDate: "2026-09-30", periods: 0, timeframe: ReportTimeframe.QUARTER, basis: ReportBasis.ACCRUAL });
    const bs = await org.adapter.balanceSheet({ date: "2026-09-30", periods: 0, timeframe: ReportTimeframe.MONTH, basis: ReportBasis.ACCRUAL });
    const bank = bs.sections[0]!.sections.find((s) => s.key === "BANK")!;
    expect(cs.closing[0]).toBe(bank.total[0]);
    expect(cs.periods).toEqual([{ label: "1 Jul 2026 – 30 Sep 2026", fromDate: "2026-07-01", toDate: "2026-09-30" }]);
    expect((cs.raw as { ReportID: string }).ReportID).toBe("BankSummary");
  });
});

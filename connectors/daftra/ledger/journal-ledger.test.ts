import { Decimal } from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Provider } from "../../../schema/common/provider.enum.js";
import { ReportBasis, ReportTimeframe } from "../../../schema/report/report-enums.js";
import { computeBalanceSheet, computeProfitAndLoss, type Ledger } from "../../../src/reports/engine/index.js";
import { createUpstreamGovernor } from "../../../src/upstream/index.js";
import { createDaftraApi } from "../client/daftra-api.js";
import { TEST_NOW, startSandbox } from "../sandbox/test/harness.js";
import type { DaftraSandbox } from "../sandbox/server.js";
import { loadJournalLedger } from "./journal-ledger.js";

let sandbox: DaftraSandbox;
let ledger: Ledger;
beforeAll(async () => {
  sandbox = await startSandbox();
  const api = createDaftraApi({ baseUrl: sandbox.url, apiKey: async () => sandbox.apiKey, governor: createUpstreamGovernor({ maxConcurrent: 4, perMinute: 10_000 }) });
  ledger = await loadJournalLedger(api, { currency: "SAR", organizationName: "Nakheel" });
});
afterAll(() => sandbox.close());

const ctx = { organizationId: "org-1", provider: Provider.DAFTRA };

describe("Daftra journal ledger", () => {
  it("reads every journal line, and the postings net to zero", () => {
    const lines = sandbox.books.journals.reduce((n, j) => n + j.lines.filter((l) => l.debit !== l.credit).length, 0);
    expect(ledger.postings).toHaveLength(lines);
    expect(ledger.postings.reduce((s, p) => s.plus(p.amount), new Decimal(0)).toFixed(2)).toBe("0.00");
    expect(ledger.accounts.find((a) => a.code === "1201")).toMatchObject({ class: "ASSET", sectionKey: "BANK" });
  });

  it("feeds the shared engine: balance sheet and P&L pass their checks", () => {
    const today = TEST_NOW().toISOString().slice(0, 10);
    const bs = computeBalanceSheet(ledger, { date: today, periods: 1, timeframe: ReportTimeframe.MONTH, basis: ReportBasis.ACCRUAL }, ctx);
    const pl = computeProfitAndLoss(ledger, { fromDate: "2026-01-01", toDate: today, periods: 0, timeframe: ReportTimeframe.MONTH, basis: ReportBasis.ACCRUAL }, ctx);
    expect(bs.balanced).toBe(true);
    expect(pl.balanced).toBe(true);
  });
});

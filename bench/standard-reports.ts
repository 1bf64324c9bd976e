import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { ReportBasis, ReportTimeframe } from "../schema/report/report-enums.js";
import { AgedBy } from "../schema/report/standard-reports.type.js";
import type { ConnectorAdapter } from "../src/connector/adapter.js";
import type { EntityName } from "../src/connector/entities.js";
import { openMirrorStore } from "../src/mirror/open-mirror-store.js";
import { loadMirrorBooks } from "../src/mirror/reports/mirror-books.js";
import { fillMirror } from "../src/mirror/reports/testing/fill-mirror.js";
import { readDocumentBooks, type BooksReader } from "../src/reports/books.js";
import { computeBalanceSheet, computeProfitAndLoss } from "../src/reports/engine/index.js";
import { fixedChartLedger } from "../src/reports/engine/fixed-chart-ledger.js";
import { computeAgedReport, computeCashSummary, computeTrialBalance } from "../src/reports/engine/standard-reports.js";
import { syntheticBooks } from "../src/reports/engine/testing/synthetic-books.js";
import { startSandboxOrganization as startClientary } from "../connectors/clientary/testing/sandbox-organization.js";
import { startSandboxOrganization as startDaftra } from "../connectors/daftra/testing/sandbox-organization.js";
import { startSandboxOrganization as startXero } from "../connectors/xero/testing/sandbox-organization.js";
import { Provider } from "../schema/common/provider.enum.js";
import { ms, table } from "./support.js";

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const basis = ReportBasis.ACCRUAL;
const MONTHLY = { periods: 11, timeframe: ReportTimeframe.MONTH };
const AGED = { date: "2026-09-30", agedBy: AgedBy.DUE_DATE, bucketDays: [30, 60, 90], basis };

/** Each report as a client asks it: P&L and balance sheet with 12 monthly columns, the standard reports at 30 Sep 2026. */
const REPORTS: Record<string, (adapter: ConnectorAdapter, books?: BooksReader) => Promise<{ balanced: boolean }>> = {
  "P&L (12 months)": (a, books) => a.profitAndLoss({ fromDate: "2026-09-01", toDate: "2026-09-30", ...MONTHLY, basis, books }),
  "balance sheet (12 months)": (a, books) => a.balanceSheet({ date: "2026-09-30", ...MONTHLY, basis, books }),
  "trial balance": (a, books) => a.trialBalance!({ date: "2026-09-30", basis, books }),
  "aged receivables": (a, books) => a.agedReport!({ side: "RECEIVABLES", ...AGED, books }),
  "aged payables": (a, books) => a.agedReport!({ side: "PAYABLES", ...AGED, books }),
  "cash summary (12 months)": (a, books) => a.cashSummary!({ fromDate: "2026-09-01", toDate: "2026-09-30", ...MONTHLY, basis, books }),
};

async function time(run: () => Promise<unknown> | unknown, rounds: number): Promise<number> {
  const samples: number[] = [];
  await run();
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

/** Part 1: every report on each sandbox's seeded books, through its adapter (live reads on the loopback sandbox). */
async function seededBooks(rounds: number): Promise<void> {
  const organizations = [
    { provider: Provider.XERO, org: await startXero() },
    { provider: Provider.DAFTRA, org: await startDaftra() },
    { provider: Provider.CLIENTARY, org: await startClientary() },
  ];
  try {
    const rows: Array<Record<string, string>> = [];
    for (const [report, run] of Object.entries(REPORTS)) {
      const row: Record<string, string> = { report };
      for (const { provider, org } of organizations) {
        if (provider === Provider.CLIENTARY && report === "aged payables") { row[provider] = "(no bills)"; continue; }
        row[provider] = ms(await time(() => run(org.adapter), rounds));
      }
      rows.push(row);
    }
    console.log(`\nStandard reports on the sandboxes' seeded books, live through each adapter (median of ${rounds}; Xero's are its own, the others computed)`);
    console.log(table(rows));
  } finally {
    for (const { org } of organizations) await org.sandbox.close();
  }
}

const MIRRORED: EntityName[] = ["Invoice", "Bill", "Payment", "BankTransaction"];

/**
 * Part 2: the engine over 10,000 and 100,000 synthetic documents read from a SQLite mirror, as the
 * gateway serves a computed report from the mirror (one snapshot read, then the report), each report
 * alone; linear growth ⇒ the 100k/10k ratio is ≈ 10.
 */
async function mirrorBooks(rounds: number): Promise<void> {
  const sizes = [10_000, 100_000];
  const dir = mkdtempSync(join(tmpdir(), "ledgerline-bench-reports-"));
  const store = await openMirrorStore({ kind: "sqlite", file: join(dir, "mirror.db") });
  try {
    const organizations = sizes.map((size) => `bench-org-${size}`);
    for (const [i, size] of sizes.entries()) {
      const books = syntheticBooks(size);
      await fillMirror(store, organizations[i]!, "Invoice", books.invoices ?? []);
      await fillMirror(store, organizations[i]!, "Bill", books.bills ?? []);
      await fillMirror(store, organizations[i]!, "Payment", books.payments ?? []);
      await fillMirror(store, organizations[i]!, "BankTransaction", books.bankTransactions ?? []);
    }
    const ctx = { organizationId: "bench", provider: Provider.CLIENTARY };
    const ledgerOf = async (books: BooksReader) => fixedChartLedger(await readDocumentBooks(books, ["Invoice", "Bill", "Payment", "BankTransaction"]), { currency: "USD", basis });
    const engine: Record<string, (books: BooksReader) => Promise<unknown>> = {
      "P&L (12 months)": async (b) => computeProfitAndLoss(await ledgerOf(b), { fromDate: "2026-09-01", toDate: "2026-09-30", ...MONTHLY, basis }, ctx),
      "balance sheet (12 months)": async (b) => computeBalanceSheet(await ledgerOf(b), { date: "2026-09-30", ...MONTHLY, basis }, ctx),
      "trial balance": async (b) => computeTrialBalance(await ledgerOf(b), { date: "2026-09-30", basis }, ctx),
      "aged receivables": async (b) => computeAgedReport(await readDocumentBooks(b, ["Invoice", "Payment"]), { side: "RECEIVABLES", ...AGED }, { ...ctx, currency: "USD" }),
      "aged payables": async (b) => computeAgedReport(await readDocumentBooks(b, ["Bill", "Payment"]), { side: "PAYABLES", ...AGED }, { ...ctx, currency: "USD" }),
      "cash summary (12 months)": async (b) => computeCashSummary(await ledgerOf(b), { fromDate: "2026-09-01", toDate: "2026-09-30", ...MONTHLY, basis }, ctx),
    };
    const load: number[] = [];
    const rows: Array<Record<string, string>> = [];
    for (const [i, organizationId] of organizations.entries()) load[i] = await time(() => loadMirrorBooks(store, organizationId, MIRRORED), rounds);
    rows.push({ report: "read the books from the mirror", "10k documents": ms(load[0]!), "100k documents": ms(load[1]!), ratio: `${(load[1]! / load[0]!).toFixed(2)}×` });
    for (const [report, run] of Object.entries(engine)) {
      const books = await Promise.all(organizations.map((o) => loadMirrorBooks(store, o, MIRRORED)));
      const times: number[] = [];
      for (const b of books) times.push(await time(() => run(b), rounds));
      rows.push({ report, "10k documents": ms(times[0]!), "100k documents": ms(times[1]!), ratio: `${(times[1]! / times[0]!).toFixed(2)}×` });
    }
    console.log(`\nThe engine over synthetic books in a SQLite mirror (median of ${rounds}; documents → postings → report, each report alone)`);
    console.log(table(rows));
    console.log("Linear time ⇒ the 100k/10k ratio is ≈ 10×.");
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `npm run bench -- standard-reports`: each report on the seeded books and on 100k documents from the mirror. */
export async function benchStandardReports({ rounds = Number(process.env.BENCH_REPORT_ROUNDS ?? 5) } = {}): Promise<void> {
  await seededBooks(rounds);
  await mirrorBooks(Math.max(3, Math.min(rounds, 5)));
}

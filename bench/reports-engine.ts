import { performance } from "node:perf_hooks";
import { ReportBasis, ReportTimeframe } from "../schema/report/report-enums.js";
import { computeBalanceSheet, computeProfitAndLoss, documentPostings } from "../src/reports/engine/index.js";
import { CHART } from "../src/reports/engine/testing/documents.js";
import { CTX, handLedger } from "../src/reports/engine/testing/hand-ledger.js";
import { syntheticBooks } from "../src/reports/engine/testing/synthetic-books.js";
import { ms, table } from "./support.js";

const SIZES = [10_000, 100_000];
const BASES = [ReportBasis.ACCRUAL, ReportBasis.CASH];
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

interface Run { postings: number; derive: number; report: number }

/** Documents → postings, then the P&L and balance sheet with 11 comparison months, on both bases. */
function runOnce(books: ReturnType<typeof syntheticBooks>): Run {
  const run: Run = { postings: 0, derive: 0, report: 0 };
  for (const basis of BASES) {
    const started = performance.now();
    const ledger = handLedger(documentPostings(books, CHART, basis));
    const derived = performance.now();
    const pnl = computeProfitAndLoss(ledger, { fromDate: "2026-12-01", toDate: "2026-12-31", periods: 11, timeframe: ReportTimeframe.MONTH, basis }, CTX);
    const bs = computeBalanceSheet(ledger, { date: "2026-12-31", periods: 11, timeframe: ReportTimeframe.MONTH, basis }, CTX);
    if (!pnl.balanced || !bs.balanced) throw new Error(`synthetic ${basis} reports do not balance`);
    run.postings += ledger.postings.length;
    run.derive += derived - started;
    run.report += performance.now() - derived;
  }
  return run;
}

/** Times the reports engine over 10,000 and 100,000 synthetic documents (interleaved rounds, medians); linear ⇒ ratio ≈ 10. */
export async function benchReportsEngine({ rounds = Number(process.env.BENCH_ENGINE_ROUNDS ?? 5) } = {}): Promise<void> {
  const books = SIZES.map((size) => syntheticBooks(size));
  const runs: Run[][] = SIZES.map(() => []);
  runOnce(books[0]);
  for (let round = 0; round < rounds; round++) books.forEach((b, i) => runs[i].push(runOnce(b)));
  const medians = runs.map((r) => ({
    postings: r[0].postings,
    derive: median(r.map((x) => x.derive)),
    report: median(r.map((x) => x.report)),
    total: median(r.map((x) => x.derive + x.report)),
  }));
  const ratio = (key: "derive" | "report" | "total") => `${(medians[1][key] / medians[0][key]).toFixed(2)}×`;
  console.log(`\nReports engine: P&L + balance sheet (12 monthly columns), accrual and cash; median of ${rounds} interleaved rounds`);
  console.log(table([
    ...SIZES.map((size, i) => ({
      documents: size, postings: medians[i].postings,
      "documents → postings": ms(medians[i].derive), "postings → reports": ms(medians[i].report), total: ms(medians[i].total),
    })),
    { documents: "ratio", postings: "", "documents → postings": ratio("derive"), "postings → reports": ratio("report"), total: ratio("total") },
  ]));
  console.log("Linear time ⇒ the 100k/10k ratio is ≈ 10×.");
}

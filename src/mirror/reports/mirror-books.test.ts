import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Provider } from "../../../schema/common/provider.enum.js";
import { ReportBasis, ReportTimeframe } from "../../../schema/report/report-enums.js";
import { seedBooks } from "../../../connectors/xero/sandbox/books/seed.js";
import type { EntityName } from "../../connector/entities.js";
import { readDocumentBooks, type BooksReader, type DocumentEntity } from "../../reports/books.js";
import { computeBalanceSheet, computeProfitAndLoss, type Ledger } from "../../reports/engine/index.js";
import { documentPostings } from "../../reports/engine/document-ledger.js";
import type { DocumentBooks } from "../../reports/engine/document-index.js";
import { fixedChartLedger } from "../../reports/engine/fixed-chart-ledger.js";
import { sandboxChart, sandboxLedgers, unifiedBooks } from "../../reports/engine/testing/xero-books-ledger.js";
import type { MirrorStore } from "../mirror-store.js";
import { openMirrorStore } from "../open-mirror-store.js";
import { loadMirrorBooks } from "./mirror-books.js";
import { fillMirror, mirrorWriteOf, nonJsonValues } from "./testing/fill-mirror.js";

/**
 * Records in the mirror are the connector's unified records through JSON. A report computed from
 * them must equal the report computed from the records as the connector returned them: the engine
 * gets the same types (money, quantities and dates are strings either way).
 */
const ORG = "org-round-trip";
const NOW = new Date("2026-03-15T12:00:00.000Z");
const engine = { organizationId: ORG, provider: Provider.XERO };
const ENTITIES: readonly DocumentEntity[] = ["Invoice", "Bill", "CreditNote", "Payment", "BankTransaction"];

const xero = seedBooks({ seed: 7, today: "2026-03-15" });
const { accounts, documents } = unifiedBooks(xero, ORG, NOW);
const liveLedgers = sandboxLedgers(xero, ORG, NOW);
const recordsOf: Record<DocumentEntity, readonly object[]> = {
  Invoice: documents.invoices!, Bill: documents.bills!, CreditNote: documents.creditNotes!, Payment: documents.payments!, BankTransaction: documents.bankTransactions!, Expense: [],
};

/** The engine's ledger over `books` with the sandbox's chart: only the documents differ from the live one. */
function ledgerOf(books: DocumentBooks, basis: ReportBasis): Ledger {
  return { ...liveLedgers(basis), postings: documentPostings(books, sandboxChart(xero, accounts), basis) };
}

const BS = { date: "2026-02-28", periods: 11, timeframe: ReportTimeframe.MONTH };
const PNL = { fromDate: "2025-10-01", toDate: "2025-12-31", periods: 3, timeframe: ReportTimeframe.QUARTER };

let store: MirrorStore;
beforeAll(async () => {
  store = await openMirrorStore({ kind: "sqlite", file: ":memory:" });
  for (const entity of ENTITIES) await fillMirror(store, ORG, entity, recordsOf[entity]);
});
afterAll(() => store.close());

describe("records through the mirror (JSON) give the reports the connector's records give", () => {
  it("the connector's records hold only JSON values (besides a lazy `raw`), so JSON gives them back unchanged", () => {
    for (const entity of ENTITIES) for (const record of recordsOf[entity]) expect(nonJsonValues(record)).toEqual([]);
    const invoice = documents.invoices![0]!;
    const row = mirrorWriteOf("Invoice", invoice).record;
    expect({ ...row, raw: undefined }).toEqual({ ...JSON.parse(JSON.stringify(invoice)), raw: undefined });
    expect(typeof invoice.total).toBe("string");
    expect(row.total).toBe(invoice.total);
  });

  it.each([ReportBasis.ACCRUAL, ReportBasis.CASH])("%s: balance sheet and P&L from a mirror snapshot equal those from the live records, to every field", async (basis) => {
    const books = await readDocumentBooks(await loadMirrorBooks(store, ORG, ENTITIES), ENTITIES);
    expect(books.invoices).toHaveLength(documents.invoices!.length);
    const live = { bs: computeBalanceSheet(liveLedgers(basis), { ...BS, basis }, engine), pnl: computeProfitAndLoss(liveLedgers(basis), { ...PNL, basis }, engine) };
    const mirrored = { bs: computeBalanceSheet(ledgerOf(books, basis), { ...BS, basis }, engine), pnl: computeProfitAndLoss(ledgerOf(books, basis), { ...PNL, basis }, engine) };
    expect(live.bs.totalAssets.some((v) => v !== "0.00")).toBe(true);
    expect(mirrored).toEqual(live);
  });

  it("the fixed chart (Daftra, Clientary) too: a report from JSON-parsed records equals the one from the records", () => {
    // The fixed chart has no transfer clearing account: the documents without bank transactions.
    const { bankTransactions: _banking, ...books } = documents;
    const parsed = JSON.parse(JSON.stringify(books)) as DocumentBooks;
    for (const basis of [ReportBasis.ACCRUAL, ReportBasis.CASH]) {
      const options = { currency: "NZD", organizationName: "Demo", basis };
      expect(computeBalanceSheet(fixedChartLedger(parsed, options), { ...BS, basis }, engine)).toEqual(computeBalanceSheet(fixedChartLedger(books, options), { ...BS, basis }, engine));
    }
  });
});

describe("the same books give the same report every time", () => {
  it("computed twice from the mirror, and while other organizations' books change underneath, the report is equal", async () => {
    const report = async () => {
      const books: BooksReader = await loadMirrorBooks(store, ORG, ENTITIES);
      return computeBalanceSheet(ledgerOf(await readDocumentBooks(books, ENTITIES), ReportBasis.CASH), { ...BS, basis: ReportBasis.CASH }, engine);
    };
    const first = await report();
    expect(await report()).toEqual(first);
    // Other organizations' detection commits while reports are read: each report still reads one moment of ORG's books.
    let writing = true;
    const churn = (async () => {
      for (let round = 0; writing; round++) {
        const other = `org-other-${round % 3}`;
        const moved = documents.invoices!.slice(0, 20).map((invoice) => ({ ...invoice, total: (Number(invoice.total) + round + 1).toFixed(2) }));
        await fillMirror(store, other, "Invoice", moved);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const during = await Promise.all(Array.from({ length: 5 }, () => report()));
    writing = false;
    await churn;
    for (const again of during) expect(again).toEqual(first);
    expect(await store.version("org-other-0")).toBeGreaterThan(0);
  });

  it("a reader refuses an entity it was not loaded with (a report's declared inputs must name all it reads)", async () => {
    const books = await loadMirrorBooks(store, ORG, ["Invoice"] satisfies EntityName[]);
    await expect(books.all("Payment")).rejects.toThrow(/loaded for Invoice, not Payment/);
  });
});

import type { ReportBasis } from "../../../schema/report/report-enums.js";
import type { Ledger } from "../../../src/reports/engine/index.js";
import { fixedChartLedger } from "../../../src/reports/engine/fixed-chart-ledger.js";
import { readDocumentBooks, type BooksReader, type DocumentEntity } from "../../../src/reports/books.js";

/** What Clientary's reports read: invoices, payments and expenses. */
export const CLIENTARY_REPORT_ENTITIES: readonly DocumentEntity[] = ["Invoice", "Payment", "Expense"];

/** Clientary has invoices, payments and expenses but no chart: its reports run on the fixed chart. */
export async function clientaryLedger(books: BooksReader, currency: string, organizationName: string, basis: ReportBasis): Promise<Ledger> {
  return fixedChartLedger(await readDocumentBooks(books, CLIENTARY_REPORT_ENTITIES), { currency, organizationName, basis });
}

import type { AgedReport } from "../../../schema/report/standard-reports.type.js";
import type { AgedReportParams } from "../../connector/adapter.js";
import type { DocumentEntity } from "../books.js";
import type { DocumentBooks } from "./document-index.js";
import type { EngineContext } from "./ledger.js";

/** What an aged report reads: the documents and what settles them. */
export const AGED_REPORT_ENTITIES: readonly DocumentEntity[] = ["Invoice", "Bill", "CreditNote", "Payment"];

/** Who the report is for, and in what currency. */
export interface AgedReportContext extends EngineContext {
  currency: string;
  organizationName?: string | null;
}

/** Open documents by contact and age at `params.date` (placeholder: the engine fills it in). */
export function computeAgedReport(books: DocumentBooks, params: AgedReportParams, ctx: AgedReportContext): AgedReport {
  void books; void params; void ctx;
  throw new Error("computeAgedReport: not built yet");
}

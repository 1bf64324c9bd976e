import type { ReportWithRow } from "xero-node";
import { Provider } from "../../../schema/common/provider.enum.js";
import { AgedBy, type AgedContact, type AgedDocument, type AgedReport } from "../../../schema/report/standard-reports.type.js";
import type { AgedReportParams } from "../../../src/connector/adapter.js";
import { toGlobalId } from "../../../src/ids/global-id.js";
import { Decimal } from "../../../src/money/decimal.js";
import { allChecksPassed } from "../../../src/reports/index.js";
import { agedBuckets } from "../../../src/reports/engine/aged-report.js";
import { columnsCheck } from "../../../src/reports/engine/standard-frame.js";
import { toWireJson } from "../mapping/wire-json.js";
import { normalTitle } from "./report-rows.js";
import { amountsFrom, attribute, bodyRows, cellDate, cellText, reportTitle, rowType } from "./standard-rows.js";
import type { StandardReportContext } from "./standard-context.js";

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
const fixed = (d: Decimal.Value) => { const v = new Decimal(d); return v.isZero() ? "0.00" : v.toFixed(2); };
const sumOf = (values: Decimal.Value[]) => values.reduce<Decimal>((s, v) => s.plus(v), new Decimal(0));

/** The engine's bucket for an age: the first whose range holds it (Current: 0 days or fewer). */
export function bucketIndex(daysAged: number, buckets: ReturnType<typeof agedBuckets>): number {
  const i = buckets.findIndex((b) => (b.fromDays == null || daysAged >= b.fromDays) && (b.toDays == null || daysAged <= b.toDays));
  return i === -1 ? buckets.length - 1 : i;
}

/** Unified order, as the engine's: issue date, then number (numeric-aware), then id. */
const byIssueThenNumber = (a: AgedDocument, b: AgedDocument) =>
  a.issueDate.localeCompare(b.issueDate) || (a.number ?? "").localeCompare(b.number ?? "", "en", { numeric: true }) || a.documentId.localeCompare(b.documentId);

export interface AgedContactContext extends StandardReportContext {
  /** The contact's name, when known from elsewhere (Xero states it as the report's second title). */
  contactName?: string | null;
}

/**
 * Xero's AgedReceivablesByContact / AgedPayablesByContact → a unified aged report of that one contact:
 * every document row (Date, Number/Reference, Due Date, overdue text, Total, Paid, Credited, Due, with
 * the document's id as attribute) becomes a document, aged and bucketed by the engine's bucket rules.
 * The opening balance (documents issued before `fromDate`) is not a document and is left out, as the
 * engine leaves those documents out. Checks: due = total − paid − credited per document; the contact
 * and bucket totals add up; Xero's Total row equals the documents; closing = opening + total due.
 */
export function toUnifiedAgedByContact(report: ReportWithRow, params: AgedReportParams, ctx: AgedContactContext): AgedReport {
  const contactRemoteId = params.contactRemoteId ?? "";
  const receivable = params.side === "RECEIVABLES";
  const buckets = agedBuckets(params.bucketDays);
  const documents: AgedDocument[] = [];
  let opening = "0.00";
  let stated: string[] | null = null;
  let closing: string[] | null = null;
  for (const { row } of bodyRows(report)) {
    const label = normalTitle(cellText(row.cells?.[0]));
    if (normalTitle(cellText(row.cells?.[1])) === "opening balance") { opening = amountsFrom(row, 7, 1)[0]; continue; }
    if (rowType(row) === "SummaryRow") {
      if (label === "total") stated = amountsFrom(row, 4, 4);
      else if (label === "closing balance") closing = amountsFrom(row, 4, 4);
      continue;
    }
    const id = attribute(row, "invoiceID", "creditNoteID");
    const issueDate = cellDate(row.cells?.[0]);
    if (!id || !issueDate) continue;
    const [total, paid, credited, due] = amountsFrom(row, 4, 4);
    const credit = id.id.toLowerCase() === "creditnoteid" || new Decimal(total).lt(0);
    const kind = credit ? (receivable ? "SALES_CREDIT" : "PURCHASE_CREDIT") : receivable ? "INVOICE" : "BILL";
    const type = credit ? "CreditNote" : receivable ? "Invoice" : "Bill";
    const dueDate = cellDate(row.cells?.[2]);
    const from = params.agedBy === AgedBy.ISSUE_DATE ? issueDate : dueDate ?? issueDate;
    const daysAged = daysBetween(from, params.date);
    documents.push({
      documentId: toGlobalId({ organizationId: ctx.organizationId, type, remoteId: id.value }),
      kind, number: cellText(row.cells?.[1]) || null, reference: null, issueDate, dueDate,
      total, paid, credited, due, daysAged, bucket: bucketIndex(daysAged, buckets),
    });
  }
  documents.sort(byIssueThenNumber);
  const amounts = buckets.map((_, i) => fixed(sumOf(documents.filter((d) => d.bucket === i).map((d) => d.due))));
  const total = fixed(sumOf(documents.map((d) => d.due)));
  const contactName = ctx.contactName ?? report.reportTitles?.[1] ?? "";
  const contacts: AgedContact[] = documents.length === 0 ? [] : [{
    contactId: toGlobalId({ organizationId: ctx.organizationId, type: "Contact", remoteId: contactRemoteId }),
    contactName, amounts: [...amounts], total, documents,
  }];
  const columns = (["total", "paid", "credited", "due"] as const).map((f) => sumOf(documents.map((d) => d[f])));
  const checks = [
    columnsCheck("AGED:DOCUMENT_DUE", [sumOf(documents.map((d) => new Decimal(d.due).minus(d.total).plus(d.paid).plus(d.credited).abs()))], ["all documents"],
      "Each document's due equals its total − paid − credited"),
    columnsCheck("AGED:CONTACT_TOTALS", [sumOf(contacts.map((c) => new Decimal(c.total).minus(sumOf(c.amounts)).abs()))], ["all contacts"],
      "Each contact's total equals the sum of its bucket amounts and of its documents' due"),
    columnsCheck("AGED:TOTAL", [new Decimal(total).minus(sumOf(amounts))], ["total"], "The report total equals the sum of the bucket totals"),
    columnsCheck("AGED:STATED_TOTALS", (stated ?? columns.map(fixed)).map((s, i) => new Decimal(s).minus(columns[i])), ["Total", "Paid", "Credited", "Due"],
      "Xero's Total row equals the sums of the documents"),
    columnsCheck("AGED:CLOSING_BALANCE", [new Decimal(closing?.[3] ?? new Decimal(opening).plus(total)).minus(opening).minus(total)], ["Due"],
      "Xero's closing balance equals the opening balance plus the documents' due"),
  ];
  return {
    organizationId: ctx.organizationId, provider: Provider.XERO, title: reportTitle(report), currency: ctx.currency,
    source: "NATIVE", raw: toWireJson(report, "ReportWithRow"),
    date: params.date, agedBy: params.agedBy, buckets, contacts, amounts, total, checks, balanced: allChecksPassed(checks),
  };
}

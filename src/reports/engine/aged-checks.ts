import { Decimal } from "decimal.js";
import { ReportBasis } from "../../../schema/report/report-enums.js";
import type { ReportCheck } from "../../../schema/report/report.type.js";
import type { AgedBucket, AgedContact } from "../../../schema/report/standard-reports.type.js";
import type { AgedReportParams } from "../../connector/adapter.js";
import type { AgedReportContext } from "./aged-report.js";
import { BalanceIndex } from "./balance-index.js";
import type { DocumentChart } from "./document-chart.js";
import type { DocumentBooks } from "./document-index.js";
import { documentPostings } from "./document-ledger.js";
import { columnsCheck, sum } from "./standard-frame.js";

/** The aged reports' checks: the report adds up, and (covering every document) it equals the control account. */

/** Accounts the documents post to, for finding the control account's balance; no line account matters here. */
export const AGED_CHART: DocumentChart = {
  accountIdsByCode: new Map(), receivable: "receivable", payable: "payable", salesTax: "tax", bank: "bank", revenue: "revenue", expense: "expense",
};

export function agedChecks(contacts: AgedContact[], buckets: AgedBucket[], amounts: string[], total: string): ReportCheck[] {
  const labels = buckets.map((b) => b.label);
  const documents = contacts.flatMap((c) => c.documents);
  return [
    columnsCheck("AGED:DOCUMENT_DUE", [sum(documents.map((d) => new Decimal(d.due).minus(d.total).plus(d.paid).plus(d.credited).abs()))], ["all documents"],
      "Each document's due equals its total − paid − credited"),
    columnsCheck("AGED:CONTACT_TOTALS", [sum(contacts.map((c) =>
      new Decimal(c.total).minus(sum(c.amounts)).abs().plus(new Decimal(c.total).minus(sum(c.documents.map((d) => d.due))).abs())))], ["all contacts"],
    "Each contact's total equals the sum of its bucket amounts and of its documents' due"),
    columnsCheck("AGED:BUCKET_TOTALS", buckets.map((_, i) => new Decimal(amounts[i]).minus(sum(contacts.map((c) => c.amounts[i])))), labels,
      "Each bucket's total equals the sum of the contacts' amounts in it"),
    columnsCheck("AGED:TOTAL", [new Decimal(total).minus(sum(amounts))], ["total"], "The report total equals the sum of the bucket totals"),
  ];
}

/** Every document counts (no contact, no issue window narrower than the report date): the total is the control account's balance. */
export const isWholeLedger = (params: AgedReportParams) => !params.contactRemoteId && !params.fromDate && (!params.toDate || params.toDate >= params.date);

/**
 * The report total equals the receivable (payable) account's balance at the report date in the
 * accrual ledger: the one given, or the engine's own from the same documents and payments. A
 * difference means the books are incomplete (a payment of a document they do not hold, a document
 * paid before it was issued) or the two disagree on what settles what.
 */
export function controlAccountCheck(books: DocumentBooks, params: AgedReportParams, given: AgedReportContext["controlAccount"], total: string): ReportCheck {
  const side = params.side === "PAYABLES" ? { account: AGED_CHART.payable, sign: -1, name: "payable" } : { account: AGED_CHART.receivable, sign: 1, name: "receivable" };
  const { postings, account } = given
    ? { postings: given.ledger.postings, account: given.accountRemoteId }
    : { postings: documentPostings({ invoices: books.invoices, bills: books.bills, creditNotes: books.creditNotes, payments: books.payments }, AGED_CHART, ReportBasis.ACCRUAL), account: side.account };
  const balance = new BalanceIndex([params.date], postings).upTo(account, params.date).times(side.sign);
  return columnsCheck("AGED:CONTROL_ACCOUNT", [new Decimal(total).minus(balance)], ["total"],
    `The report total equals the ${side.name} account's balance on ${params.date} in the accrual ledger`);
}

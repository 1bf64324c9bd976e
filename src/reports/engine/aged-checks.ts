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
import type { LedgerDocument } from "./document-amounts.js";
import { DocumentIndex } from "./document-index.js";
import { rateToBase, toBaseAmount } from "../../money/base-currency.js";
import type { Invoice } from "../../../schema/invoice/invoice.type.js";
import type { CreditNote } from "../../../schema/credit-note/credit-note.type.js";
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

/** Each document's rate to the base currency (1 in the base currency); documents in another currency without a stated rate are not in it. */
export function baseRates(index: DocumentIndex, baseCurrency: string): Map<LedgerDocument, string> {
  const rates = new Map<LedgerDocument, string>();
  for (const doc of index.documents) {
    const rate = rateToBase(doc.record.currency, doc.record.currencyRate, baseCurrency);
    if (rate) rates.set(doc, rate);
  }
  return rates;
}

/**
 * The documents and their payments in the base currency, as a ledger in that currency posts them: each
 * document's total and each payment and allocation divided by the document's rate and rounded to the
 * cent on its own (a document then posts its total to the control account, with no lines or tax: only
 * the control account is read). Documents in another currency without a rate are left out, with their
 * payments (AGED:KNOWN_RATES names them); payments of documents the books do not hold stay as they are.
 */
export function inBaseCurrency(books: DocumentBooks, baseCurrency: string): DocumentBooks {
  const index = new DocumentIndex(books, AGED_CHART);
  const rates = baseRates(index, baseCurrency);
  const plain = { invoices: books.invoices, bills: books.bills, creditNotes: books.creditNotes, payments: books.payments };
  if (index.documents.every((doc) => rates.get(doc) === "1")) return plain;
  const rateOf = (record: { id: string }) => rates.get(index.find(record.id)!);
  const base = (amount: string, rate: string) => toBaseAmount(amount, rate)!;
  const convert = <T extends Invoice | CreditNote>(record: T, rate: string): T => {
    const total = base(record.total, rate);
    const converted = { ...record, currency: baseCurrency, currencyRate: "1", lineItems: [], subTotal: total, totalTax: "0.00", total };
    if ("allocations" in record) Object.assign(converted, { allocations: record.allocations.map((a) => ({ ...a, amount: base(a.amount, rate) })) });
    if ("payments" in record) Object.assign(converted, { payments: record.payments.map((s) => ({ ...s, amount: base(s.amount, rate) })) });
    return converted;
  };
  const documents = <T extends Invoice | CreditNote>(records: readonly T[] | undefined) =>
    records?.flatMap((r) => { const rate = rateOf(r); return rate ? [convert(r, rate)] : []; });
  return {
    invoices: documents(books.invoices),
    bills: documents(books.bills),
    creditNotes: documents(books.creditNotes),
    payments: books.payments?.flatMap((p) => {
      const doc = index.find(p.documentId);
      if (!doc) return [p];
      const rate = rates.get(doc);
      return rate ? [{ ...p, amount: base(p.amount, rate) }] : [];
    }),
  };
}

const KIND_NAMES: Record<string, string> = { INVOICE: "invoice", BILL: "bill", SALES_CREDIT: "credit note", PURCHASE_CREDIT: "supplier credit note" };

/** Every document in another currency states its rate; those that do not are left out of the report's figures. */
export function knownRatesCheck(unknown: readonly LedgerDocument[], baseCurrency: string): ReportCheck {
  const what = `Every document is in the base currency (${baseCurrency}) or states its rate to it`;
  if (unknown.length === 0) return { name: "AGED:KNOWN_RATES", passed: true, difference: ["0"], message: `${what}: holds.` };
  const named = unknown.slice(0, 10).map((doc) => `${KIND_NAMES[doc.kind]} ${doc.record.number ?? doc.record.remoteId} (${doc.record.currency} ${doc.record.total})`);
  const more = unknown.length > named.length ? ` and ${unknown.length - named.length} more` : "";
  return {
    name: "AGED:KNOWN_RATES",
    passed: false,
    difference: [String(unknown.length)],
    message: `${what}: ${unknown.length} document(s) without a rate are left out of every figure: ${named.join(", ")}${more}. State their currency rate to include them.`,
  };
}

/** Every document counts (no contact, no issue window narrower than the report date): the total is the control account's balance. */
export const isWholeLedger = (params: AgedReportParams) => !params.contactRemoteId && !params.fromDate && (!params.toDate || params.toDate >= params.date);

/**
 * The report total equals the receivable (payable) account's balance at the report date in the
 * accrual ledger: the one given, or the engine's own from the same documents and payments. A
 * difference means the books are incomplete (a payment of a document they do not hold, a document
 * paid before it was issued) or the two disagree on what settles what.
 */
export function controlAccountCheck(books: DocumentBooks, params: AgedReportParams, given: AgedReportContext["controlAccount"], total: string, baseCurrency: string): ReportCheck {
  const side = params.side === "PAYABLES" ? { account: AGED_CHART.payable, sign: -1, name: "payable" } : { account: AGED_CHART.receivable, sign: 1, name: "receivable" };
  const { postings, account } = given
    ? { postings: given.ledger.postings, account: given.accountRemoteId }
    : { postings: documentPostings(inBaseCurrency(books, baseCurrency), AGED_CHART, ReportBasis.ACCRUAL), account: side.account };
  const balance = new BalanceIndex([params.date], postings).upTo(account, params.date).times(side.sign);
  return columnsCheck("AGED:CONTROL_ACCOUNT", [new Decimal(total).minus(balance)], ["total"],
    `The report total equals the ${side.name} account's balance on ${params.date} in the accrual ledger`);
}

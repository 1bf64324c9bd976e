import { Decimal } from "decimal.js";
import type { ContactRef } from "../../../schema/common/document.type.js";
import type { PayableDocument } from "../../../schema/invoice/invoice.type.js";
import { AgedBy, type AgedBucket, type AgedContact, type AgedDocument, type AgedReport } from "../../../schema/report/standard-reports.type.js";
import type { AgedReportParams } from "../../connector/adapter.js";
import { toGlobalId } from "../../ids/global-id.js";
import { allChecksPassed } from "../checks.js";
import type { DocumentEntity } from "../books.js";
import type { LedgerDocument } from "./document-amounts.js";
import { DocumentIndex, isPosted, type DocumentBooks } from "./document-index.js";
import type { EngineContext, Ledger } from "./ledger.js";
import { allocationSettlements, paymentSettlements } from "./settlements.js";
import { cents } from "./sections.js";
import { standardHeader, sum, ZERO } from "./standard-frame.js";
import { AGED_CHART, agedChecks, baseRates, controlAccountCheck, isWholeLedger, knownRatesCheck } from "./aged-checks.js";
import { toBaseAmount } from "../../money/base-currency.js";

/** What an aged report reads: the documents and what settles them. */
export const AGED_REPORT_ENTITIES: readonly DocumentEntity[] = ["Invoice", "Bill", "CreditNote", "Payment"];

/** Who the report is for, and in what currency. */
export interface AgedReportContext extends EngineContext {
  currency: string;
  organizationName?: string | null;
  /**
   * The ledger whose receivable (or payable) account the report total must equal at the report date
   * (AGED:CONTROL_ACCOUNT), e.g. a provider's own journal. Absent: the engine's accrual ledger of the
   * same documents (`documentPostings`) stands in.
   */
  controlAccount?: { ledger: Ledger; accountRemoteId: string };
}


const KINDS = { RECEIVABLES: new Set(["INVOICE", "SALES_CREDIT"]), PAYABLES: new Set(["BILL", "PURCHASE_CREDIT"]) };
const isCredit = (doc: LedgerDocument) => doc.kind === "SALES_CREDIT" || doc.kind === "PURCHASE_CREDIT";
const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/**
 * The columns for bucket boundaries [30, 60, 90]: "Current" (0 days or fewer: not yet due),
 * "1 - 30 days", "31 - 60 days", "61 - 90 days", "Older than 90 days".
 */
export function agedBuckets(bucketDays: readonly number[]): AgedBucket[] {
  const ranges = bucketDays.map((to, i) => ({ fromDays: i === 0 ? 1 : bucketDays[i - 1] + 1, toDays: to }));
  const last = bucketDays[bucketDays.length - 1] ?? 0;
  return [
    { label: "Current", fromDays: null, toDays: 0 },
    ...ranges.map((r) => ({ label: `${r.fromDays} - ${r.toDays} days`, ...r })),
    { label: `Older than ${last} days`, fromDays: last + 1, toDays: null },
  ];
}

function bucketOf(days: number, bucketDays: readonly number[]): number {
  if (days <= 0) return 0;
  const i = bucketDays.findIndex((to) => days <= to);
  return i === -1 ? bucketDays.length + 1 : i + 1;
}

/**
 * Paid and credited as at the report date, per document, in the document's direction (credit notes
 * negative), in the base currency: each payment and allocation converted at the document's own rate
 * (`rates`) and rounded to the cent on its own, as a ledger in the base currency posts it. Documents
 * without a rate are not in `rates` and are left out.
 */
interface Settled { paid: Decimal; credited: Decimal }

function settledAt(books: DocumentBooks, index: DocumentIndex, date: string, rates: ReadonlyMap<LedgerDocument, string>): Map<LedgerDocument, Settled> {
  const settled = new Map<LedgerDocument, Settled>();
  const add = (doc: LedgerDocument, field: keyof Settled, amount: Decimal) => {
    const rate = rates.get(doc);
    if (!rate) return;
    const entry = settled.get(doc) ?? settled.set(doc, { paid: ZERO, credited: ZERO }).get(doc)!;
    entry[field] = entry[field].plus(toBaseAmount(amount.toFixed(), rate)!);
  };
  for (const { doc, settlement } of paymentSettlements(books, index, AGED_CHART)) {
    // Money in settles a sales document (a refund on a customer credit note is negative); money out a purchase one.
    if (doc && settlement.date <= date) add(doc, "paid", doc.salesSide ? settlement.bank.amount : settlement.bank.amount.negated());
  }
  for (const { note, target, settlement } of allocationSettlements(index)) {
    if (settlement.date > date) continue;
    add(note, "credited", settlement.amount.negated());
    if (target) add(target, "credited", isCredit(target) ? settlement.amount.negated() : settlement.amount);
  }
  return settled;
}

interface Open { doc: LedgerDocument; line: AgedDocument; contact: ContactRef | null }

/** The documents the report would show were their rate known. */
function inReport(doc: LedgerDocument, params: AgedReportParams, toDate: string): boolean {
  const record = doc.record;
  const issueDate = record.issueDate;
  if (!KINDS[params.side].has(doc.kind) || !isPosted(doc) || !issueDate || issueDate > toDate) return false;
  if (params.fromDate && issueDate < params.fromDate) return false;
  return !params.contactRemoteId || record.contactRef?.remoteId === params.contactRemoteId;
}

const reportToDate = (params: AgedReportParams) => (params.toDate && params.toDate < params.date ? params.toDate : params.date);

function openDocuments(books: DocumentBooks, params: AgedReportParams, index: DocumentIndex, rates: ReadonlyMap<LedgerDocument, string>): Open[] {
  const toDate = reportToDate(params);
  const settled = settledAt(books, index, params.date, rates);
  return index.documents.flatMap((doc) => {
    const record = doc.record;
    const issueDate = record.issueDate!;
    const rate = rates.get(doc);
    if (!rate || !inReport(doc, params, toDate)) return [];
    const total = new Decimal(toBaseAmount(record.total, rate)!).times(isCredit(doc) ? -1 : 1);
    const { paid, credited } = settled.get(doc) ?? { paid: ZERO, credited: ZERO };
    const due = total.minus(paid).minus(credited);
    if (cents(due) === "0.00") return [];
    const dueDate = (record as Partial<PayableDocument>).dueDate ?? null;
    const from = params.agedBy === AgedBy.ISSUE_DATE ? issueDate : dueDate ?? issueDate;
    const daysAged = daysBetween(from, params.date);
    const line: AgedDocument = {
      documentId: record.id, kind: doc.kind, number: record.number ?? null, reference: record.reference ?? null, issueDate, dueDate,
      total: cents(total), paid: cents(paid), credited: cents(credited), due: cents(due), daysAged, bucket: bucketOf(daysAged, params.bucketDays),
    };
    return [{ doc, line, contact: record.contactRef ?? null }];
  });
}

const byIssueThenNumber = (a: AgedDocument, b: AgedDocument) =>
  a.issueDate.localeCompare(b.issueDate) || (a.number ?? "").localeCompare(b.number ?? "", "en", { numeric: true }) || a.documentId.localeCompare(b.documentId);

function byContact(open: Open[], bucketCount: number, organizationId: string): AgedContact[] {
  const groups = new Map<string, { ref: ContactRef | null; name?: string | null; documents: AgedDocument[] }>();
  for (const { line, contact } of open) {
    const key = contact?.remoteId ?? "";
    const group = groups.get(key) ?? groups.set(key, { ref: contact, documents: [] }).get(key)!;
    group.name ||= contact?.name;
    group.documents.push(line);
  }
  const contacts = [...groups.values()].map(({ ref, name, documents }): AgedContact => {
    const amounts = Array.from({ length: bucketCount }, (_, i) => cents(sum(documents.filter((d) => d.bucket === i).map((d) => d.due))));
    return {
      contactId: ref ? toGlobalId({ organizationId, type: "Contact", remoteId: ref.remoteId }) : null,
      contactName: name || (ref ? `Contact ${ref.remoteId}` : "No contact"),
      amounts,
      total: cents(sum(documents.map((d) => d.due))),
      documents: documents.sort(byIssueThenNumber),
    };
  });
  return contacts.sort((a, b) => a.contactName.localeCompare(b.contactName, "en") || (a.contactId ?? "").localeCompare(b.contactId ?? ""));
}

/**
 * Open documents by contact and age at `params.date`: sales invoices and sales credit notes
 * (RECEIVABLES) or bills and purchase credit notes (PAYABLES), approved (AUTHORISED, PARTIALLY_PAID,
 * PAID), issued on or before `date` (and within `fromDate`..`toDate` when given). A document's due is
 * its total less the payments dated on or before `date` and the credit allocated to it on or before
 * `date`; credit notes count negative (a refund or an allocation reduces what they hold); documents
 * with nothing due are left out, an overpaid one shows its negative due. Age in days is `date` less
 * the due date (the issue date when there is none, or when `agedBy` is ISSUE_DATE).
 *
 * Amounts are in the organization's base currency (`ctx.currency`): each document's total, and each of
 * its payments and allocations, divided by the document's rate (units of its currency per 1 base unit)
 * and rounded to the cent (src/money/base-currency.ts). A document in another currency whose rate is
 * unknown is left out of every figure, and AGED:KNOWN_RATES fails naming it.
 */
export function computeAgedReport(books: DocumentBooks, params: AgedReportParams, ctx: AgedReportContext): AgedReport {
  const index = new DocumentIndex(books, AGED_CHART);
  const rates = baseRates(index, ctx.currency);
  const buckets = agedBuckets(params.bucketDays);
  const contacts = byContact(openDocuments(books, params, index, rates), buckets.length, ctx.organizationId);
  const amounts = buckets.map((_, i) => cents(sum(contacts.map((c) => c.amounts[i]))));
  const total = cents(sum(amounts));
  const title = params.side === "PAYABLES" ? "Aged Payables" : "Aged Receivables";
  const checks = agedChecks(contacts, buckets, amounts, total);
  const toDate = reportToDate(params);
  const unknown = index.documents.filter((doc) => !rates.has(doc) && inReport(doc, params, toDate));
  checks.push(knownRatesCheck(unknown, ctx.currency));
  if (isWholeLedger(params)) checks.push(controlAccountCheck(books, params, ctx.controlAccount, total, ctx.currency));
  return {
    ...standardHeader(ctx, title, ctx.currency, ctx.organizationName),
    date: params.date, agedBy: params.agedBy, buckets, contacts, amounts, total, checks, balanced: allChecksPassed(checks),
  };
}

import { Decimal } from "decimal.js";
import { PaidDocumentType, PaymentDirection, PaymentStatus, type Payment } from "../../../schema/payment/payment.type.js";
import type { PayableDocument } from "../../../schema/invoice/invoice.type.js";
import type { CreditNote } from "../../../schema/credit-note/credit-note.type.js";
import type { Settlement } from "./cash-recognition.js";
import { accountFor, type DocumentChart } from "./document-chart.js";
import type { LedgerDocument } from "./document-amounts.js";
import { isPosted, type DocumentBooks, type DocumentIndex } from "./document-index.js";

/** A settlement with the document it settles, or (for a payment of an unknown document) the control it clears. */
export interface PaymentSettlement {
  doc?: LedgerDocument;
  control: string;
  settlement: Settlement & { bank: NonNullable<Settlement["bank"]> };
}

function unknownControl(payment: Payment, chart: DocumentChart): string | undefined {
  if (payment.documentType === PaidDocumentType.INVOICE) return chart.receivable;
  if (payment.documentType === PaidDocumentType.BILL) return chart.payable;
  if (payment.documentType === PaidDocumentType.CREDIT_NOTE) return payment.direction === PaymentDirection.PAID ? chart.receivable : chart.payable;
  return undefined;
}

function fromPayment(payment: Payment, index: DocumentIndex, chart: DocumentChart): PaymentSettlement | undefined {
  const doc = index.find(payment.documentId);
  const date = payment.date ?? doc?.record.issueDate;
  const control = doc?.control ?? unknownControl(payment, chart);
  if (payment.status !== PaymentStatus.AUTHORISED || !date || !control || (doc && !isPosted(doc))) return undefined;
  const amount = new Decimal(payment.amount);
  const bank = { account: accountFor(chart, payment.accountCode, chart.bank), amount: amount.times(payment.direction === PaymentDirection.RECEIVED ? 1 : -1) };
  return { doc, control, settlement: { date, amount, bank, source: { type: "Payment", id: payment.remoteId } } };
}

/** Payments a document lists that the payment records do not hold (connectors without a payments list, Daftra bills). */
function fromSummaries(index: DocumentIndex, known: Set<string>, chart: DocumentChart): PaymentSettlement[] {
  return index.documents.flatMap((doc) => {
    const summaries = (doc.record as Partial<PayableDocument>).payments;
    if (!summaries?.length || !isPosted(doc)) return [];
    return summaries
      .filter((s) => !known.has(`${doc.record.id}:${s.remoteId}`) && !(s.paymentId && known.has(s.paymentId)))
      .map((s) => {
        const amount = new Decimal(s.amount);
        const date = s.date ?? doc.record.issueDate ?? "";
        const bank = { account: chart.bank, amount: amount.times(-doc.sign) };
        return { doc, control: doc.control, settlement: { date, amount, bank, source: { type: "Payment", id: s.remoteId } } };
      })
      .filter((p) => p.settlement.date !== "");
  });
}

export function paymentSettlements(books: DocumentBooks, index: DocumentIndex, chart: DocumentChart): PaymentSettlement[] {
  const payments = books.payments ?? [];
  // Provider ids repeat across payment kinds (Daftra numbers invoice and purchase payments apart): a
  // summary is the listed payment only when both settle the same document.
  const known = new Set(payments.flatMap((p) => [p.id, `${index.find(p.documentId)?.record.id ?? ""}:${p.remoteId}`]));
  const settled = payments.map((p) => fromPayment(p, index, chart)).filter((p): p is PaymentSettlement => p !== undefined);
  return [...settled, ...fromSummaries(index, known, chart)];
}

/** Each allocation of a posted credit note settles the note and the document it is applied to. */
export function allocationSettlements(index: DocumentIndex): Array<{ note: LedgerDocument; target?: LedgerDocument; settlement: Settlement }> {
  return index.documents
    .filter((doc) => (doc.kind === "SALES_CREDIT" || doc.kind === "PURCHASE_CREDIT") && isPosted(doc))
    .flatMap((note) => (note.record as CreditNote).allocations.map((a) => ({
      note,
      target: index.find(a.documentId),
      settlement: {
        date: a.date ?? note.record.issueDate ?? "",
        amount: new Decimal(a.amount),
        source: { type: "Allocation", id: a.remoteId ?? `${note.record.remoteId}:${a.documentId ?? ""}` },
      },
    })));
}

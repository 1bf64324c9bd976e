import type { Bill, Invoice } from "../../../schema/invoice/invoice.type.js";
import type { BankTransaction } from "../../../schema/bank-transaction/bank-transaction.type.js";
import { CreditNoteKind, type CreditNote } from "../../../schema/credit-note/credit-note.type.js";
import type { Expense } from "../../../schema/expense/expense.type.js";
import type { Payment } from "../../../schema/payment/payment.type.js";
import { fromGlobalId } from "../../ids/global-id.js";
import type { DocumentChart } from "./document-chart.js";
import { ledgerDocument, type LedgerDocument } from "./document-amounts.js";

/** Unified records a connector without journals can list. */
export interface DocumentBooks {
  invoices?: readonly Invoice[];
  bills?: readonly Bill[];
  creditNotes?: readonly CreditNote[];
  payments?: readonly Payment[];
  expenses?: readonly Expense[];
  bankTransactions?: readonly BankTransaction[];
}

/** Approved documents post; drafts, submitted, voided and deleted ones post nothing. */
export const POSTED_STATUSES: ReadonlySet<string> = new Set(["AUTHORISED", "PARTIALLY_PAID", "PAID"]);

export const isPosted = (doc: LedgerDocument) => POSTED_STATUSES.has(doc.record.status);

function remoteIdOf(globalId: string): string | undefined {
  try {
    return fromGlobalId(globalId).remoteId;
  } catch {
    return undefined;
  }
}

/** Invoices, bills and credit notes, found by global id or, failing that, by the provider id inside it. */
export class DocumentIndex {
  readonly documents: LedgerDocument[];
  private readonly byId = new Map<string, LedgerDocument>();
  private readonly byRemoteId = new Map<string, LedgerDocument>();

  constructor(books: DocumentBooks, chart: DocumentChart) {
    this.documents = [
      ...(books.invoices ?? []).map((r) => ledgerDocument("INVOICE", r, chart)),
      ...(books.bills ?? []).map((r) => ledgerDocument("BILL", r, chart)),
      ...(books.creditNotes ?? []).map((r) => ledgerDocument(r.kind === CreditNoteKind.PURCHASE ? "PURCHASE_CREDIT" : "SALES_CREDIT", r, chart)),
    ];
    for (const doc of this.documents) {
      this.byId.set(doc.record.id, doc);
      this.byRemoteId.set(doc.record.remoteId, doc);
    }
  }

  find(documentId: string | null | undefined): LedgerDocument | undefined {
    if (!documentId) return undefined;
    const remoteId = this.byId.has(documentId) ? undefined : remoteIdOf(documentId);
    return this.byId.get(documentId) ?? (remoteId === undefined ? undefined : this.byRemoteId.get(remoteId));
  }
}

import type { DocumentStatus, XeroInvoice } from "../types.js";

export const STATUS_MESSAGE = "Invoice not of valid status for modification";
export const SETTLED_MESSAGE = "This document cannot be edited as it has a payment or credit note allocated to it.";

/** Statuses a document (invoice, bill or credit note) may be created in. */
export const CREATABLE: readonly DocumentStatus[] = ["DRAFT", "SUBMITTED", "AUTHORISED"];

const NEXT: Record<DocumentStatus, readonly DocumentStatus[]> = {
  DRAFT: ["DRAFT", "SUBMITTED", "AUTHORISED", "DELETED"],
  SUBMITTED: ["SUBMITTED", "DRAFT", "AUTHORISED", "DELETED"],
  AUTHORISED: ["AUTHORISED", "VOIDED"],
  PAID: ["PAID"],
  VOIDED: [],
  DELETED: [],
};

/** Whether Xero lets a document (invoice, bill or credit note) move from one status to another. */
export const canMoveTo = (from: DocumentStatus, to: DocumentStatus): boolean => NEXT[from].includes(to);

export function isDocumentStatus(value: string): value is DocumentStatus {
  return value in NEXT;
}

export function creationStatusError(status: DocumentStatus): string | undefined {
  return CREATABLE.includes(status) ? undefined : `Invoice not of valid status for creation`;
}

export function isSettled(invoice: XeroInvoice): boolean {
  return invoice.AmountPaid > 0 || invoice.AmountCredited > 0 || invoice.Payments.length > 0 || invoice.CreditNotes.length > 0;
}

/** Fields a paid or part-paid invoice still accepts (Xero lets these change after payment). */
export const EDITABLE_WHEN_SETTLED = new Set(["InvoiceID", "InvoiceNumber", "Type", "Status", "Reference", "DueDate", "SentToContact", "ExpectedPaymentDate", "PlannedPaymentDate", "BrandingThemeID", "Url"]);

/**
 * Why a change of an existing invoice is refused, if it is. `touched` are the element's keys
 * other than identity; `to` is the requested status.
 */
export function updateStatusError(current: XeroInvoice, to: DocumentStatus, touched: string[]): string | undefined {
  if (current.Status === "VOIDED" || current.Status === "DELETED") return STATUS_MESSAGE;
  const settled = isSettled(current);
  if (settled && touched.some((k) => !EDITABLE_WHEN_SETTLED.has(k))) return SETTLED_MESSAGE;
  if (settled && to === "VOIDED") return SETTLED_MESSAGE;
  if (to === current.Status) return undefined;
  return canMoveTo(current.Status, to) ? undefined : STATUS_MESSAGE;
}

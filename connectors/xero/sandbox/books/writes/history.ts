import type { WriteResult, XeroBooks, XeroHistoryRecord } from "../types.js";
import { recordChange } from "./audit.js";
import { asElement, failed, succeeded, text } from "./input.js";

const PARENTS = {
  Invoices: (b: XeroBooks) => b.invoices.map((r) => r.InvoiceID),
  CreditNotes: (b: XeroBooks) => b.creditNotes.map((r) => r.CreditNoteID),
  Contacts: (b: XeroBooks) => b.contacts.map((r) => r.ContactID),
  Items: (b: XeroBooks) => b.items.map((r) => r.ItemID),
  Payments: (b: XeroBooks) => b.payments.map((r) => r.PaymentID),
  PurchaseOrders: (b: XeroBooks) => b.purchaseOrders.map((r) => r.PurchaseOrderID),
  Quotes: (b: XeroBooks) => b.quotes.map((r) => r.QuoteID),
  BankTransactions: (b: XeroBooks) => b.bankTransactions.map((r) => r.BankTransactionID),
  BankTransfers: (b: XeroBooks) => b.bankTransfers.map((r) => r.BankTransferID),
} as const;

/** The `{Endpoint}` part of `/{Endpoint}/{Guid}/History`. */
export type HistoryEndpoint = keyof typeof PARENTS;

export const HISTORY_ENDPOINTS = Object.keys(PARENTS) as HistoryEndpoint[];

const MAX_DETAILS = 2500;

/** PUT /{Endpoint}/{Guid}/History: appends notes (Changes "Note"); notes are never edited. */
export function addHistoryNotes(
  books: XeroBooks, endpoint: HistoryEndpoint, parentId: string, elements: unknown[], opts: { now: string },
): WriteResult<XeroHistoryRecord>[] {
  const known = PARENTS[endpoint](books).some((id) => id.toLowerCase() === parentId.toLowerCase());
  return elements.map((raw) => {
    if (!known) return failed(raw, ["The document with the supplied id was not found for this endpoint."]);
    const details = text(asElement(raw).Details);
    if (!details) return failed(raw, ["The Details field must be specified."]);
    if (details.length > MAX_DETAILS) return failed(raw, [`The Details field must not exceed ${MAX_DETAILS} characters.`]);
    const canonicalId = PARENTS[endpoint](books).find((id) => id.toLowerCase() === parentId.toLowerCase())!;
    return succeeded(recordChange(books, canonicalId, "Note", details, opts.now));
  });
}

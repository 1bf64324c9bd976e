import type { WriteResult, XeroBooks } from "../types.js";

export { writeContacts, duplicateNameMessage, ARCHIVED_CONTACT_MESSAGE } from "./contacts.js";
export { writeInvoices } from "./invoices.js";
export { writeQuotes, QUOTE_EDIT_MESSAGE } from "./quotes.js";
export { writePayments, EXCEEDS_MESSAGE, NOT_AUTHORISED_MESSAGE, RECONCILED_MESSAGE, ACCOUNT_MESSAGE } from "./payments.js";
export { addHistoryNotes, HISTORY_ENDPOINTS, type HistoryEndpoint } from "./history.js";
export { STATUS_MESSAGE, SETTLED_MESSAGE } from "./invoice-status.js";
export { NO_LINES_MESSAGE, invalidAccountMessage } from "./lines.js";
export { DATE_MESSAGE, DUE_DATE_MESSAGE } from "./invoice-draft.js";
export { CONTACT_REQUIRED_MESSAGE } from "./contact-ref.js";

/**
 * Runs a batch of writes all-or-nothing (Xero's default summarizeErrors=true): when any element
 * fails, the books are restored to their state before the batch.
 */
export function allOrNothing<T>(books: XeroBooks, run: () => WriteResult<T>[]): WriteResult<T>[] {
  const snapshot = structuredClone(books);
  const results = run();
  if (results.some((r) => !r.ok)) Object.assign(books, snapshot);
  return results;
}

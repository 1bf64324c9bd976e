import type { WriteResult, XeroBooks } from "../types.js";

export { writeContacts, duplicateNameMessage, ARCHIVED_CONTACT_MESSAGE } from "./contacts.js";
export { writeInvoices } from "./invoices.js";
export { writeQuotes, QUOTE_EDIT_MESSAGE } from "./quotes.js";
export { writePurchaseOrders, ORDER_NUMBER_MESSAGE, SENT_TO_CONTACT_MESSAGE, DELETED_ORDER_MESSAGE } from "./purchase-orders.js";
export { writeCreditNotes, CREDIT_NOTE_NUMBER_MESSAGE, CREDIT_NOTE_STATUS_MESSAGE } from "./credit-notes.js";
export * from "./allocations.js";
export { writeBankTransactions, bankAccountOf, BANK_ACCOUNT_MESSAGE, BANK_CONTACT_MESSAGE, RECONCILED_TRANSACTION_MESSAGE, TRANSFER_LEG_MESSAGE } from "./bank-transactions.js";
export { writeBankTransfers, FROM_ACCOUNT_MESSAGE, TO_ACCOUNT_MESSAGE, SAME_ACCOUNT_MESSAGE, TRANSFER_AMOUNT_MESSAGE } from "./bank-transfers.js";
export { writeItems, duplicateItemCodeMessage, ITEM_CODE_MESSAGE, INVENTORY_ACCOUNT_MESSAGE, COGS_REQUIRED_MESSAGE, INVENTORY_REQUIRED_MESSAGE } from "./items.js";
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

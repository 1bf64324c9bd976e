import type { XeroBooks, XeroHistoryRecord } from "../types.js";

/** The user Xero shows on history records made through the API. */
export const API_USER = "System Generated";

export function recordChange(books: XeroBooks, parentId: string, changes: string, details: string, now: string): XeroHistoryRecord {
  const record: XeroHistoryRecord = { Changes: changes, DateUTC: now, User: API_USER, Details: details };
  (books.history[parentId] ??= []).push(record);
  return record;
}

/** Sets IsCustomer / IsSupplier from the document side; like Xero, this does not bump UpdatedDateUTC. */
export function markContactRole(books: XeroBooks, contactId: string, side: "sales" | "purchases"): void {
  const contact = books.contacts.find((c) => c.ContactID === contactId);
  if (!contact) return;
  if (side === "sales") contact.IsCustomer = true;
  else contact.IsSupplier = true;
}

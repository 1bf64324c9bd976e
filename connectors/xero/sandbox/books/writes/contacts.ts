import { randomUUID } from "node:crypto";
import { touchedAt } from "../touch.js";
import type { WriteOptions, WriteResult, XeroBooks, XeroContact } from "../types.js";
import { recordChange } from "./audit.js";
import { applyContactFields, blankContact, contactFieldErrors } from "./contact-fields.js";
import { asElement, failed, sameText, succeeded, text, type Element } from "./input.js";

export function duplicateNameMessage(name: string): string {
  return `The contact name ${name} is already assigned to another contact. The contact name must be unique across all active contacts.`;
}

export const ARCHIVED_CONTACT_MESSAGE =
  "The specified contact details matched an archived contact. Archived contacts cannot currently be edited via the API.";

export function activeContactNamed(books: XeroBooks, name: string, except?: string): XeroContact | undefined {
  return books.contacts.find((c) => c.ContactStatus === "ACTIVE" && c.ContactID !== except && sameText(c.Name, name));
}

/** Validates and builds a new contact without storing it. */
export function prepareNewContact(books: XeroBooks, el: Element, now: string): { contact?: XeroContact; errors: string[] } {
  const name = text(el.Name)?.trim();
  if (!name) return { errors: ["The contact name must be specified."] };
  const errors = contactFieldErrors(el);
  if (activeContactNamed(books, name)) errors.push(duplicateNameMessage(name));
  if (errors.length) return { errors };
  const contact = blankContact(randomUUID(), now);
  applyContactFields(contact, { ...el, ContactStatus: "ACTIVE" });
  return { contact, errors };
}

export function storeNewContact(books: XeroBooks, contact: XeroContact, now: string): void {
  books.contacts.push(contact);
  recordChange(books, contact.ContactID, "Created", `Contact ${contact.Name} created.`, now);
}

/** Keeps the contact name embedded in documents in step with a rename. */
function propagateName(books: XeroBooks, contact: XeroContact): void {
  const refs = [...books.invoices, ...books.creditNotes, ...books.quotes, ...books.purchaseOrders, ...books.bankTransactions]
    .map((d) => d.Contact)
    .concat(books.payments.map((p) => p.Invoice?.Contact ?? p.CreditNote?.Contact));
  for (const ref of refs) if (ref?.ContactID === contact.ContactID) ref.Name = contact.Name;
}

function updateContact(books: XeroBooks, contact: XeroContact, el: Element, now: string): WriteResult<XeroContact> {
  const restoring = text(el.ContactStatus) === "ACTIVE";
  if (contact.ContactStatus === "ARCHIVED" && !restoring) return failed(el, [ARCHIVED_CONTACT_MESSAGE]);
  const errors = contactFieldErrors(el);
  const next: XeroContact = structuredClone(contact);
  applyContactFields(next, el);
  if (!next.Name) errors.push("The contact name must be specified.");
  if (next.ContactStatus === "ACTIVE" && activeContactNamed(books, next.Name, next.ContactID)) errors.push(duplicateNameMessage(next.Name));
  if (errors.length) return failed(el, errors);
  const renamed = next.Name !== contact.Name;
  const change = next.ContactStatus !== contact.ContactStatus ? (next.ContactStatus === "ARCHIVED" ? "Archived" : "Restored") : "Edited";
  Object.assign(contact, next, { UpdatedDateUTC: touchedAt(contact.UpdatedDateUTC, now) });
  if (renamed) propagateName(books, contact);
  recordChange(books, contact.ContactID, change, `Contact ${contact.Name} ${change.toLowerCase()}.`, now);
  return succeeded(contact);
}

function findExisting(books: XeroBooks, el: Element, mode: WriteOptions["mode"]): { contact?: XeroContact; missingId?: boolean } {
  const id = text(el.ContactID);
  if (id) {
    const contact = books.contacts.find((c) => c.ContactID.toLowerCase() === id.toLowerCase());
    return contact ? { contact } : { missingId: true };
  }
  if (mode === "create") return {};
  const number = text(el.ContactNumber);
  const byNumber = number ? books.contacts.find((c) => c.ContactNumber === number) : undefined;
  const name = text(el.Name);
  return { contact: byNumber ?? (name ? activeContactNamed(books, name) : undefined) };
}

/** PUT (create) / POST (upsert by ContactID, ContactNumber or active Name) /Contacts. */
export function writeContacts(books: XeroBooks, elements: unknown[], opts: WriteOptions): WriteResult<XeroContact>[] {
  return elements.map((raw) => {
    const el = asElement(raw);
    const { contact, missingId } = findExisting(books, el, opts.mode);
    if (missingId) return failed(raw, ["The contact with the supplied ContactID could not be found."], true);
    if (contact && opts.mode === "create") return failed(raw, [duplicateNameMessage(contact.Name)]);
    if (contact) return updateContact(books, contact, el, opts.now);
    const created = prepareNewContact(books, el, opts.now);
    if (!created.contact) return failed(raw, created.errors);
    storeNewContact(books, created.contact, opts.now);
    return succeeded(created.contact);
  });
}

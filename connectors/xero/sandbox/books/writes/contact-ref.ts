import type { XeroBooks, XeroContact } from "../types.js";
import { activeContactNamed, prepareNewContact } from "./contacts.js";
import { asElement, text } from "./input.js";

export const CONTACT_REQUIRED_MESSAGE =
  "The Contact must contain at least 1 of the following elements to identify the contact: Name, ContactID, ContactNumber";

export interface ContactChoice {
  contact?: XeroContact;
  /** A contact to store once the document is accepted (unknown Name on an invoice). */
  created?: boolean;
  errors: string[];
  notFound?: boolean;
}

/** Finds a document's contact by ContactID, ContactNumber or active Name; an unknown Name makes a new contact. */
export function resolveContactRef(books: XeroBooks, input: unknown, now: string, allowCreate: boolean): ContactChoice {
  const el = asElement(input);
  const id = text(el.ContactID), number = text(el.ContactNumber), name = text(el.Name);
  if (id) {
    const contact = books.contacts.find((c) => c.ContactID.toLowerCase() === id.toLowerCase());
    return contact ? { contact, errors: [] } : { errors: [`The contact with ContactID ${id} could not be found.`], notFound: true };
  }
  const byNumber = number ? books.contacts.find((c) => c.ContactNumber === number) : undefined;
  if (byNumber) return { contact: byNumber, errors: [] };
  if (!name) return number ? { errors: [`The contact with ContactNumber ${number} could not be found.`], notFound: true } : { errors: [CONTACT_REQUIRED_MESSAGE] };
  const byName = activeContactNamed(books, name);
  if (byName) return { contact: byName, errors: [] };
  if (!allowCreate) return { errors: [`The contact ${name} could not be found.`], notFound: true };
  const { contact, errors } = prepareNewContact(books, el, now);
  return contact ? { contact, created: true, errors: [] } : { errors };
}

import type { XeroAddress, XeroContact, XeroPhone } from "../types.js";
import { asElement, text, type Element } from "./input.js";

const SCALARS = [
  "Name", "FirstName", "LastName", "EmailAddress", "AccountNumber", "ContactNumber", "CompanyNumber", "TaxNumber",
  "BankAccountDetails", "Website", "DefaultCurrency", "AccountsReceivableTaxType", "AccountsPayableTaxType",
  "SalesDefaultAccountCode", "PurchasesDefaultAccountCode",
] as const;

const ADDRESS_TYPES: XeroAddress["AddressType"][] = ["POBOX", "STREET"];
const PHONE_TYPES: XeroPhone["PhoneType"][] = ["DEFAULT", "DDI", "FAX", "MOBILE"];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const MAX_NAME = 255;

export function contactFieldErrors(el: Element): string[] {
  const errors: string[] = [];
  const email = text(el.EmailAddress);
  if (email && !EMAIL.test(email)) errors.push("Email address must be valid.");
  const name = text(el.Name);
  if (name && name.length > MAX_NAME) errors.push(`The contact name must not exceed ${MAX_NAME} characters.`);
  return errors;
}

function mergeSlots<T extends { [k in K]: string }, K extends string>(current: T[], input: unknown, key: K, slots: string[]): T[] {
  const merged = new Map<string, T>(current.map((c) => [c[key], c]));
  if (Array.isArray(input)) {
    for (const raw of input) {
      const el = asElement(raw);
      const type = text(el[key]);
      if (type) merged.set(type, { ...(merged.get(type) ?? {}), ...el } as T);
    }
  }
  for (const slot of slots) if (!merged.has(slot)) merged.set(slot, { [key]: slot } as T);
  return [...merged.values()];
}

/** Applies the writable fields of a request element; IsCustomer/IsSupplier stay read-only. */
export function applyContactFields(contact: XeroContact, el: Element): void {
  for (const field of SCALARS) {
    if (el[field] !== undefined) {
      const value = text(el[field]);
      if (value === undefined && field !== "Name") delete contact[field];
      else if (value !== undefined) contact[field] = field === "Name" ? value.trim() : value;
    }
  }
  contact.Addresses = mergeSlots(contact.Addresses, el.Addresses, "AddressType", ADDRESS_TYPES);
  contact.Phones = mergeSlots(contact.Phones, el.Phones, "PhoneType", PHONE_TYPES);
  if (Array.isArray(el.ContactPersons)) contact.ContactPersons = el.ContactPersons.map(asElement) as XeroContact["ContactPersons"];
  if (el.PaymentTerms && typeof el.PaymentTerms === "object") contact.PaymentTerms = el.PaymentTerms as XeroContact["PaymentTerms"];
  const status = text(el.ContactStatus);
  if (status === "ACTIVE" || status === "ARCHIVED" || status === "GDPRREQUEST") contact.ContactStatus = status;
}

export function blankContact(id: string, now: string): XeroContact {
  return {
    ContactID: id, ContactStatus: "ACTIVE", Name: "", Addresses: [], Phones: [],
    IsSupplier: false, IsCustomer: false, HasAttachments: false, HasValidationErrors: false, UpdatedDateUTC: now,
  };
}

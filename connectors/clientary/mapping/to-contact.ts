import { ContactStatus, type Contact } from "../../../schema/contact/contact.type.js";
import { nodeFields, orNull, statusCode, type MappingContext } from "./common.js";
import type { ContactInput } from "../../../src/connector/inputs.js";
import { notSupported } from "../../../src/errors/index.js";
import { addressesOf, phonesOf, primaryPerson, type PartyWithContacts } from "./party-fields.js";
import { inputProblems, type InputProblems } from "./input-problems.js";
import { CONTACT_STATUS } from "./statuses.js";

/** A Clientary client (with its contacts) → a unified customer Contact. */
export function toUnifiedContact(client: PartyWithContacts, ctx: MappingContext): Contact {
  const { email, firstName, lastName } = primaryPerson(client);
  return {
    ...nodeFields(ctx, "Contact", client),
    name: client.name,
    firstName,
    lastName,
    email,
    accountNumber: orNull(client.number),
    taxNumber: null,
    currency: null,
    isCustomer: true,
    isSupplier: false,
    status: CONTACT_STATUS[statusCode(client.status) ?? 1] ?? ContactStatus.ACTIVE,
    phones: phonesOf(client.contacts ?? []),
    addresses: addressesOf(client),
  };
}

/** What a unified contact can say that a Clientary client cannot hold; collected, then thrown as BAD_USER_INPUT. */
export function checkContactInput(input: Partial<ContactInput>, problems: InputProblems = inputProblems()): InputProblems {
  if (input.role === "SUPPLIER") throw notSupported("CLIENTARY", "supplier contacts", "Clientary's clients are customers; it keeps no suppliers.");
  if (input.name !== undefined && !input.name.trim()) problems.add("input.name", "is required.");
  if (input.taxNumber) problems.add("input.taxNumber", "Clientary clients have no tax number field.");
  if ((input.addresses?.length ?? 0) > 1) problems.add("input.addresses", "Clientary keeps one address per client.");
  const mobiles = input.phones?.filter((p) => p.kind === "MOBILE").length ?? 0;
  if (mobiles > 1 || (input.phones?.length ?? 0) - mobiles > 1) problems.add("input.phones", "Clientary keeps one phone and one mobile per contact.");
  return problems;
}

const ADDRESS_FIELDS = ["address", "address_2", "city", "state", "zip", "country"] as const;

/**
 * Unified contact fields → the wrapped body of POST/PUT /clients: only what is given. On an update
 * an address replaces the client's (fields it leaves out are cleared; `[]` clears it all).
 * https://www.clientary.com/api/clients
 */
export function toClientaryClient(input: Partial<ContactInput>, { update = false } = {}): { client: Record<string, string> } {
  const client: Record<string, string> = {};
  if (input.name !== undefined) client.name = input.name.trim();
  if (input.accountNumber) client.number = input.accountNumber;
  if (input.addresses) {
    const a = input.addresses[0];
    const values = [a?.line1, a?.line2, a?.city, a?.region, a?.postalCode, a?.country];
    ADDRESS_FIELDS.forEach((field, i) => {
      if (values[i] || update) client[field] = values[i] ?? "";
    });
  }
  return { client };
}

/**
 * The person part of a contact (its first contact, which supplies its email and phones): the wrapped
 * fields of POST /clients/:id/contacts or, on an update, PUT /contacts/:id; only those given,
 * undefined when none is. https://www.clientary.com/api/contacts
 */
export function toClientaryContactPerson(input: Partial<ContactInput>, { update = false } = {}): { client_user: Record<string, string> } | undefined {
  const person: Record<string, string> = {};
  if (input.firstName !== undefined || input.lastName !== undefined) {
    const name = [input.firstName, input.lastName].filter(Boolean).join(" ");
    if (name) person.name = name;
  }
  if (input.email) person.email = input.email;
  if (input.phones) {
    const phone = input.phones.find((p) => (p.kind ?? "DEFAULT") !== "MOBILE")?.number;
    const mobile = input.phones.find((p) => p.kind === "MOBILE")?.number;
    if (phone || update) person.phone = phone ?? "";
    if (mobile || update) person.mobile = mobile ?? "";
  }
  if (Object.keys(person).length === 0) return undefined;
  // A new contact is named after the client when the input names no person.
  if (!update && !person.name && input.name) person.name = input.name;
  return { client_user: person };
}

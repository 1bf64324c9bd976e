import { ContactStatus, type Contact } from "../../../schema/contact/contact.type.js";
import { nodeFields, orNull, statusCode, type MappingContext } from "./common.js";
import type { ContactInput } from "../../../src/connector/inputs.js";
import { addressesOf, phonesOf, primaryPerson, type PartyWithContacts } from "./party-fields.js";
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

/** Unified contact input → the wrapped body of POST/PUT /clients. https://www.clientary.com/api/clients */
export function toClientaryClient(input: ContactInput): { client: Record<string, string> } {
  const address = input.addresses?.[0];
  const fields: Record<string, string | null | undefined> = {
    name: input.name, number: input.accountNumber, address: address?.line1, address_2: address?.line2, city: address?.city,
    state: address?.region, zip: address?.postalCode, country: address?.country,
  };
  return { client: presentOnly(fields) };
}

/**
 * The person part of a contact input → the wrapped body of POST /clients/:id/contacts, or undefined
 * when there is no email (Clientary requires one). https://www.clientary.com/api/contacts
 */
export function toClientaryContactPerson(input: ContactInput): { client_user: Record<string, string> } | undefined {
  if (!input.email) return undefined;
  const name = [input.firstName, input.lastName].filter(Boolean).join(" ") || input.name;
  const phone = input.phones?.find((p) => (p.kind ?? "DEFAULT") !== "MOBILE")?.number;
  const mobile = input.phones?.find((p) => p.kind === "MOBILE")?.number;
  return { client_user: presentOnly({ name, email: input.email, phone, mobile }) };
}

const presentOnly = (fields: Record<string, string | null | undefined>) =>
  Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));

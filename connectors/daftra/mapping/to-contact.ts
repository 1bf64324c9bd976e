import type { Contact } from "../../../schema/contact/contact.type.js";
import { ContactStatus } from "../../../schema/contact/contact.type.js";
import type { ContactInput } from "../../../src/connector/inputs.js";
import { joinName, nodeFields, prefixedId, type MappingContext } from "./common.js";
import type { DaftraParty } from "./wire-schemas.js";

export type PartyKind = "client" | "supplier";

/** A client (customer) or supplier → Contact; the remote id carries the kind ("client:12"). */
export function toUnifiedContact(party: DaftraParty, kind: PartyKind, ctx: MappingContext): Contact {
  const remoteId = prefixedId(kind, party.id);
  const person = joinName(party.first_name, party.last_name);
  const hasAddress = party.address1 || party.city || party.postal_code || party.country_code;
  return {
    ...nodeFields(ctx, "Contact", remoteId, party.modified, party),
    name: party.business_name || person || `${kind} ${party.id}`,
    firstName: party.first_name,
    lastName: party.last_name,
    email: party.email,
    accountNumber: kind === "client" ? party.client_number : party.supplier_number,
    taxNumber: party.bn1,
    currency: party.default_currency_code,
    isCustomer: kind === "client",
    isSupplier: kind === "supplier",
    status: ContactStatus.ACTIVE,
    phones: [party.phone1, party.phone2].filter((n): n is string => !!n).map((number, i) => ({ kind: i === 0 ? "PRIMARY" : "SECONDARY", number })),
    addresses: hasAddress
      ? [{ kind: null, line1: party.address1, line2: party.address2, city: party.city, region: party.state, postalCode: party.postal_code, country: party.country_code }]
      : [],
  };
}

/**
 * Unified contact input → the body of a client/supplier create or edit (`{"Client": {...}}`).
 * A name with first/last names is a person (type 2), otherwise a business (type 3).
 */
export function toDaftraParty(input: ContactInput, kind: PartyKind): Record<string, Record<string, unknown>> {
  const record = partyFields(input, kind);
  return { [kind === "client" ? "Client" : "Supplier"]: { type: input.firstName || input.lastName ? 2 : 3, business_name: input.name, ...record } };
}

/** Contact changes → the body of a client/supplier edit: only the fields given (Daftra keeps the rest). */
export function toDaftraPartyChanges(changes: Partial<ContactInput>, kind: PartyKind): Record<string, Record<string, unknown>> {
  const record = partyFields(changes, kind);
  if (changes.name !== undefined) record.business_name = changes.name;
  if (changes.phones) Object.assign(record, { phone1: changes.phones[0]?.number ?? "", phone2: changes.phones[1]?.number ?? "" });
  if (changes.addresses && !changes.addresses.length) {
    for (const field of ["address1", "address2", "city", "state", "postal_code", "country_code"]) record[field] = "";
  }
  return { [kind === "client" ? "Client" : "Supplier"]: record };
}

function partyFields(input: Partial<ContactInput>, kind: PartyKind): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  const set = (key: string, value: string | null | undefined) => {
    if (value !== undefined) record[key] = value ?? "";
  };
  set("first_name", input.firstName);
  set("last_name", input.lastName);
  set("email", input.email);
  set(kind === "client" ? "client_number" : "supplier_number", input.accountNumber);
  set("bn1", input.taxNumber);
  input.phones?.slice(0, 2).forEach((phone, i) => set(`phone${i + 1}`, phone.number));
  const address = input.addresses?.[0];
  if (address) {
    set("address1", address.line1);
    set("address2", address.line2);
    set("city", address.city);
    set("state", address.region);
    set("postal_code", address.postalCode);
    set("country_code", address.country);
  }
  return record;
}

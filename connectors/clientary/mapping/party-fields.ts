import type { Address, Phone } from "../../../schema/common/address.type.js";
import type { ClientaryParty, ClientaryPerson } from "../client/schemas/parties.js";
import { orNull } from "./common.js";

/** A client or lead with the contacts that belong to it (joined by the adapter, or embedded by Clientary). */
export type PartyWithContacts = ClientaryParty & { contacts?: ClientaryPerson[] };

export function addressesOf(party: ClientaryParty): Address[] {
  const address = { kind: "STREET", line1: orNull(party.address), line2: orNull(party.address_2), city: orNull(party.city), region: orNull(party.state), postalCode: orNull(party.zip), country: orNull(party.country) };
  return [address.line1, address.line2, address.city, address.region, address.postalCode, address.country].some(Boolean) ? [address] : [];
}

/** Every contact's phone (DEFAULT) and mobile (MOBILE), without repeats. */
export function phonesOf(contacts: readonly ClientaryPerson[]): Phone[] {
  const phones: Phone[] = contacts.flatMap((c) => [
    ...(c.phone ? [{ kind: "DEFAULT", number: c.phone }] : []),
    ...(c.mobile ? [{ kind: "MOBILE", number: c.mobile }] : []),
  ]);
  return phones.filter((p, i) => phones.findIndex((q) => q.number === p.number) === i);
}

/** The first contact stands for the party: its email, its first and last name. */
export function primaryPerson(party: PartyWithContacts) {
  const primary = party.contacts?.[0];
  const [first, ...rest] = (primary?.name ?? "").trim().split(/\s+/);
  return { email: orNull(primary?.email), firstName: orNull(first), lastName: orNull(rest.join(" ")) };
}

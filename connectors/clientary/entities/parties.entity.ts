import { partySchema, personSchema, type ClientaryPerson } from "../client/schemas/parties.js";
import type { ClientaryServices } from "../create-clientary-services.js";
import { toUnifiedContact } from "../mapping/to-contact.js";
import { toUnifiedLead } from "../mapping/to-lead.js";
import type { PartyWithContacts } from "../mapping/party-fields.js";
import { fetchAllPages } from "../query/fetch-pages.js";
import { defineEntity, type PagedListing } from "./clientary-entity.js";

/** https://www.clientary.com/api/contacts — every contact of the account (clients' and leads'). */
const contactsListing: PagedListing = { kind: "paged", key: "contacts", schema: personSchema, request: () => ({ path: "contacts" }) };

/** Gives each client or lead its contacts, from one cached read of all contacts, unless Clientary embedded them. */
async function withContacts(services: ClientaryServices, records: unknown[]): Promise<PartyWithContacts[]> {
  const parties = records as PartyWithContacts[];
  if (parties.length === 0 || parties.every((p) => Array.isArray(p.contacts))) return parties;
  const people = await services.lists.get<ClientaryPerson[]>("contacts", () => fetchAllPages(services, contactsListing, {}) as Promise<ClientaryPerson[]>);
  return parties.map((party) => (Array.isArray(party.contacts) ? party : { ...party, contacts: people.filter((p) => p.client_id === party.id) }));
}

/** https://www.clientary.com/api/clients — sorted by name; `updated_since` by day. */
export const contactsEntity = defineEntity({
  entity: "Contact",
  filters: ["updatedSince"],
  hidden: [],
  notes: "Clientary clients are customers; their contacts supply email and phones. Clientary filters clients only by updated_since (a day, narrowed by the gateway).",
  listing: { kind: "paged", key: "clients", schema: partySchema, updatedSince: true, request: () => ({ path: "clients" }) },
  lookup: { kind: "each", path: (id) => `clients/${id}`, schema: partySchema },
  join: withContacts,
  map: toUnifiedContact,
});

/** https://www.clientary.com/api/leads — newest first. */
export const leadsEntity = defineEntity({
  entity: "Lead",
  filters: [],
  hidden: [],
  notes: "Clientary has no filters on leads and keeps no pipeline status or source.",
  listing: { kind: "paged", key: "leads", schema: partySchema, request: () => ({ path: "leads" }) },
  lookup: { kind: "each", path: (id) => `leads/${id}`, schema: partySchema },
  join: withContacts,
  map: toUnifiedLead,
});

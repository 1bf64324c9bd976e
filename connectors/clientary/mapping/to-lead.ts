import type { Lead } from "../../../schema/lead/lead.type.js";
import { nodeFields, orNull, type MappingContext } from "./common.js";
import { addressesOf, phonesOf, primaryPerson, type PartyWithContacts } from "./party-fields.js";

/** A Clientary lead (a prospective client, same fields) → a unified Lead. Clientary keeps no pipeline status or source for leads. */
export function toUnifiedLead(lead: PartyWithContacts, ctx: MappingContext): Lead {
  return {
    ...nodeFields(ctx, "Lead", lead),
    name: lead.name,
    companyName: lead.name,
    email: primaryPerson(lead).email,
    status: orNull(lead.status === undefined || lead.status === null ? null : String(lead.status)),
    source: null,
    phones: phonesOf(lead.contacts ?? []),
    addresses: addressesOf(lead),
  };
}

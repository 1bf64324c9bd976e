import type { ClientaryBooks, ContactRecord, PartyRecord } from "../types.js";
import { planLimit, unprocessable } from "../../http/errors.js";
import { nextId } from "../seed/context.js";
import { stampOf, text } from "./fields.js";

const failIfAny = (errors: Record<string, string[]>) => {
  if (Object.keys(errors).length) throw unprocessable(errors);
};

/** POST /clients and POST /leads: `name` required, `number` unique (422); the plan's limit (426). Leads share the clients' ids. */
export function createParty(books: ClientaryBooks, kind: "clients" | "leads", body: Record<string, unknown>, now: Date): PartyRecord {
  const name = text(body.name);
  const number = text(body.number) ?? String(1000 + books.sequences.client);
  failIfAny({
    ...(name ? {} : { name: ["can't be blank"] }),
    ...([...books.clients, ...books.leads].some((c) => c.number === number) ? { number: ["has already been taken"] } : {}),
  });
  if (books[kind].length >= books.account.planLimits[kind]) throw planLimit(kind);
  const stamp = stampOf(now);
  const party: PartyRecord = {
    id: nextId(books, "client"), created_at: stamp, updated_at: stamp, number, name: name!,
    address: text(body.address), address_2: text(body.address_2), city: text(body.city), state: text(body.state), zip: text(body.zip),
    country: text(body.country), website: text(body.website), description: text(body.description), invoice_extra_fields: text(body.invoice_extra_fields), status: 1,
  };
  books[kind].push(party);
  return party;
}

/** POST /clients/:client_id/contacts: `name` and `email` required (422); the plan's contact limit (426). */
export function createContact(books: ClientaryBooks, owner: PartyRecord, body: Record<string, unknown>, now: Date): ContactRecord {
  const name = text(body.name);
  const email = text(body.email);
  failIfAny({ ...(name ? {} : { name: ["can't be blank"] }), ...(email ? {} : { email: ["can't be blank"] }) });
  if (books.contacts.length >= books.account.planLimits.contacts) throw planLimit("contacts");
  const stamp = stampOf(now);
  const contact: ContactRecord = {
    id: nextId(books, "contact"), client_id: owner.id, created_at: stamp, updated_at: stamp, name: name!, email: email!,
    title: text(body.title), phone: text(body.phone), mobile: text(body.mobile), ext: text(body.ext), avatar: null,
  };
  books.contacts.push(contact);
  return contact;
}

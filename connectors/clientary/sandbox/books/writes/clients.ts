import type { ClientaryBooks, ContactRecord, PartyRecord } from "../types.js";
import { planLimit } from "../../http/errors.js";
import { nextId } from "../seed/context.js";
import { CLIENT } from "../status-codes.js";
import { fieldErrors, numberOf, removeWhere, stampOf, text, touch } from "./fields.js";

const PARTY_TEXT = ["address", "address_2", "city", "state", "zip", "country", "website", "description", "invoice_extra_fields"] as const;
const PERSON_TEXT = ["title", "phone", "mobile", "ext"] as const;

/** `name` present and not blank, `number` unique across clients and leads (they share one space). */
function checkParty(books: ClientaryBooks, body: Record<string, unknown>, self: PartyRecord | undefined) {
  const errors = fieldErrors();
  if ((!self || "name" in body) && !text(body.name)) errors.add("name", "can't be blank");
  const number = text(body.number);
  if (number && [...books.clients, ...books.leads].some((c) => c.number === number && c !== self)) errors.add("number", "has already been taken");
  if (self && "number" in body && !number) errors.add("number", "can't be blank");
  const status = numberOf(body.status);
  if ("status" in body && status !== CLIENT.ACTIVE && status !== CLIENT.ARCHIVED) errors.add("status", "is not included in the list");
  errors.check();
}

/** The next client number nobody holds (numbers start at 1000). */
function freeNumber(books: ClientaryBooks): string {
  const taken = new Set([...books.clients, ...books.leads].map((c) => c.number));
  let candidate = 1000 + books.sequences.client;
  while (taken.has(String(candidate))) candidate++;
  return String(candidate);
}

/** POST /clients and POST /leads: `name` required, `number` unique (422); the plan's limit (426). Leads share the clients' ids. */
export function createParty(books: ClientaryBooks, kind: "clients" | "leads", body: Record<string, unknown>, now: Date): PartyRecord {
  checkParty(books, body, undefined);
  if (books[kind].length >= books.account.planLimits[kind]) throw planLimit(kind);
  const stamp = stampOf(now);
  const number = text(body.number) ?? freeNumber(books);
  const party: PartyRecord = {
    id: nextId(books, "client"), created_at: stamp, updated_at: stamp, number, name: text(body.name)!,
    address: null, address_2: null, city: null, state: null, zip: null, country: null, website: null, description: null, invoice_extra_fields: null, status: CLIENT.ACTIVE,
  };
  for (const key of PARTY_TEXT) party[key] = text(body[key]);
  books[kind].push(party);
  return party;
}

/** PUT /clients/:id and PUT /leads/:id: the fields given; blank strings clear optional ones. */
export function updateParty(books: ClientaryBooks, party: PartyRecord, body: Record<string, unknown>, now: Date): PartyRecord {
  checkParty(books, body, party);
  if ("name" in body) party.name = text(body.name)!;
  if ("number" in body) party.number = text(body.number)!;
  if ("status" in body) party.status = numberOf(body.status)!;
  for (const key of PARTY_TEXT) if (key in body) party[key] = text(body[key]);
  touch(party, now);
  return party;
}

/**
 * DELETE /clients/:id. As Clientary documents: its projects (with their tasks and hours), invoices
 * (with their payments), estimates and contacts go too. Its expenses stay as costs, no longer
 * linked to the client, its projects or its invoices.
 */
export function deleteClient(books: ClientaryBooks, client: PartyRecord): void {
  const projects = new Set(removeWhere(books.projects, (p) => p.client_id === client.id).map((p) => p.id));
  const invoices = new Set(removeWhere(books.invoices, (i) => i.client_id === client.id).map((i) => i.id));
  removeWhere(books.tasks, (t) => t.project_id !== null && projects.has(t.project_id));
  removeWhere(books.hours, (h) => projects.has(h.project_id));
  removeWhere(books.payments, (p) => invoices.has(p.invoice_id));
  removeWhere(books.estimates, (e) => e.client_id === client.id);
  removeWhere(books.contacts, (c) => c.client_id === client.id);
  removeWhere(books.clients, (c) => c === client);
  for (const e of books.expenses) {
    if (e.client_id === client.id) e.client_id = null;
    if (e.project_id !== null && projects.has(e.project_id)) e.project_id = null;
    if (e.invoice_id !== null && invoices.has(e.invoice_id)) Object.assign(e, { invoice_id: null, invoice_item_id: null });
  }
}

/** DELETE /leads/:id: its estimates and contacts go too. */
export function deleteLead(books: ClientaryBooks, lead: PartyRecord): void {
  removeWhere(books.estimates, (e) => e.client_id === lead.id);
  removeWhere(books.contacts, (c) => c.client_id === lead.id);
  removeWhere(books.leads, (l) => l === lead);
}

function checkPerson(body: Record<string, unknown>, creating: boolean) {
  const errors = fieldErrors();
  for (const field of ["name", "email"]) if ((creating || field in body) && !text(body[field])) errors.add(field, "can't be blank");
  errors.check();
}

/** POST /clients/:client_id/contacts: `name` and `email` required (422); the plan's contact limit (426). */
export function createContact(books: ClientaryBooks, owner: PartyRecord, body: Record<string, unknown>, now: Date): ContactRecord {
  checkPerson(body, true);
  if (books.contacts.length >= books.account.planLimits.contacts) throw planLimit("contacts");
  const stamp = stampOf(now);
  const contact: ContactRecord = {
    id: nextId(books, "contact"), client_id: owner.id, created_at: stamp, updated_at: stamp, name: text(body.name)!, email: text(body.email)!,
    title: null, phone: null, mobile: null, ext: null, avatar: null,
  };
  for (const key of PERSON_TEXT) contact[key] = text(body[key]);
  books.contacts.push(contact);
  return contact;
}

/** PUT /contacts/:id: the fields given; name and email cannot be blanked. */
export function updateContact(contact: ContactRecord, body: Record<string, unknown>, now: Date): ContactRecord {
  checkPerson(body, false);
  if ("name" in body) contact.name = text(body.name)!;
  if ("email" in body) contact.email = text(body.email)!;
  for (const key of PERSON_TEXT) if (key in body) contact[key] = text(body[key]);
  touch(contact, now);
  return contact;
}

/**
 * Contacts are Daftra clients or suppliers, two separate records with separate ids. A create makes a
 * client unless the input's role is SUPPLIER (a contact created for a bill must say so).
 * https://docs.daftara.dev (Clients, Suppliers: POST, PUT /{id}, DELETE /{id})
 */
import type { Contact } from "../../../schema/contact/contact.type.js";
import type { ContactInput } from "../../../src/connector/inputs.js";
import type { Removal, WriteOptions, WriteResult } from "../../../src/connector/writes.js";
import { notFound, notSupported } from "../../../src/errors/index.js";
import { unprefixId } from "../mapping/common.js";
import { toDaftraParty, toDaftraPartyChanges, type PartyKind } from "../mapping/to-contact.js";
import { createdId, readBack, request, send, type WriteContext } from "./context.js";

const PATH: Record<PartyKind, string> = { client: "clients", supplier: "suppliers" };
const SOURCE: Record<PartyKind, number> = { client: 0, supplier: 1 };

/** "client:12" → the client 12; anything else names no Daftra party. */
export function partyOf(remoteId: string): { kind: PartyKind; id: string } {
  for (const kind of ["client", "supplier"] as const) {
    const id = unprefixId(kind, remoteId);
    if (id && /^\d+$/.test(id)) return { kind, id };
  }
  throw notFound("Contact", remoteId);
}

export function createContact(w: WriteContext, input: ContactInput, options: WriteOptions): Promise<WriteResult<Contact>> {
  const kind: PartyKind = input.role === "SUPPLIER" ? "supplier" : "client";
  const req = request("POST", w.api.pathOf(PATH[kind]), toDaftraParty(input, kind));
  return send(w, req, options, (id) => readBack(w, "Contact", SOURCE[kind], createdId(id, kind)));
}

/** Only the fields given are sent; Daftra keeps the rest. A client cannot become a supplier (or back). */
export function updateContact(w: WriteContext, remoteId: string, changes: Partial<ContactInput>, options: WriteOptions): Promise<WriteResult<Contact>> {
  const { kind, id } = partyOf(remoteId);
  const wanted: PartyKind | undefined = changes.role ? (changes.role === "SUPPLIER" ? "supplier" : "client") : undefined;
  if (wanted && wanted !== kind) {
    throw notSupported("DAFTRA", `turning a ${kind} into a ${wanted}`, "Daftra keeps clients and suppliers as separate records; create the contact again with the other role.");
  }
  const req = request("PUT", w.api.pathOf(`${PATH[kind]}/${id}`), toDaftraPartyChanges(changes, kind));
  return send(w, req, options, () => readBack(w, "Contact", SOURCE[kind], id));
}

/** Daftra deletes a party outright, and refuses while documents or payments point at it. */
export function removeContact(w: WriteContext, remoteId: string, options: WriteOptions): Promise<WriteResult<Removal>> {
  const { kind, id } = partyOf(remoteId);
  return send(w, request("DELETE", w.api.pathOf(`${PATH[kind]}/${id}`)), options, async () => ({ outcome: "DELETED" as const }));
}

/**
 * Notes on records: `POST /notes/{type}/{id}`, the type naming the kind of record.
 * https://docs.daftara.dev (Notes: POST /notes/{type}/{id}, GET /notes/{id})
 */
import type { EntityName } from "../../../src/connector/entities.js";
import type { NoteAdded, WriteOptions, WriteResult } from "../../../src/connector/writes.js";
import { notFound } from "../../../src/errors/index.js";
import { toIsoTimestamp } from "../mapping/dates.js";
import { toDaftraNote } from "../mapping/to-daftra-records.js";
import { partyOf } from "./contacts.js";
import { createdId, request, send, type WriteContext } from "./context.js";

/** The note `type` of each entity Daftra keeps notes on (assumption: the record kind's singular name). */
const NOTE_TYPES: Partial<Record<EntityName, (remoteId: string) => { type: string; id: string }>> = {
  Contact: (remoteId) => {
    const { kind, id } = partyOf(remoteId);
    return { type: kind, id };
  },
  Invoice: (id) => ({ type: "invoice", id }),
  Bill: (id) => ({ type: "purchase_order", id }),
  Quote: (id) => ({ type: "estimate", id }),
  CreditNote: (id) => ({ type: "credit_note", id }),
  Item: (id) => ({ type: "product", id }),
};

export const DAFTRA_NOTE_ENTITIES = Object.keys(NOTE_TYPES) as EntityName[];

export async function addNote(w: WriteContext, entity: EntityName, remoteId: string, text: string, options: WriteOptions): Promise<WriteResult<NoteAdded>> {
  const target = NOTE_TYPES[entity]!(remoteId);
  if (!/^\d+$/.test(target.id)) throw notFound(entity, remoteId);
  const req = request("POST", w.api.pathOf(`notes/${target.type}/${target.id}`), toDaftraNote(text));
  return send(w, req, options, async (id) => {
    // GET /notes/{id}: when Daftra stamped it
    const note = (await w.api.get("notes", createdId(id, "note"))) as { Note?: { description?: string; created?: string } };
    const addedAt = toIsoTimestamp(note.Note?.created ?? null, w.ctx().dateOrder) ?? w.ctx().now.toISOString();
    return { text: note.Note?.description ?? text, addedAt };
  });
}

/**
 * Clients and suppliers: create, edit (the fields sent change, the rest stay) and delete (refused
 * while documents, payments or expenses point at the party).
 */
import type { DaftraBooks, PartyRow } from "../types.js";
import { failed, HAS_TRANSACTIONS, freshRowId, peekRowId, stamp, text, touched, type Body, type FieldErrors, type WriteOutcome } from "./outcome.js";

export type PartyKind = "client" | "supplier";

const FIELDS = ["business_name", "first_name", "last_name", "email", "phone1", "phone2", "address1", "address2", "city", "state", "postal_code", "country_code", "default_currency_code", "bn1"] as const;

const tableOf = (books: DaftraBooks, kind: PartyKind) => (kind === "client" ? books.clients : books.suppliers);

function partyErrors(books: DaftraBooks, kind: PartyKind, party: Partial<PartyRow>, number: string, self?: number): FieldErrors {
  const errors: FieldErrors = {};
  if (!party.business_name && !party.first_name) errors.business_name = "Business name or first name is required";
  if (party.email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(party.email)) errors.email = "Valid email is required";
  if (party.country_code && !/^[A-Z]{2}$/.test(party.country_code)) errors.country_code = "Country code must be an ISO ALPHA-2 code";
  if (party.default_currency_code && !/^[A-Z]{3}$/.test(party.default_currency_code)) errors.default_currency_code = "Currency code must be an ISO 4217 code";
  if (number && tableOf(books, kind).some((p) => p.number === number && p.id !== self)) errors[`${kind}_number`] = "This number is already used";
  return errors;
}

/** The fields a body sets, keeping absent ones out (so an edit leaves them as they are). */
function fieldsOf(record: Body): Partial<PartyRow> {
  const set: Partial<PartyRow> = {};
  for (const field of FIELDS) if (field in record) set[field] = text(record[field]);
  if ("type" in record) set.type = text(record.type) === "2" ? 2 : 3;
  return set;
}

export function createParty(books: DaftraBooks, kind: PartyKind, record: Body, now: Date): WriteOutcome {
  const table = tableOf(books, kind);
  const id = peekRowId(books, kind, table);
  const fields = fieldsOf(record);
  const number = text(record[`${kind}_number`]) || String(id).padStart(7, "0");
  const problem = failed(partyErrors(books, kind, fields, number));
  if (problem) return problem;
  freshRowId(books, kind, table);
  const blank = Object.fromEntries(FIELDS.map((f) => [f, ""])) as Record<(typeof FIELDS)[number], string>;
  table.push({
    ...blank, ...fields, id, number, type: fields.type ?? 3,
    country_code: fields.country_code || books.site.country_code,
    default_currency_code: fields.default_currency_code || books.site.currency_code,
    created: stamp(now), modified: stamp(now),
  });
  return { id };
}

export function editParty(books: DaftraBooks, kind: PartyKind, id: number, record: Body, now: Date): WriteOutcome {
  const party = tableOf(books, kind).find((p) => p.id === id);
  if (!party) return { missing: `${kind === "client" ? "Client" : "Supplier"} not found` };
  const merged = { ...party, ...fieldsOf(record) };
  const number = `${kind}_number` in record ? text(record[`${kind}_number`]) || party.number : party.number;
  const problem = failed(partyErrors(books, kind, merged, number, id));
  if (problem) return problem;
  Object.assign(party, merged, { number, modified: touched(party.modified, now) });
  return { id };
}

/** Whether any document, payment or expense still points at the party. */
function inUse(books: DaftraBooks, kind: PartyKind, id: number): boolean {
  if (kind === "supplier") return books.purchaseInvoices.some((d) => d.party_id === id) || books.purchasePayments.some((p) => p.party_id === id);
  return [books.invoices, books.estimates, books.creditNotes].some((docs) => docs.some((d) => d.party_id === id)) ||
    books.invoicePayments.some((p) => p.party_id === id) || books.expenses.some((e) => e.client_id === id);
}

export function deleteParty(books: DaftraBooks, kind: PartyKind, id: number): WriteOutcome {
  const table = tableOf(books, kind);
  const index = table.findIndex((p) => p.id === id);
  if (index < 0) return { missing: `${kind === "client" ? "Client" : "Supplier"} not found` };
  if (inUse(books, kind, id)) return { refused: HAS_TRANSACTIONS };
  table.splice(index, 1);
  return { id };
}

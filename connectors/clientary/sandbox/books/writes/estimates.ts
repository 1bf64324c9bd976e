import type { ClientaryBooks, EstimateRecord } from "../types.js";
import { unprocessable } from "../../http/errors.js";
import { nextId } from "../seed/context.js";
import { ESTIMATE } from "../status-codes.js";
import { documentTotals } from "../totals.js";
import { applyHeader, blankDocument, nextNumber } from "./document-header.js";
import { fieldErrors, numberOf, removeWhere, stampOf, text, touched, type FieldErrors } from "./fields.js";
import { applyItems } from "./items.js";

/** Estimates the client has answered (or that are withdrawn): their terms stand, only the status moves. */
const CLOSED = new Map<number, string>([[ESTIMATE.CANCELLED, "cancelled"], [ESTIMATE.DECLINED, "declined"], [ESTIMATE.ACCEPTED, "accepted"], [ESTIMATE.ARCHIVED, "archived"]]);
const TERMS = ["estimate_items_attributes", "client_id", "currency_code", "tax", "tax2", "tax3", "compound_tax"];

function statusField(body: Record<string, unknown>, errors: FieldErrors): number | undefined {
  if (!("status" in body)) return undefined;
  const status = numberOf(body.status);
  if (status === undefined || !Object.values(ESTIMATE).includes(status as never)) errors.add("status", "is not included in the list");
  else return status;
  return undefined;
}

/** Estimates are for clients or leads (Clientary estimates leads). */
const partiesOf = (books: ClientaryBooks) => [...books.clients, ...books.leads];

function applyEstimate(books: ClientaryBooks, draft: EstimateRecord, body: Record<string, unknown>, errors: FieldErrors): EstimateRecord {
  applyHeader(books, draft, body, errors, books.estimates, partiesOf(books));
  draft.estimate_items = applyItems(books, draft.estimate_items, body.estimate_items_attributes, "estimate_items");
  return Object.assign(draft, documentTotals(draft.estimate_items, draft));
}

/** POST /estimates: `date`, `currency_code` and a client (or lead) required; numbered next unless given; draft by default. */
export function createEstimate(books: ClientaryBooks, body: Record<string, unknown>, now: Date): EstimateRecord {
  const errors = fieldErrors();
  for (const field of ["date", "currency_code", "client_id"]) if (!text(body[field])) errors.add(field, "can't be blank");
  const status = statusField(body, errors);
  const draft: EstimateRecord = { ...blankDocument(0, stampOf(now), ""), number: nextNumber(books.estimates), status: status ?? ESTIMATE.DRAFT, estimate_items: [] };
  applyEstimate(books, draft, body, errors);
  errors.check();
  const estimate = { ...draft, id: nextId(books, "estimate") };
  books.estimates.push(estimate);
  return estimate;
}

/** PUT /estimates/:id: open estimates change freely; an answered or withdrawn one only changes status and its wording. */
export function updateEstimate(books: ClientaryBooks, estimate: EstimateRecord, body: Record<string, unknown>, now: Date): EstimateRecord {
  const closed = CLOSED.get(estimate.status);
  if (closed && TERMS.some((key) => key in body)) throw unprocessable({ base: [`The estimate is ${closed}: its terms can't be changed`] });
  const errors = fieldErrors();
  const status = statusField(body, errors);
  const draft = applyEstimate(books, structuredClone(estimate), body, errors);
  errors.check();
  Object.assign(estimate, draft, { status: status ?? estimate.status, updated_at: touched(estimate.updated_at, now) });
  return estimate;
}

/** DELETE /estimates/:id */
export function deleteEstimate(books: ClientaryBooks, estimate: EstimateRecord): void {
  removeWhere(books.estimates, (e) => e === estimate);
}

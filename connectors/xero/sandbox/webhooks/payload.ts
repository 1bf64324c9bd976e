/**
 * The shape of Xero's webhook deliveries: thin events (which record changed, never the record
 * itself) batched into one signed JSON payload.
 * https://developer.xero.com/documentation/guides/webhooks/overview
 */
import { createHmac, randomInt } from "node:crypto";
import type { CreditNoteType, DocumentStatus } from "../books/types.js";

/** The organisation-scoped categories Xero publishes (SUBSCRIPTION concerns app-store apps only). */
export type WebhookCategory = "CONTACT" | "INVOICE" | "CREDITNOTE";
export type WebhookEventType = "CREATE" | "UPDATE";

export interface WebhookEvent {
  resourceUrl: string;
  resourceId: string;
  /** UTC without a zone designator, with milliseconds, as Xero writes it: "2026-03-15T09:30:00.123". */
  eventDateUtc: string;
  eventType: WebhookEventType;
  eventCategory: WebhookCategory;
  tenantId: string;
  tenantType: "ORGANISATION";
  /** Credit note events only: the note's type and status at the time of the event. */
  data?: { Type: CreditNoteType; Status: DocumentStatus };
}

export interface WebhookPayload {
  events: WebhookEvent[];
  firstEventSequence: number;
  lastEventSequence: number;
  entropy: string;
}

/** The endpoint each category's resourceUrl points at (under `/api.xro/2.0`). */
export const RESOURCE_PATH: Record<WebhookCategory, string> = {
  CONTACT: "Contacts",
  INVOICE: "Invoices",
  CREDITNOTE: "CreditNotes",
};

export function eventDateUtc(date: Date): string {
  return date.toISOString().replace(/Z$/, "");
}

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** Twenty random capitals, like the `entropy` of Xero's payloads. */
export function entropy(): string {
  let out = "";
  for (let i = 0; i < 20; i++) out += LETTERS[randomInt(LETTERS.length)];
  return out;
}

/** `x-xero-signature`: base64 of HMAC-SHA256 over the exact body bytes, keyed with the webhook key. */
export function signWebhookBody(body: Buffer | string, key: string): string {
  return createHmac("sha256", key).update(body).digest("base64");
}

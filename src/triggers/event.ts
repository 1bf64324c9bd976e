import { createHash } from "node:crypto";
import type { Provider } from "../../schema/common/provider.enum.js";
import type { EntityName } from "../connector/entities.js";

/** What happened to a record. */
export type ChangeKind = "CREATED" | "UPDATED" | "DELETED" | "VOIDED";
export const CHANGE_KINDS: readonly ChangeKind[] = ["CREATED", "UPDATED", "DELETED", "VOIDED"];

/** An event as detection produces it, before the log gives it a position. */
export interface NewEvent {
  /** Deterministic: the same change detected twice (webhook and poller, or after a crash) has the same id. */
  id: string;
  /** `INVOICE_CREATED`, `CREDIT_NOTE_VOIDED`, …: see `eventTypeOf`. */
  type: string;
  /** The record's GraphQL type; `WebhookEndpoint` for key events. */
  entity: EntityName | KeyEventEntity;
  change: ChangeKind;
  /** Null for key events: they belong to an API key (`apiKeyId`), not to an organization's books. */
  organizationId: string | null;
  provider: Provider | null;
  /** The provider's id of the record; a key event's subject id (`whep_…`). */
  remoteId: string;
  /** When the provider says the change happened (its `updatedAt`, or the webhook's event date), else `detectedAt`. */
  occurredAt: string;
  /** When the gateway noticed it. */
  detectedAt: string;
  /**
   * The unified record as it now is, without the provider's `raw` payload (`withoutRaw`: the log keeps
   * no provider payloads; `node(id:) { raw }` fetches it); null when the provider no longer returns it.
   */
  record: Record<string, unknown> | null;
  /**
   * Key events only: the API key whose subscriptions and endpoints may receive it (no other key ever
   * does), and the object it is about (an endpoint as `webhookEndpoints` shows it).
   */
  apiKeyId?: string;
  subject?: Record<string, unknown>;
}

/** What key events are about: the gateway's own objects, not an organization's records. */
export type KeyEventEntity = "WebhookEndpoint";

/** Event types that belong to an API key rather than to an organization; delivered only where their type is named. */
export const KEY_EVENT_TYPES = ["WEBHOOK_ENDPOINT_DISABLED"] as const;
export type KeyEventType = (typeof KEY_EVENT_TYPES)[number];
export const isKeyEvent = (event: Pick<NewEvent, "apiKeyId">): boolean => event.apiKeyId !== undefined;

/**
 * The event as the log stores it: its record without `raw`. The provider's payload can hold more
 * than the unified record shows (notes, addresses, attachments' names), would be kept for the whole
 * retention and replayed to every subscriber; selecting `raw` on an event's record answers null.
 */
export function withoutRaw<E extends NewEvent>(event: E): E {
  if (!event.record || !("raw" in event.record)) return event;
  const { raw: _raw, ...record } = event.record;
  return { ...event, record };
}

/** An event in the log: `cursor` is its position, opaque to clients, strictly increasing in log order. */
export interface StoredEvent extends NewEvent {
  cursor: string;
}

/** `CreditNote` → `CREDIT_NOTE`. */
export function screamingSnake(entity: string): string {
  return entity.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
}

export function eventTypeOf(entity: EntityName, change: ChangeKind): string {
  return `${screamingSnake(entity)}_${change}`;
}

/**
 * The identity of one change: organization, entity, record, kind of change and the record's
 * version fingerprint. Whoever detects the change (poller, webhook, a re-run after a crash)
 * derives the same id, and the log keeps only the first.
 */
export function eventIdOf(parts: { organizationId: string; entity: EntityName; remoteId: string; change: ChangeKind; fingerprint: string }): string {
  const text = [parts.organizationId, parts.entity, parts.remoteId, parts.change, parts.fingerprint].join("\u0000");
  return `evt_${createHash("sha256").update(text).digest("base64url").slice(0, 32)}`;
}

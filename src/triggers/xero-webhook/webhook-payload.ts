import { z } from "zod";
import type { EntityName } from "../../connector/entities.js";

/** One thin event: which record changed, in which organisation; the record itself must be fetched. */
const webhookEvent = z.object({
  resourceId: z.string().min(1),
  resourceUrl: z.string().optional(),
  eventDateUtc: z.string().optional(),
  eventType: z.string(),
  eventCategory: z.string(),
  tenantId: z.string().min(1),
  tenantType: z.string().optional(),
});
export type XeroWebhookEvent = z.output<typeof webhookEvent>;

/** https://developer.xero.com/documentation/guides/webhooks/overview (payload); unknown fields are ignored. */
export const xeroWebhookPayload = z.object({
  events: z.array(z.unknown()).default([]),
  firstEventSequence: z.number().optional(),
  lastEventSequence: z.number().optional(),
  entropy: z.string().optional(),
});

/** The events of a payload that parse; others (new categories with other shapes) are dropped. */
export function eventsOf(payload: z.output<typeof xeroWebhookPayload>): XeroWebhookEvent[] {
  return payload.events.flatMap((event) => {
    const parsed = webhookEvent.safeParse(event);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * The unified entities an event category may be about. INVOICE covers sales invoices and bills
 * alike (the payload does not say which); categories without a unified entity are ignored.
 */
/** The entity kinds Xero's webhooks report (contacts, invoices and bills, credit notes). */
export const XERO_WEBHOOK_ENTITIES: readonly EntityName[] = ["Contact", "Invoice", "Bill", "CreditNote"];

export function entitiesOfCategory(category: string): EntityName[] {
  switch (category.toUpperCase()) {
    case "CONTACT":
      return ["Contact"];
    case "INVOICE":
      return ["Invoice", "Bill"];
    case "CREDITNOTE":
      return ["CreditNote"];
    default:
      return [];
  }
}

/** Xero writes event dates without a zone; they are UTC. */
export function eventDateOf(event: XeroWebhookEvent): string | undefined {
  if (!event.eventDateUtc) return undefined;
  const text = /[zZ]|[+-]\d\d:?\d\d$/.test(event.eventDateUtc) ? event.eventDateUtc : `${event.eventDateUtc}Z`;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

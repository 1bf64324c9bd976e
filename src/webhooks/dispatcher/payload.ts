import type { StoredEvent } from "../../triggers/event.js";
import { toEventView } from "../../triggers/event-view.js";

/**
 * The body of every attempt of one event's delivery: the event as subscriptions show it, as JSON text.
 * Computed once when the delivery is queued and stored, so every attempt (and replay) sends the same bytes.
 */
export function webhookPayload(event: StoredEvent): string {
  return JSON.stringify(toEventView(event));
}

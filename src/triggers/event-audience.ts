/** Who an event may reach: one rule for subscriptions and webhook endpoints. */
import type { EventPredicate } from "../events/record-conditions.js";
import { isKeyEvent, type NewEvent } from "./event.js";

/** One receiver of events (a subscription or a webhook endpoint) as its API key and its own filter define it. */
export interface EventAudience {
  /** The API key it belongs to: the only key whose receivers get that key's key events. */
  apiKeyId: string;
  /** The organizations the key may see now ("*": every one). */
  grantedOrganizationIds: "*" | readonly string[];
  /** Only these organizations (each also granted); undefined: every granted one. Key events ignore it. */
  askedOrganizationIds?: ReadonlySet<string>;
  /** Only these event types; undefined: every record event type, and no key event (they are delivered only where named). */
  types?: ReadonlySet<string>;
  /** Conditions on the record (`compileConditions`); undefined: none. Key events ignore it. */
  predicate?: EventPredicate;
}

/**
 * Whether `event` reaches `audience`. A key event (`apiKeyId` set, e.g. WEBHOOK_ENDPOINT_DISABLED)
 * reaches only receivers of that same key that name its type in `types`; organizations and record
 * conditions do not apply to it. A record event reaches a receiver whose key is granted its
 * organization, that asked for that organization (when it named some), for its type (when it named
 * some), and whose record conditions hold (when it has some).
 */
export function reaches(event: Pick<NewEvent, "type" | "organizationId" | "apiKeyId" | "record" | "entity">, audience: EventAudience): boolean {
  if (isKeyEvent(event)) return event.apiKeyId === audience.apiKeyId && audience.types !== undefined && audience.types.has(event.type);
  const organizationId = event.organizationId;
  if (organizationId === null) return false;
  const granted = audience.grantedOrganizationIds;
  if (granted !== "*" && !granted.includes(organizationId)) return false;
  if (audience.askedOrganizationIds && !audience.askedOrganizationIds.has(organizationId)) return false;
  if (audience.types && !audience.types.has(event.type)) return false;
  return audience.predicate ? audience.predicate(event) : true;
}

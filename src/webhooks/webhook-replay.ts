import { randomUUID } from "node:crypto";
import type { Principal } from "../context/gateway-context.js";
import type { EventPredicate } from "../events/record-conditions.js";
import type { StoredEvent } from "../triggers/event.js";
import type { EventLog } from "../triggers/event-log/event-log.js";
import { audienceOf, carries, deliveryOf } from "./dispatcher/endpoint-consumer.js";
import type { WebhookEndpointRecord, WebhookStore } from "./webhook-types.js";

/** Most events one `replayWebhooks` call queues; the answer says where to continue. */
export const MAX_REPLAY_EVENTS = 10_000;
/** Most events one call reads from the log (a narrow endpoint over a long log): the answer says where to continue. */
export const MAX_REPLAY_SCAN = 100_000;
const PAGE = 1_000;

export interface ReplayRequest {
  endpoint: WebhookEndpointRecord;
  /** The owning key as it is now: its grants decide what is replayed, not those it had when the events happened. */
  principal: Principal;
  predicate: EventPredicate;
  /** Read after this log cursor; undefined: from the oldest event the log keeps. */
  afterCursor?: string;
  /** Skip events detected before this time. */
  since?: Date;
  now: Date;
  /** Most events to queue. @default MAX_REPLAY_EVENTS */
  limit?: number;
}

/** What a replay queued, and where to continue when it stopped before the log's end. */
export interface ReplayResult {
  queued: number;
  complete: boolean;
  /** Pass as `afterCursor` to go on; null when complete. */
  continueAfter: string | null;
}

/**
 * Reads the log once from `afterCursor` and queues, as new PENDING deliveries after every existing one,
 * the events the endpoint would carry now (the dispatcher's audience: the key's current grants, the
 * endpoint's organizations, types and filter), each with its event id as `webhook-id` so receivers
 * deduplicate. Only events the endpoint's consumer has already taken are replayed: the scan stops at
 * the endpoint's stored cursor (read when the replay starts; inclusive, compared in log order, so a pruned
 * or later `afterCursor` changes nothing), since later events are the consumer's to queue, in order; a null
 * cursor (nothing taken yet) replays nothing. Stops after
 * `limit` (10,000) queued or `MAX_REPLAY_SCAN` read.
 */
export async function replayEvents(store: WebhookStore, log: EventLog, request: ReplayRequest): Promise<ReplayResult> {
  const { endpoint, principal, predicate, since, limit = MAX_REPLAY_EVENTS } = request;
  // As the dispatcher's consumer decides: the owner's current grants narrowed by the endpoint's choices.
  const audience = audienceOf(principal, endpoint, endpoint.filter?.length ? predicate : undefined);
  // Another key's key events never reach this endpoint, whoever asks.
  const carried = carries(endpoint, audience);
  const carriesEvent = (event: StoredEvent) => endpoint.apiKeyId === principal.apiKeyId && carried(event);
  // Where the consumer is now: past it the events are its to queue (a replay there would put a later event before an earlier one).
  const consumed = (await store.getEndpoint(endpoint.id))?.cursor ?? null;
  // Nothing taken yet, or asked to start at or past what was taken: the rest is the consumer's.
  if (consumed === null || (request.afterCursor !== undefined && log.compareCursors(request.afterCursor, consumed) >= 0)) return { queued: 0, complete: true, continueAfter: null };
  const replayOf = `rpl_${randomUUID()}`;
  let cursor = request.afterCursor;
  let reachedConsumer = false;
  let scanned = 0;
  let queued = 0;
  for (;;) {
    const room = Math.min(PAGE, MAX_REPLAY_SCAN - scanned);
    const page = await log.readAfter(cursor, room);
    const taken: StoredEvent[] = [];
    for (const event of page) {
      // Past what the consumer took (its own event may have been pruned): stop before it.
      if (log.compareCursors(event.cursor, consumed) > 0) {
        reachedConsumer = true;
        break;
      }
      scanned++;
      cursor = event.cursor;
      if ((!since || Date.parse(event.detectedAt) >= since.getTime()) && carriesEvent(event)) taken.push(event);
      if (event.cursor === consumed) {
        reachedConsumer = true;
        break;
      }
      if (queued + taken.length >= limit) break;
    }
    if (taken.length > 0) {
      queued += await store.queueReplay(endpoint.id, taken.map((event) => ({ ...deliveryOf(endpoint.id, event, request.now), replayOf })));
    }
    if (reachedConsumer) return { queued, complete: true, continueAfter: null };
    const stoppedEarly = queued >= limit || scanned >= MAX_REPLAY_SCAN;
    if (page.length < room && !stoppedEarly) return { queued, complete: true, continueAfter: null };
    if (stoppedEarly) {
      // Only incomplete when something may follow: an event after the last one read.
      const more = (await log.readAfter(cursor, 1)).length > 0;
      return { queued, complete: !more, continueAfter: more ? cursor ?? null : null };
    }
  }
}

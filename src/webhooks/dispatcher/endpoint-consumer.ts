import { randomBytes } from "node:crypto";
import type { StoredEvent } from "../../triggers/event.js";
import { reaches, type EventAudience } from "../../triggers/event-audience.js";
import type { Principal } from "../../context/gateway-context.js";
import type { EventPredicate } from "../../events/record-conditions.js";
import type { WebhookDelivery, WebhookEndpointRecord } from "../webhook-types.js";
import { ownerWhoMayDeliver } from "./owner-check.js";
import { webhookPayload } from "./payload.js";
import type { WorkerDeps, WorkerHandle } from "./worker-context.js";

/** One endpoint's consumer: moves events from the log into its delivery queue. */
export interface EndpointConsumer {
  /** Read the log again (after an append, or to re-check the owner); coalesced with a pass under way. */
  wake(): void;
  /** Resolves once no pass is under way. */
  idle(): Promise<void>;
}

const newDeliveryId = () => `whdl_${randomBytes(16).toString("base64url")}`;

/**
 * Who receives what at this endpoint: its owner's current grants narrowed by the endpoint's organizations,
 * types and filter (`predicate`: its conditions compiled; undefined when it has none).
 */
export function audienceOf(principal: Principal, endpoint: WebhookEndpointRecord, predicate: EventPredicate | undefined): EventAudience {
  return {
    apiKeyId: principal.apiKeyId,
    grantedOrganizationIds: principal.organizationIds,
    askedOrganizationIds: endpoint.organizationIds ? new Set(endpoint.organizationIds) : undefined,
    types: endpoint.eventTypes ? new Set(endpoint.eventTypes) : undefined,
    predicate,
  };
}

/**
 * Whether the endpoint carries `event` for this audience: what `reaches` says, except the endpoint's own
 * WEBHOOK_ENDPOINT_DISABLED (once resumed, it would be told of its own disabling, which its owner undid).
 */
export function carries(endpoint: Pick<WebhookEndpointRecord, "id">, audience: EventAudience): (event: StoredEvent) => boolean {
  return (event) => reaches(event, audience) && !(event.apiKeyId !== undefined && event.remoteId === endpoint.id);
}

/** The delivery row of one event for one endpoint, due now. */
export function deliveryOf(endpointId: string, event: StoredEvent, now: Date): Omit<WebhookDelivery, "seq"> {
  return {
    id: newDeliveryId(),
    endpointId,
    eventId: event.id,
    eventCursor: event.cursor,
    eventType: event.type,
    organizationId: event.organizationId,
    payload: webhookPayload(event),
    status: "PENDING",
    attemptCount: 0,
    nextAttemptAt: now.getTime(),
    replayOf: null,
    createdAt: now.toISOString(),
    detectedAt: event.detectedAt,
    deliveredAt: null,
  };
}

/**
 * Reads the log after the endpoint's cursor in batches, keeps the events its owner may receive and it
 * asked for, and queues them with the cursor's move in one fenced store step. A null cursor (the log
 * was empty when the endpoint was created) starts at the log's start, skipping nothing. A revoked owner, or one without SUBSCRIBE,
 * disables the endpoint. Each wake reads until a batch comes back short.
 */
export function endpointConsumer(worker: WorkerHandle, deps: WorkerDeps, onQueued: () => void): EndpointConsumer {
  let cursor: string | undefined;
  let positioned = false;
  let running: Promise<void> | undefined;
  let again = false;
  /** The filter compiled once per version of the endpoint's types and conditions (not on every refresh). */
  let compiled: { of: string; predicate: EventPredicate | undefined } | undefined;
  const predicateOf = (endpoint: WebhookEndpointRecord) => {
    const version = JSON.stringify([endpoint.eventTypes, endpoint.filter]);
    if (compiled?.of !== version) compiled = { of: version, predicate: endpoint.filter?.length ? deps.predicateOf(endpoint) : undefined };
    return compiled.predicate;
  };
  const id = worker.endpoint.id;

  /**
   * Where reading starts: the stored cursor. A null one means the log was empty when the endpoint was
   * created (the service stores the head then), so every event in the log came after it: read from the
   * log's start, every event (none is skipped by its detection time, which may precede the creation).
   */
  function position(): void {
    if (positioned) return;
    cursor = worker.endpoint.cursor ?? undefined;
    positioned = true;
  }

  /** One batch; true when another may follow at once (the batch was full). */
  async function step(): Promise<boolean> {
    const endpoint = worker.endpoint;
    const principal = await ownerWhoMayDeliver(worker, deps);
    if (!principal) return false;
    const events = await deps.reads.read(cursor, deps.batchSize);
    if (events.length === 0 || worker.stopped) return false;
    const audience = audienceOf(principal, endpoint, predicateOf(endpoint));
    const now = deps.clock.now();
    const deliveries = events.filter(carries(endpoint, audience)).map((event) => deliveryOf(id, event, now));
    const last = events[events.length - 1]!.cursor;
    if (!(await deps.store.enqueue(id, last, deliveries, worker.fence))) {
      // Refused: a later lease holder's token, or the endpoint was deleted (then stop quietly).
      if (await deps.store.getEndpoint(id)) worker.fencedOut();
      else worker.deleted();
      return false;
    }
    cursor = last;
    if (deliveries.length > 0) onQueued();
    return events.length === deps.batchSize;
  }

  async function pass(): Promise<void> {
    do {
      again = false;
      if (worker.stopped) return;
      position();
      while (!worker.stopped && (await step()));
    } while (again && !worker.stopped);
  }

  function wake(): void {
    if (worker.stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = pass()
      .catch((error: unknown) => deps.logger.warn("webhook consumer step failed; retried on the next wake", { endpointId: id, error: String(error) }))
      .finally(() => {
        running = undefined;
        if (again) wake();
      });
  }

  return {
    wake,
    idle: async () => {
      while (running) await running;
    },
  };
}

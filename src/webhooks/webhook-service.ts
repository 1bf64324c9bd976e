import { randomUUID } from "node:crypto";
import type { GraphQLSchema } from "graphql";
import type { OrganizationAccess, Principal } from "../context/gateway-context.js";
import { Scope } from "../auth/scopes.js";
import { badUserInput, ErrorCode, GatewayError, notFound } from "../errors/index.js";
import type { Clock } from "../infra/clock.js";
import type { SecretBox } from "../secrets/secret-box.js";
import type { EventLog } from "../triggers/event-log/event-log.js";
import type { UrlPolicy } from "./delivery/endpoint-url.js";
import { generateSigningSecret } from "./delivery/signing.js";
import { checkEndpointSettings, eventCursorProblem, type EndpointSettings } from "./endpoint-input.js";
import { endpointPredicate } from "./endpoint-predicate.js";
import { deliveryPage, type DeliveryPage, type DeliveryPageRequest } from "./delivery-page.js";
import { MAX_REPLAY_EVENTS, replayEvents, type ReplayResult } from "./webhook-replay.js";
import { laterUpdatedAt, type StoredSigningSecret, type WebhookEndpointRecord, type WebhookStore } from "./webhook-types.js";
import { toEndpointView, type WebhookEndpointView } from "./webhook-views.js";

/** How long a replaced signing secret keeps signing after `rotateSecret`. */
export const SECRET_OVERLAP_MS = 24 * 3_600_000;

export interface WebhookServiceOptions {
  store: WebhookStore;
  log: EventLog;
  secrets: SecretBox;
  dispatcher: { wake(endpointId: string): void };
  schema: () => GraphQLSchema;
  policy: UrlPolicy;
  clock: Clock;
  /** Most endpoints one API key may have. @default 100 */
  maxEndpointsPerKey?: number;
  /** Most events one replay call queues. @default MAX_REPLAY_EVENTS (10,000) */
  maxReplayEvents?: number;
}

export interface CreateEndpointInput {
  url: string;
  organizationIds?: string[] | null;
  eventTypes?: string[] | null;
  filter?: EndpointSettings["filter"];
  description?: string | null;
  /** Start after this event cursor (the backlog after it is delivered) instead of the log's head. */
  after?: string | null;
}

/** Undefined: unchanged; null or empty: back to the default (every organization, every record event type, no filter, no description). */
export interface UpdateEndpointInput {
  id: string;
  url?: string | null;
  organizationIds?: string[] | null;
  eventTypes?: string[] | null;
  filter?: EndpointSettings["filter"];
  description?: string | null;
}

/** An endpoint and a signing secret shown this once. */
export interface EndpointWithSecret {
  endpoint: WebhookEndpointView;
  secret: string;
}

export interface ReplayInput {
  endpointId: string;
  since?: Date | null;
  afterCursor?: string | null;
}

/**
 * Endpoint management for one API key at a time. Every method answers NOT_FOUND for another key's
 * endpoint (its existence never shows); every mutation wakes the dispatcher once stored. Creating,
 * changing, resuming and replaying need the SUBSCRIBE scope (an endpoint carries events as a
 * subscription does); listing, pausing, rotating and deleting do not, so a key can always clean up.
 */
export interface WebhookService {
  create(principal: Principal, organizations: Pick<OrganizationAccess, "get">, input: CreateEndpointInput): Promise<EndpointWithSecret>;
  update(principal: Principal, organizations: Pick<OrganizationAccess, "get">, input: UpdateEndpointInput): Promise<WebhookEndpointView>;
  /** A new secret; the one it replaces keeps signing for 24 hours (both sign meanwhile). */
  rotateSecret(principal: Principal, id: string): Promise<EndpointWithSecret>;
  /** PAUSED: nothing is sent, the cursor stays, events keep accruing for when it resumes. */
  pause(principal: Principal, id: string): Promise<WebhookEndpointView>;
  /** ACTIVE again (from PAUSED or DISABLED), its failure window reset and every waiting delivery due at once (a 410'd one first). */
  resume(principal: Principal, id: string): Promise<WebhookEndpointView>;
  /** Deletes it with its deliveries; true. */
  delete(principal: Principal, id: string): Promise<boolean>;
  /** The key's endpoints, oldest first. */
  list(principal: Principal): Promise<WebhookEndpointView[]>;
  /** One endpoint of the key, or undefined (another key's too). */
  get(principal: Principal, id: string): Promise<WebhookEndpointView | undefined>;
  /** PENDING deliveries of one of the key's endpoints. */
  pendingDeliveries(principal: Principal, id: string): Promise<number>;
  /** The endpoint's deliveries, newest first, a Relay page with each one's attempts. */
  deliveries(principal: Principal, request: DeliveryPageRequest): Promise<DeliveryPage>;
  /** Queues again the events after `afterCursor`, or those detected since `since` (exactly one). */
  replay(principal: Principal, input: ReplayInput): Promise<ReplayResult>;
}

/** Reads and writes of one change before giving up on an endpoint that keeps changing under it. */
const SAVE_ATTEMPTS = 5;

const id = () => `whep_${randomUUID().replace(/-/g, "")}`;

export function createWebhookService(options: WebhookServiceOptions): WebhookService {
  const { store, log, secrets, dispatcher, schema, policy, clock, maxEndpointsPerKey = 100, maxReplayEvents = MAX_REPLAY_EVENTS } = options;
  const now = () => clock.now();

  async function owned(principal: Principal, endpointId: string): Promise<WebhookEndpointRecord> {
    const endpoint = await store.getEndpoint(endpointId);
    if (!endpoint || endpoint.apiKeyId !== principal.apiKeyId) throw notFound("Webhook endpoint", endpointId);
    return endpoint;
  }

  /**
   * Applies `patch` to the endpoint as stored right now (not the copy read before validating) and writes it
   * only if nobody wrote in between (the dispatcher disabling it, another request): otherwise reads again and
   * re-applies, so neither write is lost. `write` is the store's compare-and-set (a resume's also resets its
   * failures in the same transaction). Then wakes it.
   */
  async function save(
    principal: Principal,
    endpointId: string,
    patch: Partial<WebhookEndpointRecord> | ((stored: WebhookEndpointRecord) => Partial<WebhookEndpointRecord>),
    write: (endpoint: WebhookEndpointRecord, expectedUpdatedAt: string) => Promise<boolean> = (endpoint, expected) => store.updateEndpoint(endpoint, expected),
  ): Promise<WebhookEndpointView> {
    for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
      const stored = await owned(principal, endpointId);
      const endpoint = { ...stored, ...(typeof patch === "function" ? patch(stored) : patch), updatedAt: laterUpdatedAt(stored.updatedAt, now()) };
      if (await write(endpoint, stored.updatedAt)) {
        dispatcher.wake(endpoint.id);
        return toEndpointView(endpoint);
      }
    }
    throw new GatewayError(ErrorCode.CONFLICT, `Webhook endpoint ${endpointId} kept changing while this request wrote it; send the request again.`);
  }

  const newSecret = (at: Date): { secret: string; stored: StoredSigningSecret } => {
    const secret = generateSigningSecret();
    return { secret, stored: { sealed: secrets.seal(secret), createdAt: at.toISOString() } };
  };

  return {
    async create(principal, organizations, input) {
      requireSubscribe(principal);
      const given = new Set(["url", "organizationIds", "eventTypes", "filter", "description"] as const);
      const afterProblem = input.after ? await eventCursorProblem(log, input.after, "input.after") : undefined;
      const settings = await checkEndpointSettings(
        { url: input.url, organizationIds: input.organizationIds ?? null, eventTypes: input.eventTypes ?? null, filter: input.filter ?? null, description: input.description ?? null },
        { schema: schema(), policy, organizations, given, problems: afterProblem ? [afterProblem] : [] },
      );
      if ((await store.listEndpoints(principal.apiKeyId)).length >= maxEndpointsPerKey) {
        throw new GatewayError(ErrorCode.LIMIT_EXCEEDED, `This API key has ${maxEndpointsPerKey} webhook endpoints, the most one key may have. Delete one (deleteWebhookEndpoint) before creating another.`, {
          details: { limit: maxEndpointsPerKey },
        });
      }
      const at = now();
      const { secret, stored } = newSecret(at);
      const endpoint: WebhookEndpointRecord = {
        id: id(), apiKeyId: principal.apiKeyId, ...settings, status: "ACTIVE", disabledReason: null, disabledAt: null, disabledEventPending: false,
        secrets: [stored], cursor: input.after ?? (await log.head()) ?? null, failingSince: null, createdAt: at.toISOString(), updatedAt: at.toISOString(),
      };
      await store.createEndpoint(endpoint);
      dispatcher.wake(endpoint.id);
      return { endpoint: toEndpointView(endpoint), secret };
    },

    async update(principal, organizations, input) {
      requireSubscribe(principal);
      const endpoint = await owned(principal, input.id);
      if (input.url === null) throw badUserInput([{ field: "input.url", message: "cannot be cleared; give the https URL to deliver to, or leave it out to keep the current one." }]);
      const pick = <K extends keyof EndpointSettings>(key: K): EndpointSettings[K] => (input[key] === undefined ? endpoint[key] : (input[key] as EndpointSettings[K]) ?? (null as EndpointSettings[K]));
      const given = new Set((["url", "organizationIds", "eventTypes", "filter", "description"] as const).filter((key) => input[key] !== undefined));
      const settings = await checkEndpointSettings(
        { url: pick("url"), organizationIds: pick("organizationIds"), eventTypes: pick("eventTypes"), filter: pick("filter"), description: pick("description") },
        { schema: schema(), policy, organizations, given },
      );
      return save(principal, endpoint.id, settings);
    },

    async rotateSecret(principal, endpointId) {
      const { secret, stored } = newSecret(now());
      const view = await save(principal, endpointId, (endpoint) => ({ secrets: [stored, ...replacedSecret(endpoint.secrets, now())] }));
      return { endpoint: view, secret };
    },

    async pause(principal, endpointId) {
      return save(principal, endpointId, { status: "PAUSED" });
    },

    async resume(principal, endpointId) {
      requireSubscribe(principal);
      // Then its failure window starts afresh and every waiting delivery is due now (none waits out an old backoff).
      // A disabling whose event is still to be raised keeps its time and reason until the dispatcher raises it.
      return save(principal, endpointId, (stored) => ({ status: "ACTIVE", ...(stored.disabledEventPending ? {} : { disabledReason: null, disabledAt: null }) }), (endpoint, expected) =>
        store.resumeEndpoint(endpoint, expected, now().getTime()),
      );
    },

    async delete(principal, endpointId) {
      await owned(principal, endpointId);
      await store.deleteEndpoint(endpointId);
      dispatcher.wake(endpointId);
      return true;
    },

    list: async (principal) => (await store.listEndpoints(principal.apiKeyId)).map(toEndpointView),

    async get(principal, endpointId) {
      const endpoint = await store.getEndpoint(endpointId);
      return endpoint && endpoint.apiKeyId === principal.apiKeyId ? toEndpointView(endpoint) : undefined;
    },

    async pendingDeliveries(principal, endpointId) {
      await owned(principal, endpointId);
      return store.pendingCount(endpointId);
    },

    async deliveries(principal, request) {
      await owned(principal, request.endpointId);
      return deliveryPage(store, request);
    },

    async replay(principal, input) {
      const since = input.since ?? undefined;
      const afterCursor = input.afterCursor ?? undefined;
      if ((since === undefined) === (afterCursor === undefined)) {
        const message = "give exactly one of since (a time: events detected from then on) and afterCursor (an event cursor: the events after it).";
        throw badUserInput([{ field: since === undefined ? "since" : "afterCursor", message }]);
      }
      requireSubscribe(principal);
      const endpoint = await owned(principal, input.endpointId);
      if (afterCursor !== undefined) {
        const problem = await eventCursorProblem(log, afterCursor, "afterCursor");
        if (problem) throw badUserInput([problem]);
      }
      const result = await replayEvents(store, log, { endpoint, principal, predicate: endpointPredicate(schema(), endpoint), afterCursor, since, now: now(), limit: maxReplayEvents });
      dispatcher.wake(endpoint.id);
      return result;
    },
  };
}

/**
 * What stays beside a new secret: the current one, now expiring in 24 hours. At most two sign at once, so a
 * secret still overlapping from an earlier rotation, and any expired one, is dropped.
 */
function replacedSecret(secrets: readonly StoredSigningSecret[], at: Date): StoredSigningSecret[] {
  const expiresAt = new Date(at.getTime() + SECRET_OVERLAP_MS).toISOString();
  const current = secrets.filter((s) => !s.expiresAt).slice(-1);
  if (current.length > 0) return current.map((s) => ({ ...s, expiresAt }));
  return secrets.filter((s) => s.expiresAt && Date.parse(s.expiresAt) > at.getTime()).slice(-1);
}

/** FORBIDDEN naming the scope: an endpoint carries events, as a subscription does. */
function requireSubscribe(principal: Principal): void {
  if (principal.scopes.includes(Scope.SUBSCRIBE)) return;
  const has = principal.scopes.length > 0 ? principal.scopes.join(", ") : "none";
  throw new GatewayError(
    ErrorCode.FORBIDDEN,
    `This API key lacks the SUBSCRIBE scope, which webhook endpoints need: they carry events as subscriptions do (the key has ${has}). ` +
      "Use a key with SUBSCRIBE; an operator creates one with `ledgerline keys create --scopes SUBSCRIBE` or the createApiKey mutation.",
    { details: { requiredScopes: [Scope.SUBSCRIBE] } },
  );
}

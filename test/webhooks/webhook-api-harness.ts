import { randomBytes } from "node:crypto";
import { graphql, type GraphQLSchema } from "graphql";
import { Provider } from "../../schema/common/provider.enum.js";
import { Scope } from "../../src/auth/scopes.js";
import type { GatewayContext, Principal } from "../../src/context/gateway-context.js";
import { notFound } from "../../src/errors/index.js";
import { openMirrorStore } from "../../src/mirror/open-mirror-store.js";
import type { MirrorStore } from "../../src/mirror/mirror-store.js";
import type { OrganizationRecord } from "../../src/organizations/organization-record.js";
import { createSecretBox, type SecretBox } from "../../src/secrets/secret-box.js";
import type { NewEvent, StoredEvent } from "../../src/triggers/event.js";
import type { EventLog } from "../../src/triggers/event-log/event-log.js";
import { createMemoryEventLog } from "../../src/triggers/event-log/memory-event-log.js";
import { createWebhookStore } from "../../src/webhooks/store/kysely-webhook-store.js";
import { createWebhookService, type WebhookService, type WebhookServiceOptions } from "../../src/webhooks/webhook-service.js";
import type { WebhookStore } from "../../src/webhooks/webhook-types.js";

/** The webhook API over the real schema: the real store on SQLite memory, a memory log, a clock moved by hand, keys with their own organization grants. */

export const ORGANIZATIONS = ["org-a", "org-b", "org-c"];

export interface ApiHarness {
  store: WebhookStore;
  log: EventLog;
  box: SecretBox;
  clock: { now(): Date; advance(ms: number): void };
  /** Endpoint ids the service woke the dispatcher for, in order. */
  wakes: string[];
  service: WebhookService;
  /** A request context of one key (every scope but ADMIN unless told). */
  key(apiKeyId: string, organizationIds: Principal["organizationIds"], scopes?: Scope[]): GatewayContext;
  append(...events: NewEvent[]): Promise<StoredEvent[]>;
  run(ctx: GatewayContext, source: string, variables?: Record<string, unknown>): Promise<{ data?: Record<string, any> | null; errors?: ReadonlyArray<{ message: string; extensions?: Record<string, any> }> }>;
  /** Another service on the same store and log (other options). */
  withService(overrides: Partial<WebhookServiceOptions>): WebhookService;
  close(): Promise<void>;
}

const unique = () => randomBytes(6).toString("hex");

/** A record event of `organizationId`: an invoice with `status`, detected at `detectedAt`. */
export function invoiceEvent(organizationId: string, status = "DRAFT", detectedAt = new Date().toISOString(), type = "INVOICE_CREATED"): NewEvent {
  const remoteId = `inv-${unique()}`;
  return {
    id: `evt_${unique()}`, type, entity: "Invoice", change: "CREATED", organizationId, provider: Provider.XERO, remoteId, occurredAt: detectedAt, detectedAt,
    record: { id: remoteId, status, total: "10.00" },
  };
}

/** A key event of `apiKeyId` (WEBHOOK_ENDPOINT_DISABLED about `endpointId`). */
export function keyEvent(apiKeyId: string, endpointId: string): NewEvent {
  const at = new Date().toISOString();
  return {
    id: `evt_${unique()}`, type: "WEBHOOK_ENDPOINT_DISABLED", entity: "WebhookEndpoint", change: "UPDATED", organizationId: null, provider: null, remoteId: endpointId,
    occurredAt: at, detectedAt: at, record: null, apiKeyId, subject: { id: endpointId, status: "DISABLED" },
  };
}

export async function apiHarness(schema: GraphQLSchema): Promise<ApiHarness> {
  const mirror: MirrorStore = await openMirrorStore({ kind: "sqlite", file: ":memory:" });
  const store = createWebhookStore(mirror.database!);
  const log = createMemoryEventLog();
  const box = createSecretBox("webhook api tests");
  let now = Date.parse("2026-12-07T12:00:00.000Z");
  const clock = { now: () => new Date(now), advance: (ms: number) => void (now += ms) };
  const wakes: string[] = [];
  const options: WebhookServiceOptions = {
    store, log, secrets: box, dispatcher: { wake: (id) => void wakes.push(id) }, schema: () => schema, policy: { allowLoopback: false }, clock,
  };
  const service = createWebhookService(options);
  const records = new Map<string, OrganizationRecord>(
    ORGANIZATIONS.map((id) => [id, { id, provider: Provider.XERO, name: id, settings: {}, createdAt: "2026-01-01T00:00:00.000Z" }]),
  );
  const harness: ApiHarness = {
    store, log, box, clock, wakes, service,
    key(apiKeyId, organizationIds, scopes = [Scope.READ, Scope.WRITE, Scope.SUBSCRIBE]) {
      const principal: Principal = { apiKeyId, name: apiKeyId, organizationIds, scopes };
      const granted = (id: string) => organizationIds === "*" || organizationIds.includes(id);
      const get = async (id: string) => {
        const record = granted(id) ? records.get(id) : undefined;
        if (!record) throw notFound("Organization", id);
        return record;
      };
      const organizations = {
        list: async () => [...records.values()].filter((r) => granted(r.id)),
        get,
        adapter: async () => {
          throw new Error("no adapters in webhook API tests");
        },
      };
      return { requestId: `r-${unique()}`, principal, organizations, webhooks: harness.service } as unknown as GatewayContext;
    },
    append: (...events) => log.append(events),
    async run(ctx, source, variables = {}) {
      return (await graphql({ schema, source, variableValues: variables, contextValue: ctx })) as Awaited<ReturnType<ApiHarness["run"]>>;
    },
    withService: (overrides) => createWebhookService({ ...options, ...overrides }),
    async close() {
      await mirror.close();
    },
  };
  return harness;
}

import type { Logger } from "../infra/logger.js";
import type { ConnectorAdapter } from "../connector/adapter.js";
import type { OrganizationRecord } from "../organizations/organization-record.js";
import type { Loaders } from "../loaders/loaders.js";
import type { ConnectFlowStarter } from "../connector/connect-flow.js";
import type { Idempotency } from "../actions/idempotency.js";
import type { TriggerAccess } from "../triggers/trigger-access.js";
import type { MirrorAccess } from "../mirror/mirror-access.js";
import type { Scope } from "../auth/scopes.js";
import type { ApiKeyService } from "../auth/api-key-service.js";
import type { OrganizationAdmin } from "../organizations/organization-admin.js";
import type { WebhookService } from "../webhooks/webhook-service.js";

/** Who is calling: resolved from the API key on every HTTP request and WebSocket connection. */
export interface Principal {
  apiKeyId: string;
  name: string;
  /** Organizations this key may see; "*" means all. */
  organizationIds: "*" | string[];
  /** What this key may do; checked once per operation, before any resolver runs (`enforceScopes`). */
  scopes: readonly Scope[];
}

/** What the ADMIN fields work with: every key and every organization, whatever the calling key's grants. */
export interface AdminAccess {
  apiKeys: ApiKeyService;
  organizations: OrganizationAdmin;
}

/** Resolves organizations for one principal; never returns an organization the key was not granted. */
export interface OrganizationAccess {
  list(): Promise<OrganizationRecord[]>;
  /** Throws NOT_FOUND (also for organizations the key may not see, so ids do not leak). */
  get(organizationId: string): Promise<OrganizationRecord>;
  adapter(organizationId: string): Promise<ConnectorAdapter>;
}

/** The per-request (or per-subscription-operation) context every resolver receives. */
export interface GatewayContext {
  requestId: string;
  principal: Principal;
  organizations: OrganizationAccess;
  loaders: Loaders;
  logger: Logger;
  /** Providers whose organizations can be connected from here (configured with app credentials). */
  connectFlows: Partial<Record<string, ConnectFlowStarter>>;
  /** Durable once-only execution of writes that carry an idempotency key. */
  idempotency: Idempotency;
  /** Events and poller state; absent when triggers are off (`LEDGERLINE_TRIGGERS=off`). */
  triggers?: TriggerAccess;
  /** The change-fed mirror of each organization's books that reads may be answered from; absent when it is off. */
  mirror?: MirrorAccess;
  /** Key and organization administration (the ADMIN fields); absent where the gateway offers none (test gateways). */
  admin?: AdminAccess;
  /** The key's outbound webhook endpoints; absent when triggers are off (the webhook fields answer NOT_SUPPORTED). */
  webhooks?: WebhookService;
}

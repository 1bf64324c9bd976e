import type { GatewayConfig } from "../config/index.js";
import type { KeyValueStore } from "../store/key-value-store.js";
import type { SecretBox } from "../secrets/secret-box.js";
import type { Clock } from "../infra/clock.js";
import type { Logger } from "../infra/logger.js";
import type { ApiKeyService } from "../auth/index.js";
import type { OrganizationRepository } from "../organizations/organization-repository.js";
import { createXeroConnectFlow } from "../../connectors/xero/connect/xero-connect-flow.js";
import { xeroCallbackRoute } from "../../connectors/xero/connect/callback-route.js";

interface XeroConnectDeps {
  config: GatewayConfig;
  store: KeyValueStore;
  organizations: OrganizationRepository;
  connectorStore: KeyValueStore;
  secrets: SecretBox;
  apiKeys: ApiKeyService;
  clock: Clock;
  logger: Logger;
}

/** Real Xero organizations, when the operator configured a Xero app: the consent flow and its callback route. */
export function xeroConnect({ config, store, organizations, connectorStore, secrets, apiKeys, clock, logger }: XeroConnectDeps) {
  const app = config.xero!;
  const flow = createXeroConnectFlow({ app, store, organizations, connectorStore, secrets, apiKeys, clock });
  return { flow, route: xeroCallbackRoute(new URL(app.redirectUri).pathname, flow, logger) };
}

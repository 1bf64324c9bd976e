import type { GatewayConfig } from "../config/index.js";
import { ConfigError, resolveSecretKey } from "../config/index.js";
import { createKeyValueStore } from "../store/create-store.js";
import type { KeyValueStore } from "../store/key-value-store.js";
import { createSecretBox, type SecretBox } from "../secrets/secret-box.js";
import type { Logger } from "../infra/logger.js";
import { systemClock } from "../infra/clock.js";
import { createApiKeyService, type ApiKeyService } from "../auth/index.js";
import { createOrganizationRepository, type OrganizationRepository } from "../organizations/organization-repository.js";
import { createOrganizationAdmin, type OrganizationAdmin } from "../organizations/organization-admin.js";

/** The durable services the CLI works on: the gateway's own store, opened beside any running gateway. */
export interface CliServices {
  config: GatewayConfig;
  store: KeyValueStore;
  secrets: SecretBox;
  apiKeys: ApiKeyService;
  organizations: OrganizationRepository;
  admin: OrganizationAdmin;
  logger: Logger;
  close(): Promise<void>;
}

/**
 * Opens the store the gateway uses (LEDGERLINE_STORE_URL, else `<LEDGERLINE_DATA_DIR>/ledgerline.sqlite`;
 * with Redis and a postgres:// LEDGERLINE_DATABASE_URL, the records in PostgreSQL) with the same secret key.
 * A SQLite file is opened without claiming it, so this works while a gateway
 * runs on it: every change the CLI makes is a single-key write or an atomic set add, and the gateway reads
 * keys and organizations from the store on every request. `memory://` is refused: that state lives only
 * inside the gateway's process.
 */
export async function openCliServices(config: GatewayConfig, logger: Logger): Promise<CliServices> {
  if (config.storeUrl === "memory://") {
    throw new ConfigError([
      "LEDGERLINE_STORE_URL: memory:// keeps keys and organizations inside the gateway's process, where this command cannot reach them; use the GraphQL admin mutations (createApiKey, connectDaftra, …) with an ADMIN key instead",
    ]);
  }
  const { store, close } = await createKeyValueStore(config.storeUrl, { logger, claim: false, databaseUrl: config.mirror.databaseUrl });
  try {
    const secrets = createSecretBox(resolveSecretKey(config));
    const organizations = createOrganizationRepository(store);
    const admin = createOrganizationAdmin({ organizations, connectorStore: store.namespace("connector"), secrets, clock: systemClock, logger, sandboxesRunning: config.sandbox });
    return { config, store, secrets, apiKeys: createApiKeyService(store), organizations, admin, logger, close };
  } catch (error) {
    await close();
    throw error;
  }
}

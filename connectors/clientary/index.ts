import { Provider } from "../../schema/common/provider.enum.js";
import type { ConnectorDefinition } from "../../src/connector/adapter.js";
import { createClientaryAdapter } from "./adapter.js";
import { clientaryCapabilities } from "./capabilities.js";

/** The Clientary connector: register it in the explicit connector list. */
export const clientaryConnector: ConnectorDefinition = {
  provider: Provider.CLIENTARY,
  capabilities: clientaryCapabilities,
  create: createClientaryAdapter,
};

export { clientaryEmbeddedSandbox } from "./embedded.js";
export { createClientaryAdapter, type ClientaryAdapter } from "./adapter.js";
export { clientaryCapabilities } from "./capabilities.js";
export {
  CLIENTARY_API_PATH, clientarySettingsSchema, clientarySecretSchema, parseClientarySettings,
  type ClientarySettings, type ClientarySettingsInput, type ClientarySecret,
} from "./config.js";
export { clientaryCredentialsStore, type ClientaryCredentialsStore } from "./auth/credentials-store.js";
export { createClientarySandbox, type ClientarySandbox, type ClientarySandboxOptions } from "./sandbox/server.js";
export * from "./mapping/index.js";

import { Provider } from "../../schema/common/provider.enum.js";
import type { ConnectorDefinition } from "../../src/connector/adapter.js";
import { createXeroAdapter } from "./adapter.js";
import { xeroCapabilities } from "./capabilities.js";

/** The Xero connector: register it in the explicit connector list. */
export const xeroConnector: ConnectorDefinition = {
  provider: Provider.XERO,
  capabilities: xeroCapabilities,
  create: createXeroAdapter,
};

export { createXeroAdapter, type XeroAdapter } from "./adapter.js";
export { xeroCapabilities } from "./capabilities.js";
export {
  XERO_API_URL, XERO_IDENTITY_URL, xeroSettingsSchema, xeroSecretSchema, xeroTokenSetSchema, parseXeroSettings,
  type XeroSettings, type XeroSettingsInput, type XeroSecret, type XeroTokenSet,
} from "./config.js";
export {
  connectOrganization, buildConsentUrl, exchangeAuthorizationCode, listTenants,
  type XeroAppCredentials, type ConnectedOrganization, type XeroTenant,
} from "./auth/connect-organization.js";
export { xeroCredentialsStore, type XeroCredentialsStore } from "./auth/credentials-store.js";
export { createTokenManager, type TokenManager } from "./auth/token-manager.js";
export { DEFAULT_XERO_SCOPES } from "./auth/scopes.js";
export { toUnifiedBalanceSheet, toUnifiedProfitAndLoss } from "./reports.js";
export * from "./mapping/index.js";

import { Provider } from "../../schema/common/provider.enum.js";
import type { ConnectorDefinition } from "../../src/connector/adapter.js";
import { createDaftraAdapter } from "./adapter.js";
import { daftraCapabilities } from "./capabilities.js";

/** The Daftra connector: register it in the explicit connector list. */
export const daftraConnector: ConnectorDefinition = {
  provider: Provider.DAFTRA,
  capabilities: daftraCapabilities,
  create: createDaftraAdapter,
};

export { daftraEmbeddedSandbox } from "./embedded.js";
export { createDaftraAdapter, type DaftraAdapter } from "./adapter.js";
export { daftraCapabilities } from "./capabilities.js";
export {
  daftraSettingsSchema, daftraSecretSchema, parseDaftraSettings,
  type DaftraSettings, type DaftraSettingsInput, type DaftraSecret,
} from "./config.js";
export { daftraCredentialsStore, type DaftraCredentialsStore } from "./auth/credentials-store.js";
export { createDaftraSandbox, type DaftraSandbox, type DaftraSandboxOptions } from "./sandbox/server.js";
export * from "./mapping/index.js";
export { loadJournalLedger, toLedgerAccount, type JournalLedgerOptions } from "./ledger/journal-ledger.js";

import type { ConnectorDefinition } from "../src/connector/adapter.js";
import type { EmbeddedSandbox } from "../src/connector/embedded.js";
import { xeroConnector } from "./xero/index.js";
import { xeroEmbeddedSandbox } from "./xero/embedded.js";
import { daftraConnector, daftraEmbeddedSandbox } from "./daftra/index.js";
import { clientaryConnector, clientaryEmbeddedSandbox } from "./clientary/index.js";

/** Every connector the gateway can use. Add a connector here; nothing is discovered from folders. */
export const connectors: readonly ConnectorDefinition[] = [xeroConnector, daftraConnector, clientaryConnector];

/** The sandboxes `npm start` brings up on its embedded default, each with one connected organization. */
export const embeddedSandboxes: readonly EmbeddedSandbox[] = [xeroEmbeddedSandbox, daftraEmbeddedSandbox, clientaryEmbeddedSandbox];

import type { ConnectorDefinition } from "../src/connector/adapter.js";
import type { EmbeddedSandbox } from "../src/connector/embedded.js";
import { xeroConnector } from "./xero/index.js";
import { xeroEmbeddedSandbox } from "./xero/embedded.js";

/** Every connector the gateway can use. Add a connector here; nothing is discovered from folders. */
export const connectors: readonly ConnectorDefinition[] = [xeroConnector];

/** The sandboxes `npm start` brings up on its embedded default, each with one connected organization. */
export const embeddedSandboxes: readonly EmbeddedSandbox[] = [xeroEmbeddedSandbox];

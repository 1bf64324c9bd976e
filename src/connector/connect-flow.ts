import type { Principal } from "../context/gateway-context.js";

/** A provider's browser-based connection: a consent URL now, an organization when the provider redirects back. */
export interface ConnectFlowStarter {
  start(principal: Principal): Promise<{ consentUrl: string; expiresAt: string }>;
}

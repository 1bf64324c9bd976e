import { createHmac } from "node:crypto";
import type { Provider } from "../../schema/common/provider.enum.js";
import type { RunningSandbox, SandboxWebhookCheck } from "../connector/embedded.js";
import type { Logger } from "../infra/logger.js";

/** The path of the gateway's Xero webhook ingress (`src/triggers/xero-webhook`). */
const XERO_WEBHOOK_PATH = "/webhooks/xero";
const KEY_LABEL = "ledgerline/embedded-sandbox/xero-webhook-key";

/**
 * The key the embedded Xero sandbox signs its webhooks with, when no `XERO_WEBHOOK_KEY` is set:
 * derived from the secret key (HMAC-SHA256 over a fixed label), so it is the same on every start
 * with the same data folder and is never stored or printed.
 */
export function sandboxWebhookKey(secretKey: string): string {
  return createHmac("sha256", secretKey).update(KEY_LABEL).digest("base64");
}

/** Where a sandbox on this machine reaches the gateway's ingress: loopback when the gateway listens on every interface. */
export function sandboxWebhookUrl(gatewayUrl: string, host: string): string {
  const url = new URL(XERO_WEBHOOK_PATH, gatewayUrl);
  if (host === "0.0.0.0" || host === "::") url.hostname = "127.0.0.1";
  return url.toString();
}

export type SandboxWebhooks = SandboxWebhookCheck & { provider: Provider };

/**
 * Points every sandbox that sends webhooks at the gateway's ingress and runs the provider's check of
 * the endpoint (Xero's intent to receive), logging its outcome. A failed check is a warning: the
 * sandbox still tries to deliver, and the pollers find the changes either way.
 */
export async function connectSandboxWebhooks(sandboxes: readonly RunningSandbox[], target: { url: string; key: string }, logger: Logger): Promise<SandboxWebhooks[]> {
  const connected: SandboxWebhooks[] = [];
  for (const sandbox of sandboxes) {
    if (!sandbox.configureWebhooks) continue;
    const check = await sandbox.configureWebhooks(target);
    connected.push({ provider: sandbox.provider, ...check });
    if (check.ok) logger.info("sandbox webhooks point at the gateway; intent to receive passed", { provider: sandbox.provider, url: check.url });
    else logger.warn("sandbox webhooks: intent to receive failed; the pollers still find every change", { provider: sandbox.provider, url: check.url, problems: check.problems });
  }
  return connected;
}

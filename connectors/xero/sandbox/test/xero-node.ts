/**
 * Pointing the unmodified xero-node SDK at a sandbox, as xero-notes §1.7 describes: the
 * openid-client v5 copy xero-node itself resolves, and an axios interceptor for the few
 * hard-coded identity.xero.com / api.xero.com URLs inside XeroClient.
 */
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const xeroNodeDir = path.dirname(require.resolve("xero-node"));

interface OpenIdClientModule {
  Issuer: { discover(url: string): Promise<{ Client: new (metadata: Record<string, unknown>) => any }> };
}

/** openid-client as xero-node resolves it (v5), never a top-level copy. */
export const openIdClient = require(require.resolve("openid-client", { paths: [xeroNodeDir] })) as OpenIdClientModule;

const axios = require(require.resolve("axios", { paths: [xeroNodeDir] })) as {
  interceptors: { request: { use(fn: (config: { url?: string }) => unknown): number; eject(id: number): void } };
};

/** Rewrites XeroClient's hard-coded Xero URLs to the sandbox; returns the undo function. */
export function redirectXeroUrls(sandboxUrl: string): () => void {
  const id = axios.interceptors.request.use((config) => {
    config.url = config.url?.replace("https://identity.xero.com", sandboxUrl).replace("https://api.xero.com", sandboxUrl);
    return config;
  });
  return () => axios.interceptors.request.eject(id);
}

/** xero-node rejects with a JSON string; this parses it back. */
export function sdkError(error: unknown): { response: { statusCode: number; headers: Record<string, string> }; body: any } {
  return typeof error === "string" ? JSON.parse(error) : (error as any);
}

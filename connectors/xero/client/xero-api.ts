import { AccountingApi } from "xero-node";
import type { UpstreamCallSignals, UpstreamGovernor } from "../../../src/upstream/index.js";
import type { TokenManager } from "../auth/token-manager.js";
import { applyExactDecimals } from "./exact-decimals.js";
import { isRejectedAccess, toGatewayError, type CallContext } from "./xero-errors.js";

export interface XeroApiOptions {
  apiUrl: string;
  tenantId: string;
  tokens: TokenManager;
  governor: UpstreamGovernor;
  /** Longest one HTTP request may take (axios `timeout`); the governor's deadline bounds the whole call. @default 20_000 */
  timeoutMs?: number;
}

export type XeroCall<T> = (api: AccountingApi, tenantId: string) => Promise<{ body: T }>;

/** One organization's Accounting API: every call is governed, authorised, bounded in time and error-translated. */
export interface XeroApi {
  readonly tenantId: string;
  call<T>(about: Omit<CallContext, "tenantId">, fn: XeroCall<T>): Promise<T>;
}

/** The axios request options xero-node hands to `applyToRequest` before each request. */
type XeroRequestOptions = Parameters<Parameters<AccountingApi["setDefaultAuthentication"]>[0]["applyToRequest"]>[0];

/**
 * Before every request of this instance: the timeout, the signal (reads are abandoned when the client
 * leaves; writes once sent only at the deadline) and exact decimals in the body.
 */
function boundRequests(api: AccountingApi, signals: UpstreamCallSignals, timeoutMs: number): AccountingApi {
  api.setDefaultAuthentication({
    applyToRequest(options: XeroRequestOptions) {
      options.timeout = timeoutMs;
      options.signal = (options.method ?? "GET").toUpperCase() === "GET" ? signals.signal : signals.deadline;
      applyExactDecimals(options);
    },
  });
  return api;
}

export function createXeroApi({ apiUrl, tenantId, tokens, governor, timeoutMs = 20_000 }: XeroApiOptions): XeroApi {
  const basePath = `${apiUrl}/api.xro/2.0`;

  /** xero-node reads the token and the request hook from its instance, so each attempt gets its own (they are cheap). */
  function apiFor(token: string, signals: UpstreamCallSignals): AccountingApi {
    const api = new AccountingApi(basePath);
    api.accessToken = token;
    return boundRequests(api, signals, timeoutMs);
  }

  async function attempt<T>(token: string, ctx: CallContext, fn: XeroCall<T>): Promise<T> {
    return governor.run(async (signals) => {
      try {
        return (await fn(apiFor(token, signals), tenantId)).body;
      } catch (error) {
        throw toGatewayError(error, ctx);
      }
    });
  }

  return {
    tenantId,
    async call(about, fn) {
      const ctx = { ...about, tenantId };
      const token = await tokens.accessToken();
      try {
        return await attempt(token, ctx, fn);
      } catch (error) {
        if (!isRejectedAccess(error)) throw error;
        return attempt(await tokens.refreshAfterRejection(token), ctx, fn);
      }
    },
  };
}

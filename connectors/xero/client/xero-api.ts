import { AccountingApi } from "xero-node";
import type { UpstreamGovernor } from "../../../src/upstream/index.js";
import type { TokenManager } from "../auth/token-manager.js";
import { isRejectedAccess, toGatewayError, type CallContext } from "./xero-errors.js";

export interface XeroApiOptions {
  apiUrl: string;
  tenantId: string;
  tokens: TokenManager;
  governor: UpstreamGovernor;
}

export type XeroCall<T> = (api: AccountingApi, tenantId: string) => Promise<{ body: T }>;

/** One organization's Accounting API: every call is governed, authorised and error-translated. */
export interface XeroApi {
  readonly tenantId: string;
  call<T>(about: Omit<CallContext, "tenantId">, fn: XeroCall<T>): Promise<T>;
}

export function createXeroApi({ apiUrl, tenantId, tokens, governor }: XeroApiOptions): XeroApi {
  const basePath = `${apiUrl}/api.xro/2.0`;
  let bound: { token: string; api: AccountingApi } | undefined;

  /** xero-node reads the token asynchronously inside each call, so each token gets its own API instance. */
  function apiFor(token: string): AccountingApi {
    if (bound?.token !== token) {
      const api = new AccountingApi(basePath);
      api.accessToken = token;
      bound = { token, api };
    }
    return bound.api;
  }

  async function attempt<T>(token: string, ctx: CallContext, fn: XeroCall<T>): Promise<T> {
    return governor.run(async () => {
      try {
        return (await fn(apiFor(token), tenantId)).body;
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

import { ErrorCode, GatewayError } from "../../../src/errors/index.js";

/** Xero answered a write with 200 but without the record: the write may or may not have happened. */
export function missingRecord(what: string, check: string): GatewayError {
  return new GatewayError(ErrorCode.PROVIDER_UNAVAILABLE, `Xero answered without the ${what}. ${check} to check before retrying.`, { details: { provider: "XERO" } });
}

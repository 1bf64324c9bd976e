import { ErrorCode, GatewayError } from "../../../src/errors/index.js";
import { TokenEndpointError } from "./token-endpoint.js";

const REJECTED_CLIENT = new Set(["invalid_client", "unauthorized_client"]);

/** A failed refresh, as the caller of a query sees it: reconnect, fix the app credentials, or retry later. */
export function refreshFailure(error: unknown, organizationId: string): GatewayError {
  if (error instanceof GatewayError) return error;
  const details = { provider: "XERO", organizationId };
  if (!(error instanceof TokenEndpointError) || error.status === 0 || error.status >= 500) {
    return new GatewayError(ErrorCode.PROVIDER_UNAVAILABLE, "Xero's token endpoint could not be reached. Try again shortly.", { details, cause: error });
  }
  if (REJECTED_CLIENT.has(error.error)) {
    return new GatewayError(
      ErrorCode.PROVIDER_AUTH_EXPIRED,
      `Xero rejected the app's client credentials (${error.error}). Check the client id and secret, then reconnect organization '${organizationId}'.`,
      { details: { ...details, reason: error.error }, cause: error },
    );
  }
  return new GatewayError(
    ErrorCode.PROVIDER_AUTH_EXPIRED,
    `The Xero connection of organization '${organizationId}' expired or was revoked (${error.error}). Reconnect the organization to Xero.`,
    { details: { ...details, reason: error.error }, cause: error },
  );
}

export function notConnected(organizationId: string): GatewayError {
  return new GatewayError(
    ErrorCode.PROVIDER_AUTH_EXPIRED,
    `Organization '${organizationId}' has no Xero credentials. Connect it to Xero first.`,
    { details: { provider: "XERO", organizationId, reason: "not_connected" } },
  );
}

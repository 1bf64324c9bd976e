import { ErrorCode, GatewayError, notFound } from "../../../src/errors/index.js";
import { rateLimited } from "../../../src/upstream/index.js";

/** A failed xero-node call, whatever form it arrived in. */
export interface XeroFailure {
  /** 0 when the request never got an answer. */
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/** What the failed call was about, for messages. */
export interface CallContext {
  tenantId: string;
  /** e.g. "Invoice"; with `id` turns a 404 into "Invoice 'x' was not found". */
  what?: string;
  id?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/**
 * xero-node rejects with a JSON *string* of `{ response: { statusCode, headers, body }, body }`;
 * its own helpers and network failures reject with error objects. Read all of them defensively.
 */
export function readXeroFailure(error: unknown): XeroFailure {
  let value: unknown = error;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return { status: 0, body: value, headers: {} };
    }
  }
  const response = isObject(value) && isObject(value.response) ? value.response : undefined;
  const status = Number(response?.statusCode ?? response?.status ?? 0) || 0;
  const headers = isObject(response?.headers) ? (response.headers as Record<string, string>) : {};
  const body = isObject(value) && "body" in value ? value.body : (response?.body ?? response?.data ?? (error instanceof Error ? error.message : undefined));
  return { status, body, headers };
}

/** Each element's validation messages from a 400 ValidationException. */
function providerErrors(body: unknown): Array<{ element: number; messages: string[] }> {
  const elements = isObject(body) && Array.isArray(body.Elements) ? body.Elements : [];
  return elements
    .map((element: unknown, index: number) => ({
      element: index,
      messages: (isObject(element) && Array.isArray(element.ValidationErrors) ? element.ValidationErrors : [])
        .map((e: unknown) => (isObject(e) ? String(e.Message ?? "") : ""))
        .filter(Boolean),
    }))
    .filter((e: { messages: string[] }) => e.messages.length > 0);
}

function validationError(body: unknown): GatewayError {
  const errors = providerErrors(body);
  const fallback = isObject(body) && typeof body.Message === "string" ? body.Message : "Xero rejected the request";
  const summary = errors.length > 0 ? errors.flatMap((e) => e.messages).join(" ") : fallback;
  const type = isObject(body) ? body.Type : undefined;
  return new GatewayError(ErrorCode.PROVIDER_VALIDATION, `Xero rejected the request: ${summary} Fix the input and try again.`, {
    details: { provider: "XERO", providerType: type ?? null, providerErrors: errors.length > 0 ? errors : [{ element: null, messages: [fallback] }] },
  });
}

const header = (headers: Record<string, string>, name: string) =>
  Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];

/** A xero-node failure as a client-facing error with the right code. */
export function toGatewayError(error: unknown, ctx: CallContext): GatewayError {
  if (error instanceof GatewayError) return error;
  const { status, body, headers } = readXeroFailure(error);
  const detail = isObject(body) && typeof body.Detail === "string" ? body.Detail : undefined;
  if (status === 400) return validationError(body);
  if (status === 404) return ctx.id ? notFound(ctx.what ?? "Record", ctx.id) : notFound(ctx.what ?? "Xero resource", "requested");
  if (status === 401) {
    return new GatewayError(ErrorCode.PROVIDER_AUTH_EXPIRED, `Xero no longer accepts this organization's access (${detail ?? "Unauthorized"}). Reconnect the organization to Xero.`, {
      details: { provider: "XERO", upstreamStatus: 401 },
    });
  }
  if (status === 403) {
    return new GatewayError(
      ErrorCode.FORBIDDEN,
      `Xero refused access to tenant ${ctx.tenantId} (${detail ?? "Forbidden"}). Check the organization's tenantId, or reconnect with a user who can see that organisation.`,
      { details: { provider: "XERO", tenantId: ctx.tenantId } },
    );
  }
  if (status === 429) {
    const retryAfter = Number(header(headers, "retry-after"));
    return rateLimited("Xero", Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : 60, { problem: header(headers, "x-rate-limit-problem") ?? null });
  }
  const reason = status === 0 ? "could not be reached" : `answered HTTP ${status}`;
  return new GatewayError(ErrorCode.PROVIDER_UNAVAILABLE, `Xero ${reason}. Try again shortly.`, {
    details: { provider: "XERO", upstreamStatus: status },
    cause: error,
  });
}

export const isRejectedAccess = (error: unknown) => error instanceof GatewayError && error.extensions.upstreamStatus === 401;

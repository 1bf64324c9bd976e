import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../../src/errors/index.js";
import { readXeroFailure, toGatewayError } from "./xero-errors.js";

/** What xero-node rejects with: a JSON string of its ApiError. */
const sdkRejection = (statusCode: number, body: unknown, headers: Record<string, string> = {}) =>
  JSON.stringify({ response: { statusCode, body, headers, request: {} }, body });

const ctx = { tenantId: "tenant-1", what: "Invoice", id: "inv-9" };

describe("readXeroFailure", () => {
  it.each([
    ["the SDK's JSON string", sdkRejection(400, { Type: "ValidationException" }), 400],
    ["an already-parsed object", { response: { statusCode: 503, headers: {} }, body: "down" }, 503],
    ["an axios-like error", Object.assign(new Error("socket hang up"), { response: { status: 502, data: "bad gateway" } }), 502],
    ["a network failure", Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }), 0],
    ["a string that is not JSON", "<html>oops</html>", 0],
  ])("reads %s", (_label, error, status) => {
    expect(readXeroFailure(error).status).toBe(status);
  });
});

describe("toGatewayError", () => {
  it.each([
    [sdkRejection(404, "The resource you're looking for cannot be found"), ErrorCode.NOT_FOUND],
    [sdkRejection(401, { Title: "Unauthorized", Detail: "TokenExpired: token expired" }), ErrorCode.PROVIDER_AUTH_EXPIRED],
    [sdkRejection(403, { Title: "Forbidden", Detail: "AuthenticationUnsuccessful" }), ErrorCode.FORBIDDEN],
    [sdkRejection(429, "", { "retry-after": "7", "x-rate-limit-problem": "minute" }), ErrorCode.PROVIDER_RATE_LIMITED],
    [sdkRejection(500, { Message: "boom" }), ErrorCode.PROVIDER_UNAVAILABLE],
    [sdkRejection(503, "Organisation offline"), ErrorCode.PROVIDER_UNAVAILABLE],
    [new Error("connect ECONNREFUSED"), ErrorCode.PROVIDER_UNAVAILABLE],
    [sdkRejection(400, { Type: "QueryParseException", Message: "Invalid where" }), ErrorCode.PROVIDER_VALIDATION],
  ])("%s → %s", (error, code) => {
    expect(toGatewayError(error, ctx).code).toBe(code);
  });

  it("keeps Retry-After and the limit hit for the governor", () => {
    expect(toGatewayError(sdkRejection(429, "", { "Retry-After": "7", "X-Rate-Limit-Problem": "day" }), ctx).extensions).toMatchObject({
      retryAfterSeconds: 7, problem: "day", provider: "Xero",
    });
  });

  it("lists each element's validation messages", () => {
    const body = { Type: "ValidationException", Elements: [{ ValidationErrors: [{ Message: "A" }, { Message: "B" }] }, { ValidationErrors: [] }, { ValidationErrors: [{ Message: "C" }] }] };
    const error = toGatewayError(sdkRejection(400, body), ctx);
    expect(error.extensions.providerErrors).toEqual([{ element: 0, messages: ["A", "B"] }, { element: 2, messages: ["C"] }]);
    expect(error.message).toContain("A B C");
  });

  it("names the record for 404 and the tenant for 403", () => {
    expect(toGatewayError(sdkRejection(404, ""), ctx).message).toContain("Invoice 'inv-9'");
    expect(toGatewayError(sdkRejection(403, {}), ctx).message).toContain("tenant-1");
  });
});

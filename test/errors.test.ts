import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runOverWs, startTestGateway, type TestGateway } from "./support/start-test-gateway.js";
import { LEAKY_MESSAGE } from "./support/test-schema.js";

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(() => gateway?.stop());

const RATE_LIMITED = {
  message: "Xero is rate limiting this organization. Retry after 30 seconds.",
  path: ["gatewayFailure"],
  extensions: { code: "PROVIDER_RATE_LIMITED", provider: "XERO", retryAfterSeconds: 30 },
};

function expectMasked(text: string, error: { message: string; extensions?: Record<string, unknown> }, requestId: string) {
  expect(error.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR", requestId });
  expect(error.message).toContain(requestId);
  expect(text).not.toContain(LEAKY_MESSAGE);
  expect(text).not.toMatch(/stack|hunter2|\.ts:\d+/);
  const logged = gateway.logger.entries.find((e) => e.level === "error" && e.data.requestId === requestId);
  expect(logged?.data).toMatchObject({ error: LEAKY_MESSAGE, path: ["plainFailure"] });
  expect(String(logged?.data.stack)).toContain("test-schema");
}

describe("resolver errors", () => {
  test("a GatewayError passes through with its code, message and details", async () => {
    const { status, body } = await gateway.post({ query: "{ hello gatewayFailure }" });
    expect(status).toBe(200);
    expect(body.data).toEqual({ hello: "world", gatewayFailure: null });
    expect(body.errors).toEqual([expect.objectContaining(RATE_LIMITED)]);
  });

  test("a plain Error is masked to INTERNAL_SERVER_ERROR naming the request id, and logged with it", async () => {
    const { response, body } = await gateway.post({ query: "{ plainFailure }" });
    const requestId = response.headers.get("x-request-id")!;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.data).toEqual({ plainFailure: null });
    expectMasked(JSON.stringify(body), body.errors![0]!, requestId);
    expect(body.errors![0]!.path).toEqual(["plainFailure"]);
  });

  test("graphql-ws: same pass-through and masking", async () => {
    const client = gateway.wsClient();
    const passed = await runOverWs(client, { query: "{ gatewayFailure }" });
    expect(passed.results[0]!.errors).toEqual([expect.objectContaining(RATE_LIMITED)]);
    const masked = await runOverWs(client, { query: "{ plainFailure }" });
    await client.dispose();
    const error = masked.results[0]!.errors![0]!;
    expectMasked(JSON.stringify(masked), error, String(error.extensions!.requestId));
  });
});

describe("request errors", () => {
  test("parse error: 400 GRAPHQL_PARSE_FAILED with a location", async () => {
    const { status, body } = await gateway.post({ query: "{ hello" });
    expect(status).toBe(400);
    expect(body).toEqual({
      errors: [{ message: "Syntax Error: Expected Name, found <EOF>.", locations: [{ line: 1, column: 8 }], extensions: { code: "GRAPHQL_PARSE_FAILED" } }],
    });
  });

  test("validation error: 400 GRAPHQL_VALIDATION_FAILED naming the field", async () => {
    const { status, body } = await gateway.post({ query: "{ hello zzz }" });
    expect(status).toBe(400);
    expect(body).toEqual({
      errors: [{ message: 'Cannot query field "zzz" on type "Query".', locations: [{ line: 1, column: 9 }], extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }],
    });
  });

  test("variable coercion error: 400 BAD_USER_INPUT", async () => {
    const { status, body } = await gateway.post({ query: "query($n: Int!) { invoices(first: $n) { id } }", variables: { n: "ten" } });
    expect(status).toBe(400);
    expect(body.errors![0]!.extensions).toEqual({ code: "BAD_USER_INPUT" });
  });

  test("graphql-ws: parse and validation errors carry the same codes", async () => {
    const client = gateway.wsClient();
    const parse = await runOverWs(client, { query: "{ hello" });
    const invalid = await runOverWs(client, { query: "{ zzz }" });
    await client.dispose();
    expect(parse.error).toEqual([{ message: "Syntax Error: Expected Name, found <EOF>.", locations: [{ line: 1, column: 8 }], extensions: { code: "GRAPHQL_PARSE_FAILED" } }]);
    expect(invalid.error).toEqual([{ message: 'Cannot query field "zzz" on type "Query".', locations: [{ line: 1, column: 3 }], extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }]);
  });

  test("an unreadable JSON body: 400 with a GraphQL-shaped body", async () => {
    const response = await fetch(gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${gateway.key}` },
      body: "{ not json",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: "BAD_REQUEST" } }] });
  });
});

describe("context factory failures", () => {
  test("a plain Error from createContext is masked and logged, on HTTP and graphql-ws", async () => {
    const broken = await startTestGateway({
      createContext: () => {
        throw new Error(LEAKY_MESSAGE);
      },
    });
    try {
      const { status, body, response } = await broken.post({ query: "{ hello }" });
      expect(status).toBe(500);
      expect(JSON.stringify(body)).not.toContain(LEAKY_MESSAGE);
      expect(body.errors![0]!.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR", requestId: response.headers.get("x-request-id") });

      const client = broken.wsClient();
      const outcome = await runOverWs(client, { query: "{ hello }" });
      await client.dispose();
      expect(JSON.stringify(outcome)).not.toContain(LEAKY_MESSAGE);
      expect(outcome.error).toMatchObject([{ extensions: { code: "INTERNAL_SERVER_ERROR" } }]);
      expect(broken.logger.entries.filter((e) => e.level === "error" && e.data.error === LEAKY_MESSAGE)).toHaveLength(2);
    } finally {
      await broken.stop();
    }
  });
});

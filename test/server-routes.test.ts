import { getIntrospectionQuery } from "graphql";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestGateway, type TestGateway } from "./support/start-test-gateway.js";

const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

let gateway: TestGateway;
let origin: string;
beforeAll(async () => {
  gateway = await startTestGateway();
  origin = new URL(gateway.url).origin;
});
afterAll(() => gateway?.stop());

describe("routes that need no key", () => {
  test("GET /healthz answers 200 { status: ok }", async () => {
    const response = await fetch(`${origin}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
    expect(response.headers.get("x-request-id")).toBeTruthy();
  });

  test.each(["/", "/graphql"])("GET %s from a browser serves the self-contained explorer", async (route) => {
    const response = await fetch(`${origin}${route}`, { headers: { accept: BROWSER_ACCEPT } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    const policy = response.headers.get("content-security-policy")!;
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("connect-src 'self'");
    const html = await response.text();
    expect(html).toContain('id="api-key"');
    expect(html).toContain("__schema");
    // Nothing is fetched from elsewhere: no external src/href at all.
    expect(html).not.toMatch(/\s(src|href)=/i);
    expect(html).not.toMatch(/https?:\/\/(?!localhost)/);
  });
});

describe("the GraphQL endpoint", () => {
  test("GET with a JSON Accept header runs the query (with a key and a CSRF preflight header), not the page", async () => {
    const response = await fetch(`${gateway.url}?query=${encodeURIComponent("{ hello }")}`, {
      headers: { accept: "application/json", authorization: `Bearer ${gateway.key}`, "apollo-require-preflight": "true" },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { hello: "world" } });
  });

  test("every response carries X-Request-Id; a sane incoming one is kept, anything else replaced", async () => {
    const kept = await gateway.post({ query: "{ hello }" }, `Bearer ${gateway.key}`);
    expect(kept.response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const traced = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json", "x-request-id": "trace-abc.123", authorization: `Bearer ${gateway.key}` }, body: '{"query":"{ whoami { requestId } }"}' });
    expect(traced.headers.get("x-request-id")).toBe("trace-abc.123");
    expect(await traced.json()).toEqual({ data: { whoami: { requestId: "trace-abc.123" } } });
    const replaced = await fetch(`${origin}/healthz`, { headers: { "x-request-id": "bad id\twith tab" } });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("persisted queries are off: a forged hash answers PERSISTED_QUERY_NOT_SUPPORTED, never an internal error", async () => {
    for (const body of [{ query: "{ hello }" }, {}]) {
      for (const version of [1, 2]) {
        const answer = await gateway.post({ ...body, extensions: { persistedQuery: { version, sha256Hash: "abc" } } });
        expect(answer.status).toBeLessThan(500);
        expect((answer.body as unknown as { errors: Array<{ extensions: { code: string } }> }).errors.map((e) => e.extensions.code)).toEqual(["PERSISTED_QUERY_NOT_SUPPORTED"]);
      }
    }
  });

  test("the explorer's introspection query runs under the default limits", async () => {
    const { status, body } = await gateway.post({ query: getIntrospectionQuery({ descriptions: true }) });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect((body.data as { __schema: { types: unknown[] } }).__schema.types.length).toBeGreaterThan(5);
  });

  test("unknown paths answer a GraphQL-shaped 404", async () => {
    const response = await fetch(`${origin}/nope`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: "NOT_FOUND" } }] });
  });

  test("CSRF prevention stays on: a simple GET without a preflight header is refused", async () => {
    const response = await fetch(`${gateway.url}?query=${encodeURIComponent("{ hello }")}`, {
      headers: { authorization: `Bearer ${gateway.key}`, "content-type": "text/plain" },
    });
    expect(response.status).toBe(400);
  });
});

test("landingPage: false serves no page", async () => {
  const plain = await startTestGateway({ landingPage: false });
  try {
    const response = await fetch(new URL("/", plain.url), { headers: { accept: BROWSER_ACCEPT } });
    expect(response.status).toBe(404);
    const endpoint = await fetch(plain.url, { headers: { accept: BROWSER_ACCEPT } });
    expect(endpoint.status).toBe(401);
  } finally {
    await plain.stop();
  }
});

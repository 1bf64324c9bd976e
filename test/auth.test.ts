import Keyv from "keyv";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApiKeyService, hashApiKey } from "../src/auth/index.js";
import { keyvStore } from "../src/store/key-value-store.js";
import { runOverWs, startTestGateway, type TestGateway } from "./support/start-test-gateway.js";

const WHOAMI = "{ whoami { apiKeyId name organizationIds requestId } }";
const UNKNOWN_KEY = `ll_${"A".repeat(43)}`;

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(() => gateway?.stop());

async function expectRefusedOverHttp(authorization: string | null, challenge: RegExp) {
  const { status, body, response } = await gateway.post({ query: "{ hello }" }, authorization);
  expect(status).toBe(401);
  expect(response.headers.get("www-authenticate")).toMatch(challenge);
  expect(response.headers.get("content-type")).toMatch(/application\/json/);
  expect(body.data).toBeUndefined();
  expect(body.errors).toHaveLength(1);
  expect(body.errors![0]!.extensions).toEqual({ code: "UNAUTHENTICATED" });
  expect(body.errors![0]!.message).toContain("npm start");
}

async function expectClosedOverWs(authorization: string | null) {
  const client = gateway.wsClient(authorization);
  const outcome = await runOverWs(client, { query: "{ hello }" });
  await client.dispose();
  expect(outcome.results).toEqual([]);
  expect(outcome.error).toMatchObject({ code: 4401, reason: expect.stringContaining("Unauthenticated") });
}

describe("HTTP", () => {
  test("no key: 401 UNAUTHENTICATED with a Bearer challenge", () => expectRefusedOverHttp(null, /^Bearer realm="ledgerline"$/));
  test("a header that is not Bearer counts as no key", () => expectRefusedOverHttp(`Basic ${Buffer.from("a:b").toString("base64")}`, /^Bearer/));
  test("wrong key: 401 with error=invalid_token", () => expectRefusedOverHttp(`Bearer ${UNKNOWN_KEY}`, /error="invalid_token"/));
  test("malformed key: 401", () => expectRefusedOverHttp("Bearer not-a-key", /error="invalid_token"/));

  test("valid key: the operation runs", async () => {
    const { status, body } = await gateway.post({ query: "{ hello }" });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { hello: "world" } });
  });

  test("revoked key: 401", async () => {
    const { id, key } = await gateway.apiKeys.create({ name: "short-lived", organizationIds: "*" });
    expect((await gateway.post({ query: "{ hello }" }, `Bearer ${key}`)).status).toBe(200);
    expect(await gateway.apiKeys.revoke(id)).toBe(true);
    await expectRefusedOverHttp(`Bearer ${key}`, /error="invalid_token"/);
  });
});

describe("graphql-ws", () => {
  test("no key: closed with 4401", () => expectClosedOverWs(null));
  test("wrong key: closed with 4401", () => expectClosedOverWs(`Bearer ${UNKNOWN_KEY}`));

  test("revoked key: closed with 4401", async () => {
    const { id, key } = await gateway.apiKeys.create({ name: "short-lived", organizationIds: "*" });
    await gateway.apiKeys.revoke(id);
    await expectClosedOverWs(`Bearer ${key}`);
  });

  test("valid key: queries and subscriptions run", async () => {
    const client = gateway.wsClient();
    expect(await runOverWs(client, { query: "{ hello }" })).toEqual({ results: [{ data: { hello: "world" } }] });
    const ticks = await runOverWs(client, { query: "subscription { ticks(count: 3) }" });
    expect(ticks.results.map((r) => r.data)).toEqual([{ ticks: 1 }, { ticks: 2 }, { ticks: 3 }]);
    await client.dispose();
  });

  test("a key revoked while connected stops working at the next operation", async () => {
    const { id, key } = await gateway.apiKeys.create({ name: "revoked later", organizationIds: "*" });
    const client = gateway.wsClient(`Bearer ${key}`);
    expect((await runOverWs(client, { query: "{ hello }" })).results).toHaveLength(1);
    await gateway.apiKeys.revoke(id);
    const outcome = await runOverWs(client, { query: "{ hello }" });
    expect(outcome.error).toMatchObject({ code: 4401 });
    await client.dispose();
  });
});

describe("grants", () => {
  test("the key's grants reach the context, on HTTP and on graphql-ws, and follow grant()", async () => {
    const { body } = await gateway.post({ query: WHOAMI });
    expect(body.data).toMatchObject({ whoami: { apiKeyId: gateway.keyId, name: "test key", organizationIds: ["org-1"] } });

    await gateway.apiKeys.grant(gateway.keyId, ["org-1", "org-2"]);
    const client = gateway.wsClient();
    const overWs = await runOverWs(client, { query: WHOAMI });
    await client.dispose();
    expect(overWs.results[0]!.data).toMatchObject({ whoami: { organizationIds: ["org-1", "org-2"] } });

    const last = gateway.contexts.at(-1)!;
    expect(last.principal).toEqual({ apiKeyId: gateway.keyId, name: "test key", organizationIds: ["org-1", "org-2"], scopes: ["READ", "WRITE", "SUBSCRIBE"] });
    expect(last.requestId).toBe((overWs.results[0]!.data as { whoami: { requestId: string } }).whoami.requestId);
    await gateway.apiKeys.grant(gateway.keyId, ["org-1"]);
  });
});

describe("API key service", () => {
  test("keys are stored hashed: the raw key appears nowhere in the store", async () => {
    const backing = new Map<string, unknown>();
    const apiKeys = createApiKeyService(keyvStore(new Keyv({ store: backing })));
    const { id, key } = await apiKeys.create({ name: "ci", organizationIds: ["org-9"] });
    expect(key).toMatch(/^ll_[A-Za-z0-9_-]{43}$/);

    const everything = JSON.stringify([...backing.entries()]);
    expect(everything).not.toContain(key);
    expect(everything).not.toContain(key.slice(3));
    expect(everything).toContain(hashApiKey(key));
    expect(await apiKeys.verify(key)).toEqual({ apiKeyId: id, name: "ci", organizationIds: ["org-9"], scopes: ["READ", "WRITE", "SUBSCRIBE"] });
  });

  test("list() shows summaries without digests; revoke and grant behave", async () => {
    const apiKeys = createApiKeyService(keyvStore(new Keyv()));
    const a = await apiKeys.create({ name: "a", organizationIds: "*" });
    const b = await apiKeys.create({ name: "b", organizationIds: [] });
    expect(await apiKeys.grant(b.id, ["org-1", "org-1"])).toMatchObject({ id: b.id, organizationIds: ["org-1"] });
    expect(await apiKeys.revoke(a.id)).toBe(true);
    expect(await apiKeys.revoke("key_missing")).toBe(false);
    expect(await apiKeys.verify(a.key)).toBeNull();

    const listed = await apiKeys.list();
    expect(listed.map((k) => [k.name, k.organizationIds, Boolean(k.revokedAt)])).toEqual([["a", "*", true], ["b", ["org-1"], false]]);
    expect(JSON.stringify(listed)).not.toContain("digest");
    await expect(apiKeys.grant(a.id, "*")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(apiKeys.create({ name: " ", organizationIds: "*" })).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
  });

  test("addGrant adds one organization at a time: concurrent additions all land, '*' stays '*', a revoked key is NOT_FOUND", async () => {
    const apiKeys = createApiKeyService(keyvStore(new Keyv()));
    const some = await apiKeys.create({ name: "some", organizationIds: ["org-0"] });
    await Promise.all(["org-1", "org-2", "org-3", "org-1"].map((org) => apiKeys.addGrant(some.id, org)));
    expect((await apiKeys.verify(some.key))?.organizationIds).toEqual(["org-0", "org-1", "org-2", "org-3"]);
    const all = await apiKeys.create({ name: "all", organizationIds: "*" });
    expect(await apiKeys.addGrant(all.id, "org-9")).toMatchObject({ organizationIds: "*" });
    await apiKeys.revoke(all.id);
    await expect(apiKeys.addGrant(all.id, "org-9")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

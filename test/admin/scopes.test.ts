import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Scope } from "../../src/auth/scopes.js";
import { runOverWs, startTestGateway, type TestGateway } from "../support/start-test-gateway.js";
import { sandboxOf, startTestLedgerline, type TestLedgerline } from "../e2e/start-test-ledgerline.js";
import { wsClient } from "../triggers/ws-subscriber.js";

const DRY_RUN_CONTACT = `mutation($o: ID!) { createContact(organizationId: $o, input: { name: "Scoped Ltd" }, dryRun: true) { __typename } }`;

describe("scopes on the real gateway: each operation needs its kind's scope, the admin fields ADMIN, checked before anything runs", () => {
  let t: TestLedgerline;
  let organizationId: string;
  const keyWith = async (...scopes: Scope[]) => (await t.app.services.apiKeys.create({ name: scopes.join("+") || "none", organizationIds: "*", scopes })).key;
  beforeAll(async () => {
    t = await startTestLedgerline();
    organizationId = sandboxOf(t, "DAFTRA").organization.id;
  });
  afterAll(() => t?.close());

  it("a READ key reads, and is refused mutations (WRITE), subscriptions (SUBSCRIBE) and admin fields (ADMIN) with FORBIDDEN naming the scope", async () => {
    const key = await keyWith(Scope.READ);
    const calls = () => t.app.sandboxes.reduce((sum, s) => sum + s.requestCount(), 0);
    expect((await t.post("{ organizations { id } }", {}, key)).body.data!.organizations).toHaveLength(3);

    const before = calls();
    const mutation = await t.post(DRY_RUN_CONTACT, { o: organizationId }, key);
    expect(mutation.status).toBe(403);
    expect(mutation.body.data).toBeUndefined();
    expect(mutation.body.errors).toEqual([
      {
        message: expect.stringMatching(/^This API key lacks the WRITE scope, which mutations need: Mutation\.createContact needs it \(the key has READ\)\. .*ledgerline keys create --scopes WRITE/),
        extensions: expect.objectContaining({ code: "FORBIDDEN", requiredScopes: ["WRITE"], field: "Mutation.createContact" }),
      },
    ]);
    expect(calls()).toBe(before);

    const admin = await t.post("{ apiKeys { id } }", {}, key);
    expect(admin.status).toBe(403);
    expect(admin.body.errors![0]!.extensions).toMatchObject({ code: "FORBIDDEN", requiredScopes: ["ADMIN"], field: "Query.apiKeys" });
    // A fragment does not hide an admin field.
    const hidden = await t.post("query { organizations { id } ...Keys } fragment Keys on Query { apiKeys { id } }", {}, key);
    expect(hidden.body.errors![0]!.extensions).toMatchObject({ code: "FORBIDDEN", requiredScopes: ["ADMIN"] });

    const client = wsClient(t.app.wsUrl, key);
    try {
      const subscription = await runOverWs(client, { query: "subscription { events { id } }" });
      expect(subscription.results).toEqual([]);
      expect(subscription.error).toEqual([expect.objectContaining({ message: expect.stringContaining("lacks the SUBSCRIBE scope, which subscriptions need"), extensions: expect.objectContaining({ code: "FORBIDDEN", requiredScopes: ["SUBSCRIBE"] }) })]);
      const overWs = await runOverWs(client, { query: DRY_RUN_CONTACT, variables: { o: organizationId } });
      expect(overWs.error).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: "FORBIDDEN", requiredScopes: ["WRITE"] }) })]);
      expect((await runOverWs(client, { query: "{ organizations { id } }" })).results[0]!.data).toMatchObject({ organizations: expect.any(Array) });
    } finally {
      await client.dispose();
    }
  });

  it("an empty operationName cannot make the same document pass the check later (a READ key stays refused ADMIN)", async () => {
    const key = await keyWith(Scope.READ);
    const escalate = `mutation { createApiKey(name: "escalated", organizationIds: ["*"], scopes: [ADMIN, READ, WRITE, SUBSCRIBE]) { key } }`;
    const send = (operationName?: string) =>
      fetch(t.app.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
        body: JSON.stringify({ query: escalate, ...(operationName === undefined ? {} : { operationName }) }),
      }).then(async (response) => ({ status: response.status, body: (await response.json()) as { data?: unknown; errors?: Array<{ extensions?: Record<string, unknown> }> } }));
    const named = await send("");
    expect(named.status).toBe(400);
    const unnamed = await send();
    expect(unnamed.status).toBe(403);
    expect(unnamed.body.errors![0]!.extensions).toMatchObject({ code: "FORBIDDEN", requiredScopes: ["ADMIN"] });
    expect((await t.app.services.apiKeys.list()).some((k) => k.name === "escalated")).toBe(false);
  });

  it("a WRITE key mutates but cannot read; an ADMIN-only key administers but cannot read the books; introspection needs no scope", async () => {
    const writer = await keyWith(Scope.WRITE);
    expect((await t.post(DRY_RUN_CONTACT, { o: organizationId }, writer)).body.errors).toBeUndefined();
    const read = await t.post("{ organizations { id } }", {}, writer);
    expect(read.status).toBe(403);
    expect(read.body.errors![0]!.extensions).toMatchObject({ code: "FORBIDDEN", requiredScopes: ["READ"] });

    const admin = await keyWith(Scope.ADMIN);
    expect((await t.post("{ apiKeys { name } connectedOrganizations { id } }", {}, admin)).body.errors).toBeUndefined();
    expect((await t.post("{ organizations { id } }", {}, admin)).body.errors![0]!.extensions).toMatchObject({ code: "FORBIDDEN", requiredScopes: ["READ"] });
    // connectOrganization is for apps (WRITE) and operators (ADMIN): the scope check lets both through (here Xero has no app configured).
    const start = await t.post("mutation { connectOrganization(provider: XERO) { consentUrl } }", {}, admin);
    expect(start.body.errors![0]!.extensions!.code).toBe("NOT_SUPPORTED");

    for (const key of [writer, admin, await keyWith(Scope.SUBSCRIBE)]) {
      const introspection = await t.post("{ __schema { queryType { name } } __typename }", {}, key);
      expect(introspection.body).toEqual({ data: { __schema: { queryType: { name: "Query" } }, __typename: "Query" } });
    }
  });
});

describe("scopes on any schema (the test gateway)", () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(() => gateway?.stop());

  it("a SUBSCRIBE-only key subscribes over graphql-ws but cannot query; keys stored before scopes keep READ, WRITE and SUBSCRIBE", async () => {
    const { key } = await gateway.apiKeys.create({ name: "listener", organizationIds: "*", scopes: [Scope.SUBSCRIBE] });
    const client = gateway.wsClient(`Bearer ${key}`);
    try {
      const ticks = await runOverWs(client, { query: "subscription { ticks(count: 2) }" });
      expect(ticks.results.map((r) => r.data)).toEqual([{ ticks: 1 }, { ticks: 2 }]);
      const query = await runOverWs(client, { query: "{ hello }" });
      expect(query.error).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: "FORBIDDEN", requiredScopes: ["READ"] }) })]);
    } finally {
      await client.dispose();
    }

    // A record written before keys had scopes: the same record without `scopes`.
    const legacy = await gateway.apiKeys.create({ name: "old", organizationIds: "*" });
    const records = gateway.store.namespace("api-keys");
    const { scopes: _scopes, ...before } = (await records.get<Record<string, unknown>>(`record:${legacy.id}`))!;
    await records.set(`record:${legacy.id}`, before);
    expect((await gateway.apiKeys.verify(legacy.key))!.scopes).toEqual([Scope.READ, Scope.WRITE, Scope.SUBSCRIBE]);
    expect((await gateway.post({ query: "{ hello }" }, `Bearer ${legacy.key}`)).body).toEqual({ data: { hello: "world" } });
    const old = gateway.wsClient(`Bearer ${legacy.key}`);
    try {
      expect((await runOverWs(old, { query: "subscription { ticks(count: 1) }" })).results.map((r) => r.data)).toEqual([{ ticks: 1 }]);
    } finally {
      await old.dispose();
    }
  });
});

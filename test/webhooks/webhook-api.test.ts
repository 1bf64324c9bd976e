import { encodeCursor } from "../../src/triggers/event-log/event-log.js";
import { parse, subscribe, type GraphQLSchema } from "graphql";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildGatewaySchema } from "../../schema/build-schema.js";
import { Scope } from "../../src/auth/scopes.js";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import { estimateComplexity } from "../../src/server/complexity-limit.js";
import type { StoredEvent } from "../../src/triggers/event.js";
import { isSigningSecret } from "../../src/webhooks/delivery/signing.js";
import { deliveryOf } from "../../src/webhooks/dispatcher/endpoint-consumer.js";
import { SECRET_OVERLAP_MS } from "../../src/webhooks/webhook-service.js";
import { apiHarness, invoiceEvent, keyEvent, type ApiHarness } from "./webhook-api-harness.js";

/**
 * The webhook endpoint fields through the real schema: secrets shown once, validation named per field,
 * one key never reaching another's endpoints, rotation, pause/resume/delete, and what replays queue.
 */
let schema: GraphQLSchema;
let h: ApiHarness;
beforeAll(async () => {
  schema = await buildGatewaySchema();
});
beforeEach(async () => {
  h = await apiHarness(schema);
});
afterEach(async () => {
  await h.close();
});

const ENDPOINT = "id url description organizationIds eventTypes filter { field eq in } status disabledReason createdAt updatedAt pendingDeliveries";
const CREATE = `mutation Create($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { ${ENDPOINT} } } }`;
const LIST = `query { webhookEndpoints { ${ENDPOINT} } }`;
const URL = "https://hooks.example.com/ledgerline";

/** A queued delivery of `event` for the endpoint, as the consumer makes it. */
const deliveryRow = (endpointId: string, event: StoredEvent) => deliveryOf(endpointId, event, h.clock.now());
const fieldsOf = (result: Awaited<ReturnType<ApiHarness["run"]>>) => (result.errors?.[0]?.extensions?.fields ?? []).map((f: { field: string }) => f.field);
const codeOf = (result: Awaited<ReturnType<ApiHarness["run"]>>) => result.errors?.[0]?.extensions?.code;

/** The endpoint's consumer took the log up to `cursor` (a replay covers only what it has taken). */
const consumedUpTo = async (endpointId: string, cursor: string) => expect(await h.store.enqueue(endpointId, cursor, [], 1)).toBe(true);

async function create(ctx = h.key("key-a", ["org-a", "org-b"]), input: Record<string, unknown> = {}) {
  const result = await h.run(ctx, CREATE, { input: { url: URL, ...input } });
  expect(result.errors).toBeUndefined();
  return result.data!.createWebhookEndpoint as { secret: string; endpoint: Record<string, any> };
}

describe("creating an endpoint", () => {
  it("answers its signing secret once, stores it sealed, starts at the log's head, and lists it without any secret", async () => {
    const [old] = await h.append(invoiceEvent("org-a"));
    const a = h.key("key-a", ["org-a", "org-b"]);
    const { secret, endpoint } = await create(a, { eventTypes: ["INVOICE_CREATED"], filter: [{ field: "status", eq: "PAID" }], description: "books sync" });
    expect(isSigningSecret(secret)).toBe(true);
    expect(endpoint).toMatchObject({
      url: URL, description: "books sync", organizationIds: null, eventTypes: ["INVOICE_CREATED"], filter: [{ field: "status", eq: "PAID", in: null }],
      status: "ACTIVE", disabledReason: null, pendingDeliveries: 0,
    });
    expect(endpoint.id).toMatch(/^whep_/);
    expect(h.wakes).toEqual([endpoint.id]);

    const stored = (await h.store.getEndpoint(endpoint.id))!;
    expect(stored.apiKeyId).toBe("key-a");
    expect(stored.cursor).toBe(old!.cursor);
    expect(stored.secrets).toHaveLength(1);
    expect(h.box.open<string>(stored.secrets[0]!.sealed)).toBe(secret);
    expect(JSON.stringify(stored)).not.toContain(secret.slice("whsec_".length));

    const listed = await h.run(a, LIST);
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.webhookEndpoints).toEqual([endpoint]);
    expect(JSON.stringify(listed.data)).not.toContain(secret.slice("whsec_".length));
    const one = await h.run(a, `query($id: ID!) { webhookEndpoint(id: $id) { id url } }`, { id: endpoint.id });
    expect(one.data!.webhookEndpoint).toEqual({ id: endpoint.id, url: URL });
  });

  it("with `after`, starts after that event cursor (the backlog is delivered); a cursor the log never gave is BAD_USER_INPUT on input.after", async () => {
    const [first] = await h.append(invoiceEvent("org-a"), invoiceEvent("org-a"));
    const { endpoint } = await create(undefined, { after: first!.cursor });
    expect((await h.store.getEndpoint(endpoint.id))!.cursor).toBe(first!.cursor);

    const bad = await h.run(h.key("key-a", "*"), CREATE, { input: { url: URL, after: "not-a-cursor" } });
    expect(codeOf(bad)).toBe("BAD_USER_INPUT");
    expect(fieldsOf(bad)).toEqual(["input.after"]);
    // Well formed but past the newest event: it would skip whatever is appended up to it.
    const beyond = await h.run(h.key("key-a", "*"), CREATE, { input: { url: URL, after: encodeCursor("999999") } });
    expect(codeOf(beyond)).toBe("BAD_USER_INPUT");
    expect(JSON.stringify(beyond.errors)).toContain("after the newest event");
  });

  it("names every bad field in one BAD_USER_INPUT and stores nothing: http, a bad filter, a long description", async () => {
    const a = h.key("key-a", "*");
    const result = await h.run(a, CREATE, {
      input: { url: "http://hooks.example.com/x", eventTypes: ["INVOICE_CREATED"], filter: [{ field: "noSuchField", eq: "1" }], description: "x".repeat(501) },
    });
    expect(codeOf(result)).toBe("BAD_USER_INPUT");
    const fields = fieldsOf(result);
    expect(fields).toContain("input.url");
    expect(fields).toContain("input.description");
    expect(fields.some((f: string) => f.startsWith("input.filter[0]"))).toBe(true);
    expect(result.errors![0]!.message).toContain("https");
    expect(await h.store.listEndpoints()).toEqual([]);
    expect(h.wakes).toEqual([]);
  });

  it("refuses private and loopback addresses, unknown event types (schema and service alike), and a filter on a field the types lack", async () => {
    const a = h.key("key-a", "*");
    for (const url of ["https://10.0.0.5/hook", "https://127.0.0.1/hook", "https://[::1]/hook", "https://169.254.169.254/latest"]) {
      const result = await h.run(a, CREATE, { input: { url } });
      expect(fieldsOf(result), url).toEqual(["input.url"]);
    }
    const viaSchema = await h.run(a, CREATE, { input: { url: URL, eventTypes: ["INVOICE_EXPLODED"] } });
    expect(viaSchema.errors?.[0]?.message).toContain("input.eventTypes[0]");
    await expect(h.service.create(a.principal, a.organizations, { url: URL, eventTypes: ["INVOICE_CREATED", "INVOICE_EXPLODED"] })).rejects.toMatchObject({
      extensions: { code: "BAD_USER_INPUT", fields: [expect.objectContaining({ field: "input.eventTypes[1]" })] },
    });
    // `status` is on Invoice but not on Contact, so a filter meant for invoices cannot apply to contact events too.
    const mixed = await h.run(a, CREATE, { input: { url: URL, eventTypes: ["INVOICE_CREATED", "CONTACT_CREATED"], filter: [{ field: "total", gte: "100" }] } });
    expect(codeOf(mixed)).toBe("BAD_USER_INPUT");
    expect(fieldsOf(mixed).every((f: string) => f.startsWith("input.filter"))).toBe(true);
    expect(await h.store.listEndpoints()).toEqual([]);
  });

  it("an organization the key is not granted (or that does not exist) is NOT_FOUND, as organization(id:) answers", async () => {
    const a = h.key("key-a", ["org-a"]);
    for (const id of ["org-b", "org-missing"]) {
      const result = await h.run(a, CREATE, { input: { url: URL, organizationIds: ["org-a", id] } });
      expect(codeOf(result)).toBe("NOT_FOUND");
      expect(result.errors![0]!.extensions!.field).toBe("input.organizationIds[1]");
    }
    expect(await h.store.listEndpoints()).toEqual([]);
    const ok = await create(a, { organizationIds: ["org-a"] });
    expect(ok.endpoint.organizationIds).toEqual(["org-a"]);
  });

  it("needs the SUBSCRIBE scope: FORBIDDEN naming it, nothing stored; and at most maxEndpointsPerKey per key (LIMIT_EXCEEDED)", async () => {
    const noSubscribe = h.key("key-r", "*", [Scope.READ, Scope.WRITE]);
    const refused = await h.run(noSubscribe, CREATE, { input: { url: URL } });
    expect(codeOf(refused)).toBe("FORBIDDEN");
    expect(refused.errors![0]!.message).toContain("SUBSCRIBE");
    expect(await h.store.listEndpoints()).toEqual([]);

    const small = h.withService({ maxEndpointsPerKey: 2 });
    const a = h.key("key-a", "*");
    await small.create(a.principal, a.organizations, { url: URL });
    await small.create(a.principal, a.organizations, { url: URL });
    await expect(small.create(a.principal, a.organizations, { url: URL })).rejects.toMatchObject({ extensions: { code: "LIMIT_EXCEEDED" } });
    const b = h.key("key-b", "*");
    await expect(small.create(b.principal, b.organizations, { url: URL })).resolves.toBeDefined();
  });

  it("answers NOT_SUPPORTED when the gateway has no webhooks (triggers off)", async () => {
    const off = { ...h.key("key-a", "*"), webhooks: undefined };
    for (const source of [LIST, `mutation { deleteWebhookEndpoint(id: "whep_x") }`]) {
      expect(codeOf(await h.run(off, source))).toBe("NOT_SUPPORTED");
    }
  });
});

describe("one key never reaches another key's endpoints", () => {
  it("key B cannot see, update, rotate, pause, resume, delete, list deliveries of or replay key A's endpoint: NOT_FOUND; lists show only one's own", async () => {
    const a = h.key("key-a", "*");
    const b = h.key("key-b", "*");
    const { endpoint } = await create(a);
    const { endpoint: bOwn } = await create(b);
    const id = endpoint.id;
    const attempts = [
      [`mutation($id: ID!) { updateWebhookEndpoint(input: { id: $id, description: "mine" }) { id } }`],
      [`mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }`],
      [`mutation($id: ID!) { pauseWebhookEndpoint(id: $id) { id } }`],
      [`mutation($id: ID!) { resumeWebhookEndpoint(id: $id) { id } }`],
      [`mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }`],
      [`query($id: ID!) { webhookDeliveries(endpointId: $id) { edges { cursor } } }`],
      [`mutation($id: ID!) { replayWebhooks(endpointId: $id, since: "2026-01-01T00:00:00Z") { queued } }`],
    ];
    for (const [source] of attempts) {
      const result = await h.run(b, source!, { id });
      expect(codeOf(result), source).toBe("NOT_FOUND");
      expect(result.errors![0]!.message).toContain(id);
    }
    expect((await h.run(b, `query($id: ID!) { webhookEndpoint(id: $id) { id } }`, { id })).data!.webhookEndpoint).toBeNull();
    expect((await h.run(a, LIST)).data!.webhookEndpoints.map((e: { id: string }) => e.id)).toEqual([id]);
    expect((await h.run(b, LIST)).data!.webhookEndpoints.map((e: { id: string }) => e.id)).toEqual([bOwn.id]);
    // Untouched: same status, description, one secret.
    const stored = (await h.store.getEndpoint(id))!;
    expect(stored).toMatchObject({ status: "ACTIVE", description: null });
    expect(stored.secrets).toHaveLength(1);
  });
});

describe("managing an endpoint", () => {
  it("rotates: a new secret once, the old one kept 24 h beside it; a second rotation keeps only two", async () => {
    const a = h.key("key-a", "*");
    const { endpoint, secret: first } = await create(a);
    h.clock.advance(60_000);
    const rotate = `mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret endpoint { id updatedAt } } }`;
    const result = await h.run(a, rotate, { id: endpoint.id });
    expect(result.errors).toBeUndefined();
    const second = result.data!.rotateWebhookSecret.secret as string;
    expect(isSigningSecret(second)).toBe(true);
    expect(second).not.toBe(first);
    const now = h.clock.now().getTime();
    let stored = (await h.store.getEndpoint(endpoint.id))!;
    expect(stored.secrets.map((s) => h.box.open<string>(s.sealed))).toEqual([second, first]);
    expect(stored.secrets[0]!.expiresAt).toBeUndefined();
    expect(Date.parse(stored.secrets[1]!.expiresAt!)).toBe(now + SECRET_OVERLAP_MS);
    expect(h.wakes.at(-1)).toBe(endpoint.id);

    h.clock.advance(60_000);
    const third = (await h.run(a, rotate, { id: endpoint.id })).data!.rotateWebhookSecret.secret as string;
    stored = (await h.store.getEndpoint(endpoint.id))!;
    expect(stored.secrets.map((s) => h.box.open<string>(s.sealed))).toEqual([third, second]);
  });

  it("pauses (cursor kept), resumes (also a DISABLED one, clearing why), updates (left-out fields kept, null resets), deletes", async () => {
    const a = h.key("key-a", ["org-a", "org-b"]);
    const { endpoint } = await create(a, { organizationIds: ["org-a"], eventTypes: ["INVOICE_CREATED"], description: "first" });
    const before = (await h.store.getEndpoint(endpoint.id))!;
    const paused = await h.run(a, `mutation($id: ID!) { pauseWebhookEndpoint(id: $id) { status } }`, { id: endpoint.id });
    expect(paused.data!.pauseWebhookEndpoint.status).toBe("PAUSED");
    expect((await h.store.getEndpoint(endpoint.id))!.cursor).toBe(before.cursor);

    // Failing (a delivery waiting out a long backoff), then disabled by the gateway with its event still to raise.
    const [event] = await h.append(invoiceEvent("org-a"));
    const waiting = { ...deliveryRow(endpoint.id, event!), nextAttemptAt: 0 };
    expect(await h.store.enqueue(endpoint.id, event!.cursor, [waiting], 1)).toBe(true);
    const backoffUntil = h.clock.now().getTime() + 86_400_000;
    expect(await h.store.recordAttempt({ deliveryId: waiting.id, number: 1, at: "2026-12-01T00:00:00.000Z", statusCode: 500, latencyMs: 1, responseHead: null, error: null }, { kind: "retry", nextAttemptAt: backoffUntil }, 1)).toBe("recorded");
    const pausedRecord = (await h.store.getEndpoint(endpoint.id))!;
    const disabledAt = new Date(Date.parse(pausedRecord.updatedAt) + 1).toISOString();
    expect(await h.store.updateEndpoint({ ...pausedRecord, status: "DISABLED", disabledReason: "it answered 410 Gone", disabledAt, disabledEventPending: true, updatedAt: disabledAt }, pausedRecord.updatedAt)).toBe(true);
    expect((await h.store.getEndpoint(endpoint.id))!.failingSince).toBe("2026-12-01T00:00:00.000Z");
    const resumed = await h.run(a, `mutation($id: ID!) { resumeWebhookEndpoint(id: $id) { status } }`, { id: endpoint.id });
    expect(resumed.data!.resumeWebhookEndpoint).toEqual({ status: "ACTIVE" });
    // Its event is still to be raised: the disabling is kept for it (the dispatcher raises it, then forgets it).
    expect(await h.store.getEndpoint(endpoint.id)).toMatchObject({ status: "ACTIVE", failingSince: null, disabledAt, disabledEventPending: true });
    await h.store.markDisabledEventRaised(endpoint.id, disabledAt);
    expect(await h.store.getEndpoint(endpoint.id)).toMatchObject({ status: "ACTIVE", disabledReason: null, disabledAt: null, disabledEventPending: false });
    // The waiting delivery is due at once, not after the old backoff.
    expect((await h.store.dueHeads(endpoint.id, h.clock.now().getTime())).due.map((d) => d.id)).toEqual([waiting.id]);

    const update = `mutation($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { url organizationIds eventTypes description } }`;
    const kept = await h.run(a, update, { input: { id: endpoint.id, url: "https://other.example.com/h" } });
    expect(kept.data!.updateWebhookEndpoint).toEqual({ url: "https://other.example.com/h", organizationIds: ["org-a"], eventTypes: ["INVOICE_CREATED"], description: "first" });
    const reset = await h.run(a, update, { input: { id: endpoint.id, organizationIds: null, eventTypes: [], description: null } });
    expect(reset.data!.updateWebhookEndpoint).toEqual({ url: "https://other.example.com/h", organizationIds: null, eventTypes: null, description: null });
    const bad = await h.run(a, update, { input: { id: endpoint.id, url: "ftp://x.example.com", organizationIds: ["org-c"] } });
    expect(fieldsOf(bad)).toEqual(["input.url"]);
    const ungranted = await h.run(a, update, { input: { id: endpoint.id, organizationIds: ["org-c"] } });
    expect(codeOf(ungranted)).toBe("NOT_FOUND");

    const deleted = await h.run(a, `mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }`, { id: endpoint.id });
    expect(deleted.data!.deleteWebhookEndpoint).toBe(true);
    expect(await h.store.getEndpoint(endpoint.id)).toBeUndefined();
    expect(codeOf(await h.run(a, `mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }`, { id: endpoint.id }))).toBe("NOT_FOUND");
  });
});

describe("deliveries and replays", () => {
  const DELIVERIES = `query($id: ID!, $first: Int, $after: String, $status: WebhookDeliveryStatus) {
    webhookDeliveries(endpointId: $id, first: $first, after: $after, status: $status) {
      edges { cursor node { id webhookId eventType organizationId status attemptCount nextAttemptAt eventCursor attempts { number statusCode latencyMs error } } }
      pageInfo { hasNextPage endCursor }
    }
  }`;
  const REPLAY = `mutation($id: ID!, $since: DateTime, $afterCursor: String) { replayWebhooks(endpointId: $id, since: $since, afterCursor: $afterCursor) { queued complete continueAfter } }`;

  it("replay needs exactly one of since and afterCursor", async () => {
    const a = h.key("key-a", "*");
    const { endpoint } = await create(a);
    expect(codeOf(await h.run(a, REPLAY, { id: endpoint.id }))).toBe("BAD_USER_INPUT");
    const both = await h.run(a, REPLAY, { id: endpoint.id, since: "2026-01-01T00:00:00Z", afterCursor: "x" });
    expect(codeOf(both)).toBe("BAD_USER_INPUT");
    expect(fieldsOf(both)).toEqual(["afterCursor"]);
    expect(fieldsOf(await h.run(a, REPLAY, { id: endpoint.id, afterCursor: "garbage" }))).toEqual(["afterCursor"]);
  });

  it("replays what the endpoint would carry now: never an organization the key cannot see, nor another key's key events; since skips older events", async () => {
    const a = h.key("key-a", ["org-a", "org-b"]);
    const { endpoint } = await create(a);
    const stored = await h.append(
      invoiceEvent("org-a", "DRAFT", "2026-12-01T00:00:00.000Z"),
      invoiceEvent("org-c", "DRAFT", "2026-12-02T00:00:00.000Z"),
      invoiceEvent("org-b", "PAID", "2026-12-03T00:00:00.000Z"),
      keyEvent("key-b", "whep_other"),
      invoiceEvent("org-a", "PAID", "2026-12-04T00:00:00.000Z"),
      invoiceEvent("org-c", "PAID", "2026-12-05T00:00:00.000Z"),
    );
    await consumedUpTo(endpoint.id, stored.at(-1)!.cursor);
    const all = await h.run(a, REPLAY, { id: endpoint.id, afterCursor: stored[0]!.cursor });
    expect(all.data!.replayWebhooks).toEqual({ queued: 2, complete: true, continueAfter: null });
    let page = await h.run(a, DELIVERIES, { id: endpoint.id });
    // Newest first; webhookId is the event id.
    expect(page.data!.webhookDeliveries.edges.map((e: any) => e.node.webhookId)).toEqual([stored[4]!.id, stored[2]!.id]);
    expect(page.data!.webhookDeliveries.edges[0].node).toMatchObject({ eventType: "INVOICE_CREATED", organizationId: "org-a", status: "PENDING", attemptCount: 0, attempts: [] });

    const since = await h.run(a, REPLAY, { id: endpoint.id, since: "2026-12-03T00:00:00Z" });
    expect(since.data!.replayWebhooks.queued).toBe(2);
    page = await h.run(a, DELIVERIES, { id: endpoint.id });
    expect(page.data!.webhookDeliveries.edges.map((e: any) => e.node.webhookId)).toEqual([stored[4]!.id, stored[2]!.id, stored[4]!.id, stored[2]!.id]);
    expect(page.data!.webhookDeliveries.edges.every((e: any) => e.node.organizationId !== "org-c")).toBe(true);
    expect(h.wakes.filter((id) => id === endpoint.id).length).toBe(3);
  });

  it("replay applies the endpoint's organizations, types and filter, and its key's key events only where named (never its own)", async () => {
    const a = h.key("key-a", "*");
    const { endpoint } = await create(a, { organizationIds: ["org-a"], eventTypes: ["INVOICE_CREATED", "WEBHOOK_ENDPOINT_DISABLED"], filter: [{ field: "status", eq: "PAID" }] });
    const stored = await h.append(
      invoiceEvent("org-a", "DRAFT"), invoiceEvent("org-a", "PAID"), invoiceEvent("org-b", "PAID"),
      invoiceEvent("org-a", "PAID", undefined, "INVOICE_UPDATED"), keyEvent("key-a", "whep_sibling"), keyEvent("key-b", "whep_b"),
      // Its own disabling is never sent to itself (once resumed, its owner has undone it).
      keyEvent("key-a", endpoint.id),
    );
    await consumedUpTo(endpoint.id, stored.at(-1)!.cursor);
    const result = await h.service.replay(a.principal, { endpointId: endpoint.id, since: new Date("2000-01-01T00:00:00Z") });
    expect(result).toEqual({ queued: 2, complete: true, continueAfter: null });
    const rows = await h.store.deliveries({ endpointId: endpoint.id, limit: 10 });
    expect(rows.map((r) => r.eventId)).toEqual([stored[4]!.id, stored[1]!.id]);
    expect(rows.every((r) => r.replayOf !== null)).toBe(true);
    expect(JSON.parse(rows[1]!.payload)).toMatchObject({ id: stored[1]!.id, cursor: stored[1]!.cursor, organizationId: "org-a" });
  });

  it("stops at its limit, saying where to continue; continuing queues the rest", async () => {
    const small = h.withService({ maxReplayEvents: 2 });
    const a = h.key("key-a", "*");
    const { endpoint } = await create(a);
    const stored = await h.append(...Array.from({ length: 5 }, () => invoiceEvent("org-a")));
    await consumedUpTo(endpoint.id, stored.at(-1)!.cursor);
    const first = await small.replay(a.principal, { endpointId: endpoint.id, since: new Date("2000-01-01T00:00:00Z") });
    expect(first).toEqual({ queued: 2, complete: false, continueAfter: stored[1]!.cursor });
    const second = await small.replay(a.principal, { endpointId: endpoint.id, afterCursor: first.continueAfter });
    expect(second).toEqual({ queued: 2, complete: false, continueAfter: stored[3]!.cursor });
    const third = await small.replay(a.principal, { endpointId: endpoint.id, afterCursor: second.continueAfter });
    expect(third).toEqual({ queued: 1, complete: true, continueAfter: null });
    expect((await h.store.deliveries({ endpointId: endpoint.id, limit: 10 })).map((r) => r.eventId).reverse()).toEqual(stored.map((e) => e.id));
  });

  it("replays only what the endpoint's consumer has taken: stops at its cursor (inclusive, complete); nothing before it took anything", async () => {
    const a = h.key("key-a", "*");
    const { endpoint } = await create(a);
    const stored = await h.append(...Array.from({ length: 5 }, () => invoiceEvent("org-a")));
    // Nothing taken yet (the log was empty at creation: a null cursor): every event is the consumer's to queue, in order.
    expect((await h.store.getEndpoint(endpoint.id))!.cursor).toBeNull();
    expect(await h.service.replay(a.principal, { endpointId: endpoint.id, since: new Date("2000-01-01T00:00:00Z") })).toEqual({ queued: 0, complete: true, continueAfter: null });
    expect(await h.store.pendingCount(endpoint.id)).toBe(0);

    await consumedUpTo(endpoint.id, stored[2]!.cursor);
    expect(await h.service.replay(a.principal, { endpointId: endpoint.id, afterCursor: stored[0]!.cursor })).toEqual({ queued: 2, complete: true, continueAfter: null });
    expect(await h.service.replay(a.principal, { endpointId: endpoint.id, afterCursor: stored[2]!.cursor })).toEqual({ queued: 0, complete: true, continueAfter: null });
    const rows = await h.store.deliveries({ endpointId: endpoint.id, limit: 10 });
    expect(rows.map((r) => r.eventId).reverse()).toEqual([stored[1]!.id, stored[2]!.id]);
  });

  it("an owner's save never writes failingSince back: a success in between is kept (the stale read does not resurrect the failure window)", async () => {
    const a = h.key("key-a", ["org-a"]);
    const { endpoint } = await h.service.create(a.principal, a.organizations, { url: URL });
    const [event] = await h.append(invoiceEvent("org-a"));
    const row = { ...deliveryRow(endpoint.id, event!), nextAttemptAt: 0 };
    expect(await h.store.enqueue(endpoint.id, event!.cursor, [row], 1)).toBe(true);
    await h.store.recordAttempt({ deliveryId: row.id, number: 1, at: "2026-12-02T14:00:00.000Z", statusCode: 500, latencyMs: 1, responseHead: null, error: null }, { kind: "retry", nextAttemptAt: 0 }, 1);
    // The owner rotates: its read happens before a success that clears failingSince, its write after.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let read!: () => void;
    const hasRead = new Promise<void>((resolve) => (read = resolve));
    const slow = { ...h.store, getEndpoint: async (id: string) => { const e = await h.store.getEndpoint(id); read(); await gate; return e; } };
    const rotating = h.withService({ store: slow }).rotateSecret(a.principal, endpoint.id);
    await hasRead;
    await h.store.recordAttempt({ deliveryId: row.id, number: 2, at: "2026-12-07T11:00:00.000Z", statusCode: 204, latencyMs: 1, responseHead: null, error: null }, { kind: "delivered" }, 1);
    release();
    await rotating;
    const after = (await h.store.getEndpoint(endpoint.id))!;
    expect(after.secrets).toHaveLength(2);
    expect(after.failingSince).toBeNull();
  });

  it("pages deliveries newest first with opaque cursors, filters by status, shows attempts, and refuses bad paging", async () => {
    const a = h.key("key-a", "*");
    const { endpoint } = await create(a);
    const stored = await h.append(...Array.from({ length: 5 }, () => invoiceEvent("org-a")));
    await consumedUpTo(endpoint.id, stored.at(-1)!.cursor);
    await h.service.replay(a.principal, { endpointId: endpoint.id, since: new Date("2000-01-01T00:00:00Z") });
    const oldest = (await h.store.deliveries({ endpointId: endpoint.id, limit: 10 })).at(-1)!;
    const at = h.clock.now().toISOString();
    expect(await h.store.recordAttempt({ deliveryId: oldest.id, number: 1, at, statusCode: 500, latencyMs: 12, responseHead: "oops", error: null }, { kind: "retry", nextAttemptAt: Date.parse(at) + 5_000 }, 1)).toBe("recorded");
    expect(await h.store.recordAttempt({ deliveryId: oldest.id, number: 2, at, statusCode: 200, latencyMs: 8, responseHead: "ok", error: null }, { kind: "delivered" }, 1)).toBe("recorded");

    const seen: string[] = [];
    let after: string | null = null;
    const sizes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const result: Awaited<ReturnType<ApiHarness["run"]>> = await h.run(a, DELIVERIES, { id: endpoint.id, first: 2, after });
      expect(result.errors).toBeUndefined();
      const connection = result.data!.webhookDeliveries;
      sizes.push(connection.edges.length);
      seen.push(...connection.edges.map((e: any) => e.node.webhookId));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(sizes).toEqual([2, 2, 1]);
    expect(seen).toEqual(stored.map((e) => e.id).reverse());

    const delivered = await h.run(a, DELIVERIES, { id: endpoint.id, status: "DELIVERED" });
    expect(delivered.data!.webhookDeliveries.edges.map((e: any) => e.node)).toEqual([
      expect.objectContaining({ webhookId: stored[0]!.id, status: "DELIVERED", attemptCount: 2, nextAttemptAt: null, attempts: [
        { number: 1, statusCode: 500, latencyMs: 12, error: null }, { number: 2, statusCode: 200, latencyMs: 8, error: null },
      ] }),
    ]);
    const pending = await h.run(a, `query { webhookEndpoints { pendingDeliveries } }`);
    expect(pending.data!.webhookEndpoints).toEqual([{ pendingDeliveries: 4 }]);

    expect(fieldsOf(await h.run(a, DELIVERIES, { id: endpoint.id, first: 101 }))).toEqual(["first"]);
    expect(fieldsOf(await h.run(a, DELIVERIES, { id: endpoint.id, after: "b2Zmc2V0OjE" }))).toEqual(["after"]);
  });
});

describe("the schema around endpoints", () => {
  it("a WEBHOOK_ENDPOINT_DISABLED event shows its endpoint as RecordEvent.webhookEndpoint; record events show null", async () => {
    const a = h.key("key-a", "*");
    const { endpoint } = await create(a);
    const stored = await h.append(invoiceEvent("org-a"), { ...keyEvent("key-a", endpoint.id), subject: { ...endpoint, status: "DISABLED", disabledReason: "it answered 410 Gone" } });
    const triggers = {
      events: async ({ after, accept }: { after?: string; accept(event: StoredEvent): boolean }) => (async function* () {
        for (const event of await h.log.readAfter(after, 100)) if (accept(event)) yield event;
      })(),
    };
    const ctx = { ...a, triggers } as unknown as GatewayContext;
    const source = `subscription($types: [EventType!], $after: String) { events(filter: { types: $types, after: $after }) { type organizationId webhookEndpoint { id status disabledReason url } } }`;
    const firstOf = async (types: string[] | null) => {
      const stream = (await subscribe({ schema, document: parse(source), variableValues: { types }, contextValue: ctx })) as AsyncIterableIterator<{ data?: any; errors?: unknown }>;
      const { value } = await stream.next();
      await stream.return?.();
      return value;
    };
    const disabled = await firstOf(["WEBHOOK_ENDPOINT_DISABLED"]);
    expect(disabled.errors).toBeUndefined();
    expect(disabled.data.events).toEqual({ type: "WEBHOOK_ENDPOINT_DISABLED", organizationId: null, webhookEndpoint: { id: endpoint.id, status: "DISABLED", disabledReason: "it answered 410 Gone", url: URL } });
    const record = await firstOf(null);
    expect(record.data.events).toEqual({ type: "INVOICE_CREATED", organizationId: "org-a", webhookEndpoint: null });
  });

  it("prices the endpoint list per endpoint a key may have, and deliveries per page row with their attempts", () => {
    const cost = (query: string) => estimateComplexity({ schema, document: parse(query) });
    // 1 + 100 endpoints × (id 1 + pendingDeliveries 2)
    expect(cost("{ webhookEndpoints { id pendingDeliveries } }")).toBe(1 + 100 * 3);
    // 1 + first × (edges 1 + node 1 + id 1 + attempts (1 + number 1)): attempts come with the page's one query.
    expect(cost(`{ webhookDeliveries(endpointId: "whep_x", first: 100) { edges { node { id attempts { number } } } } }`)).toBe(1 + 100 * 5);
    // More than 100 is refused when it runs, so it is priced as 100.
    expect(cost(`{ webhookDeliveries(endpointId: "whep_x", first: 5000) { edges { node { id } } } }`)).toBe(1 + 100 * 3);
    expect(cost(`{ webhookDeliveries(endpointId: "whep_x") { edges { node { id } } } }`)).toBe(1 + 20 * 3);
  });
});

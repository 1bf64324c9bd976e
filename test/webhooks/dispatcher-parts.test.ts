import { describe, expect, it } from "vitest";
import type { Leases } from "../../src/store/leases.js";
import { createMemoryEventLog } from "../../src/triggers/event-log/memory-event-log.js";
import { endpointDisabledEvent } from "../../src/webhooks/dispatcher/endpoint-disabled-event.js";
import { principalCache } from "../../src/webhooks/dispatcher/principal-cache.js";
import { sharedLogReads } from "../../src/webhooks/dispatcher/shared-log-reads.js";
import { withheldReason } from "../../src/webhooks/dispatcher/withheld-reason.js";
import type { WebhookDelivery, WebhookEndpointRecord } from "../../src/webhooks/webhook-types.js";
import { recordingLogger, type LogEntry } from "../support/recording-logger.js";
import { until } from "../support/until.js";
import { harness, recordEvent, startReceiver } from "./dispatcher-harness.js";

/** The dispatcher's parts, and how an instance that loses its lease gives way. */

describe("the dispatcher's parts", () => {
  it("shares one log read between identical concurrent reads, and reads again afterwards", async () => {
    const inner = createMemoryEventLog();
    await inner.append([recordEvent("org-a", 1)]);
    let reads = 0;
    const reads_ = sharedLogReads({ ...inner, readAfter: (cursor, limit) => (reads++, inner.readAfter(cursor, limit)) });
    const answers = await Promise.all(Array.from({ length: 100 }, () => reads_.read(undefined, 200)));
    expect(reads).toBe(1);
    expect(answers.every((a) => a.length === 1)).toBe(true);
    // Within the same turn the answer is still shared; another limit is another read.
    await Promise.all([reads_.read(undefined, 200), reads_.read(undefined, 50)]);
    expect(reads).toBe(2);
    await new Promise((resolve) => setImmediate(resolve));
    await inner.append([recordEvent("org-a", 2)]);
    expect(await reads_.read(undefined, 200)).toHaveLength(2);
    expect(reads).toBe(3);
  });

  it("caches an owner's key for its time to live only", async () => {
    let lookups = 0;
    let revoked = false;
    const cache = principalCache(async (id) => (lookups++, revoked ? null : { apiKeyId: id, name: id, organizationIds: "*", scopes: [] }), 50);
    await Promise.all([cache.get("k"), cache.get("k")]);
    expect(lookups).toBe(1);
    revoked = true;
    expect(await cache.get("k")).not.toBeNull();
    await until(async () => cache.get("k"), (p) => p === null, 2_000, "the revocation seen after the cache expired");
  });

  it("raises WEBHOOK_ENDPOINT_DISABLED with a stable id and the endpoint's public view, never its secrets", () => {
    const endpoint = {
      id: "whep_1", apiKeyId: "key_1", url: "https://example.com/hook", description: "books", organizationIds: null, eventTypes: ["INVOICE_CREATED"], filter: null,
      status: "ACTIVE" as const, disabledReason: null, disabledAt: null, disabledEventPending: false, secrets: [{ sealed: { v: 1 as const, iv: "a", tag: "b", data: "c" }, createdAt: "2026-12-07T00:00:00.000Z" }],
      cursor: "abc", failingSince: "2026-12-01T00:00:00.000Z", createdAt: "2026-12-01T00:00:00.000Z", updatedAt: "2026-12-01T00:00:00.000Z",
    };
    const at = "2026-12-07T10:00:00.000Z";
    const event = endpointDisabledEvent(endpoint, "answered 410 Gone", at);
    expect(event).toMatchObject({ type: "WEBHOOK_ENDPOINT_DISABLED", entity: "WebhookEndpoint", change: "UPDATED", organizationId: null, provider: null, remoteId: "whep_1", occurredAt: at, detectedAt: at, record: null, apiKeyId: "key_1" });
    expect(event.id).toMatch(/^evt_[A-Za-z0-9_-]{32}$/);
    expect(endpointDisabledEvent(endpoint, "other words", at).id).toBe(event.id);
    expect(endpointDisabledEvent(endpoint, "answered 410 Gone", "2026-12-07T10:00:01.000Z").id).not.toBe(event.id);
    expect(event.subject).toEqual({ id: "whep_1", url: endpoint.url, description: "books", status: "DISABLED", disabledReason: "answered 410 Gone", organizationIds: null, eventTypes: ["INVOICE_CREATED"], filter: null, createdAt: endpoint.createdAt, updatedAt: at });
  });
});

describe("a queued delivery checked against the owner's key at send time", () => {
  const principal = { apiKeyId: "key_1", name: "k", organizationIds: ["org-a", "org-b"], scopes: [] };
  const endpoint = { apiKeyId: "key_1", organizationIds: null, eventTypes: null } as unknown as WebhookEndpointRecord;
  const row = (organizationId: string | null, eventType = "INVOICE_CREATED") => ({ organizationId, eventType }) as WebhookDelivery;

  it("names why it is no longer carried: the grant, the endpoint's organizations, its types; never the record filter", () => {
    expect(withheldReason(row("org-a"), endpoint, principal)).toBeUndefined();
    expect(withheldReason(row("org-a"), { ...endpoint, filter: [{ field: "status", eq: "PAID" }] }, principal)).toBeUndefined();
    expect(withheldReason(row("org-c"), endpoint, principal)).toBe("not sent: organization org-c is no longer granted to the API key");
    expect(withheldReason(row("org-b"), { ...endpoint, organizationIds: ["org-a"] }, principal)).toBe("not sent: the endpoint no longer asks for organization org-b");
    expect(withheldReason(row("org-a"), { ...endpoint, eventTypes: ["BILL_CREATED"] }, principal)).toBe("not sent: the endpoint no longer asks for INVOICE_CREATED events");
    // A key event of the endpoint's own key: carried while its type is named.
    const named = { ...endpoint, eventTypes: ["WEBHOOK_ENDPOINT_DISABLED"] };
    expect(withheldReason(row(null, "WEBHOOK_ENDPOINT_DISABLED"), named, principal)).toBeUndefined();
    expect(withheldReason(row(null, "WEBHOOK_ENDPOINT_DISABLED"), endpoint, principal)).toBe("not sent: the endpoint no longer asks for WEBHOOK_ENDPOINT_DISABLED events");
  });
});

describe("an instance that loses an endpoint's lease", () => {
  it("stops at once when a renewal is refused, and another instance takes the endpoint over", async () => {
    const h = await harness();
    const receiver = await startReceiver();
    try {
      const endpoint = await h.addEndpoint(h.addKey("*"), receiver.url);
      let cut = false;
      const flaky: Leases = { ...h.leases, acquire: async (k, ttl) => (cut ? undefined : h.leases.acquire(k, ttl)), renew: async (k, holder, ttl) => !cut && h.leases.renew(k, holder, ttl) };
      const one = h.dispatcher({ leases: flaky, leaseMs: 300 });
      await until(async () => one.held(), (held) => held.length === 1, 5_000, "instance one holds the endpoint");
      const two = h.dispatcher({ leaseMs: 300 });
      cut = true;
      await until(async () => one.held(), (held) => held.length === 0, 5_000, "instance one let go");
      await until(async () => two.held(), (held) => held.includes(endpoint.id), 5_000, "instance two took over");
      const [event] = await h.append(recordEvent("org-a", 1));
      await until(async () => receiver.accepted().map((r) => r.event.id), (ids) => ids.includes(event!.id), 5_000, "delivered by instance two");
    } finally {
      await h.close();
      await receiver.close();
    }
  });

  it("stops when a later holder's fencing token refuses its write (a lease that lapsed unseen)", async () => {
    const h = await harness();
    const receiver = await startReceiver();
    try {
      const endpoint = await h.addEndpoint(h.addKey("*"), receiver.url);
      // Instance one believes every renewal succeeded (a paused process): its lease lapses in the table.
      const blind: Leases = { ...h.leases, renew: async () => true };
      const logs1: LogEntry[] = [];
      const one = h.dispatcher({ leases: blind, leaseMs: 300, logger: recordingLogger(logs1) });
      await until(async () => one.held(), (held) => held.length === 1, 5_000, "instance one holds the endpoint");
      const two = h.dispatcher({ leaseMs: 300 });
      await until(async () => two.held(), (held) => held.includes(endpoint.id), 5_000, "instance two took the lapsed lease");
      const appended: string[] = [];
      await until(async () => {
        appended.push(...(await h.append(recordEvent("org-a", appended.length))).map((e) => e.id));
        return one.held();
      }, (held) => held.length === 0, 5_000, "instance one fenced out");
      expect(logs1.some((l) => String(l.data.why).includes("another instance"))).toBe(true);
      await until(async () => new Set(receiver.accepted().map((r) => r.event.id)), (ids) => appended.every((id) => ids.has(id)), 5_000, "every event delivered");
      for (const r of receiver.requests) expect(r.headers["webhook-id"]).toBe(r.event.id);
    } finally {
      await h.close();
      await receiver.close();
    }
  });
});

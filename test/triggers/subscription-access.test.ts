import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NewEvent } from "../../src/triggers/event.js";
import { startTriggerLedgerline, type TriggerLedgerline } from "./support.js";
import { subscribe, wsClient } from "./ws-subscriber.js";

const EVENT_IDS = `subscription($filter: EventFilter) { events(filter: $filter) { cursor id organizationId } }`;

let serial = 0;
function event(organizationId: string): NewEvent {
  const now = new Date().toISOString();
  return { id: `evt_access_${serial++}`, type: "INVOICE_UPDATED", entity: "Invoice", change: "UPDATED", organizationId, provider: "XERO" as NewEvent["provider"], remoteId: `r${serial}`, occurredAt: now, detectedAt: now, record: null };
}

/** The close a graphql-ws client saw, from its `closed` event. */
function closeCode(client: ReturnType<typeof wsClient>) {
  const seen: { code?: number; reason?: string } = {};
  client.on("closed", (e) => Object.assign(seen, { code: (e as CloseEvent).code, reason: (e as CloseEvent).reason }));
  return seen;
}

describe("subscriptions follow their API key's revocation and grants at once", () => {
  let t: TriggerLedgerline;
  let orgA: string;
  let orgB: string;
  beforeAll(async () => {
    t = await startTriggerLedgerline();
    orgA = t.organizationId;
    orgB = t.app.sandboxes.map((s) => s.organization.id).find((id) => id !== orgA)!;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("revoking the key closes its sockets with 4401 without waiting for an event, and nothing more is delivered", async () => {
    const { id, key } = await t.app.services.apiKeys.create({ name: "to revoke", organizationIds: "*" });
    const client = wsClient(t.app.wsUrl, key);
    const closed = closeCode(client);
    const sub = subscribe(client, EVENT_IDS, {}, "events");
    await expect.poll(async () => {
      await t.runtime.log.append([event(orgA)]);
      return sub.received.length;
    }).toBeGreaterThan(0);

    await t.app.services.apiKeys.revoke(id);
    // No event is appended: the close does not wait for one.
    await expect.poll(() => closed.code, { timeout: 5000 }).toBe(4401);
    expect(closed.reason).toContain("revoked");
    const later = [event(orgA), event(orgA)];
    await t.runtime.log.append(later);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sub.received.map((e) => e.id)).not.toContain(later[0]!.id);
    expect(sub.received.map((e) => e.id)).not.toContain(later[1]!.id);
    await sub.stop();
  });

  it("a grant change ends with FORBIDDEN exactly the subscriptions reading an organization the key lost; the others go on", async () => {
    const { id, key } = await t.app.services.apiKeys.create({ name: "narrowed", organizationIds: [orgA, orgB] });
    const client = wsClient(t.app.wsUrl, key);
    const onlyA = subscribe(client, EVENT_IDS, { filter: { organizationIds: [orgA] } }, "events");
    const onlyB = subscribe(client, EVENT_IDS, { filter: { organizationIds: [orgB] } }, "events");
    const everything = subscribe(client, EVENT_IDS, {}, "events");
    await expect.poll(async () => {
      await t.runtime.log.append([event(orgA), event(orgB)]);
      return [onlyA, onlyB, everything].every((s) => s.received.length > 0);
    }).toBe(true);

    await t.app.services.apiKeys.grant(id, [orgA]);
    // Without any event appended, the two reading orgB end with FORBIDDEN.
    await expect.poll(() => [onlyB.errors.length, everything.errors.length], { timeout: 5000 }).toEqual([1, 1]);
    for (const ended of [onlyB, everything]) expect(ended.errors[0]).toMatchObject({ extensions: { code: "FORBIDDEN" } });
    expect(onlyA.errors).toEqual([]);

    const before = { a: onlyA.received.length, b: onlyB.received.length };
    await t.runtime.log.append([event(orgB), event(orgA)]);
    await expect.poll(() => onlyA.received.length).toBe(before.a + 1);
    expect(onlyA.received.at(-1)).toMatchObject({ organizationId: orgA });
    expect(onlyB.received).toHaveLength(before.b);
    await onlyA.stop();
  });
});

import { describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { KEY_EVENT_TYPES } from "../../src/triggers/event.js";
import { CLUSTER_STORE_URL, clusterSkipReason, useCluster, until, type LoggedEvent } from "./cluster-harness.js";
import { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from "./webhook-receiver.js";

/**
 * Outbound webhooks in a cluster of two gateways on Redis and PostgreSQL, with the sandboxes' own
 * activity producing events: one endpoint (all organizations, all record types) created through
 * instance 0 is delivered by exactly one instance, the holder of its lease, in log order per
 * organization. Then kill -9 of that deliverer: the other instance takes the lapsed lease and carries
 * on, and in the end every event of the log after the endpoint's start arrived at least once, a repeat
 * only with the same webhook-id and the same bytes, and nothing arrived that the log does not hold.
 */

const skip = await clusterSkipReason();
if (skip) console.warn(`skipping the cluster tests (webhooks): ${skip}`);

const WEBHOOK_ENV = {
  LEDGERLINE_TRIGGER_MIN_INTERVAL_SECONDS: "1",
  LEDGERLINE_WEBHOOK_LOOPBACK: "allow",
  LEDGERLINE_WEBHOOK_TIMEOUT_SECONDS: "2",
  LEDGERLINE_WEBHOOK_RETRY_SCHEDULE: "0s,200ms,400ms,800ms,1s,1s,1s,1s",
};
const KEY_TYPES = new Set<string>(KEY_EVENT_TYPES);
const CREATE = `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { id status } } }`;
const STATE = `query($id: ID!) {
  webhookEndpoints { id status disabledReason pendingDeliveries }
  webhookDeliveries(endpointId: $id, first: 10) { edges { node { webhookId organizationId status attemptCount eventCursor attempts { number statusCode error } } } }
}`;

/** The lease's holder value over time (null: nobody holds it), one entry per change seen. */
function watchLease(key: string) {
  const redis = new Redis(CLUSTER_STORE_URL, { maxRetriesPerRequest: 1 });
  const changes: Array<{ at: number; holder: string | null }> = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const holder = await redis.get(key).catch(() => "<error>");
      if (changes.at(-1)?.holder !== holder) changes.push({ at: Date.now(), holder });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return {
    changes,
    async stop() {
      stopped = true;
      await loop;
      redis.disconnect();
    },
  };
}

/** The first arrival of each webhook-id, in arrival order. */
function firstArrivals(received: ReceivedWebhook[]): ReceivedWebhook[] {
  const seen = new Set<string>();
  return received.filter((r) => !seen.has(r.webhookId) && !!seen.add(r.webhookId));
}

describe.runIf(!skip).sequential("outbound webhooks in a cluster of two", () => {
  const fixture = useCluster("webhooks", {
    activityMs: 300,
    cluster: { size: 2, schemaPrefix: "cluster_webhooks", env: WEBHOOK_ENV, connectFirst: ["daftra", "clientary"] },
  });

  it("one deliverer at a time, in log order per organization; after kill -9 of it the other delivers everything, repeats identical", async () => {
    const c = fixture.cluster;
    const receiver: WebhookReceiver = await startWebhookReceiver(() => c.instances.map((g, slot) => (c.running(slot) ? g!.child.pid : undefined)));
    let lease: ReturnType<typeof watchLease> | undefined;
    let endpointId = "";
    let killed: number | undefined;
    let startIndex = -1;
    const diagnostics = async () => {
      const log = await c.loggedEvents();
      const survivor = [0, 1].find((slot) => c.running(slot));
      const state = survivor !== undefined && endpointId ? await c.graphql(survivor, STATE, { id: endpointId }, true).catch((e: Error) => e.message) : "no instance running";
      return [
        `endpoint ${endpointId}, killed instance ${killed}, log: ${log.length} events (endpoint starts after #${startIndex})`,
        `lease changes: ${JSON.stringify(lease?.changes)}`,
        `received ${receiver.received.length}: ${receiver.received.slice(-40).map((r) => `${r.webhookId}@#${r.slot}`).join(" ")}`,
        `gateway state: ${JSON.stringify(state)}`,
        ...[0, 1].map((slot) => `instance ${slot} output (tail):\n${c.output(slot).slice(-2000)}`),
      ].join("\n");
    };
    try {
      // The sandboxes' activity reaches the log once the organizations are polled.
      const early = await until(() => c.loggedEvents(), (events) => events.length > 0, 60_000, "events in the shared log");
      const start = early.at(-1)!;
      const created = await c.graphql<{ createWebhookEndpoint: { secret: string; endpoint: { id: string; status: string } } }>(0, CREATE, {
        input: { url: receiver.url, after: start.cursor, description: "cluster test receiver" },
      });
      endpointId = created.data.createWebhookEndpoint.endpoint.id;
      expect(created.data.createWebhookEndpoint.secret).toMatch(/^whsec_/);
      const leaseKey = `ledgerline:lease:webhooks:webhook:${endpointId}`;
      lease = watchLease(leaseKey);

      // Deliveries flow; every one so far came from one instance: the deliverer.
      await until(async () => receiver.received.length, (n) => n >= 8, 30_000, "8 webhooks received");
      const before = receiver.received.map((r) => r.slot);
      expect(before.includes(undefined), `every request's sender found through /proc\n${await diagnostics()}`).toBe(false);
      expect(new Set(before).size, `one instance delivers\n${await diagnostics()}`).toBe(1);
      const deliverer = before[0]!;
      const survivor = 1 - deliverer;
      const held = lease.changes.filter((ch) => ch.holder !== null);
      expect(held.length, `the lease ${leaseKey} is held, by one holder, while it delivers\n${await diagnostics()}`).toBe(1);
      const firstHolder = held[0]!.holder;

      // kill -9 of the deliverer; the activity goes on, and the other instance takes over once the lease lapses.
      killed = deliverer;
      const killSentAt = Date.now();
      await c.kill(deliverer);
      const fromSurvivor = async () => receiver.received.filter((r) => r.slot === survivor).length;
      await until(fromSurvivor, (n) => n >= 5, 40_000, `instance ${survivor} delivers after the kill`).catch(async (error: Error) => {
        throw new Error(`${error.message}\n${await diagnostics()}`);
      });

      // Every event of the log (after the start, of a record type) by now arrives at least once.
      const snapshot = await c.loggedEvents();
      startIndex = snapshot.findIndex((e) => e.cursor === start.cursor);
      expect(startIndex, "the start event is in the log").toBeGreaterThanOrEqual(0);
      const expected = snapshot.slice(startIndex + 1).filter((e) => !KEY_TYPES.has(e.type));
      const missing = async () => {
        const got = new Set(receiver.received.map((r) => r.webhookId));
        return expected.filter((e) => !got.has(e.id)).map((e) => e.id);
      };
      await until(missing, (ids) => ids.length === 0, 30_000, `all ${expected.length} logged events received`).catch(async (error: Error) => {
        throw new Error(`${error.message}\n${await diagnostics()}`);
      });
      await lease.stop();
      const report = await diagnostics();

      // Nothing arrived that the log does not hold; each body is that event, the same bytes on every arrival.
      const log = await c.loggedEvents();
      const byId = new Map<string, { event: LoggedEvent; index: number }>(log.map((event, index) => [event.id, { event, index }]));
      const received = [...receiver.received];
      const unknown = received.filter((r) => !byId.has(r.webhookId) || byId.get(r.webhookId)!.index <= startIndex);
      expect(unknown.map((r) => r.webhookId), `received but not in the log after the start\n${report}`).toEqual([]);
      for (const r of received) {
        const body = JSON.parse(r.body) as { id: string; cursor: string; type: string; organizationId: string };
        const { event } = byId.get(r.webhookId)!;
        expect({ id: body.id, cursor: body.cursor, type: body.type, organizationId: body.organizationId }, `body of ${r.webhookId}`).toEqual({
          id: event.id, cursor: event.cursor, type: event.type, organizationId: event.organizationId,
        });
      }
      const bodies = new Map<string, Set<string>>();
      for (const r of received) bodies.set(r.webhookId, (bodies.get(r.webhookId) ?? new Set()).add(r.body));
      const differing = [...bodies].filter(([, set]) => set.size > 1).map(([id]) => id);
      expect(differing, `repeats with other bytes\n${report}`).toEqual([]);

      // (1) First arrivals in log order within each organization.
      const firsts = firstArrivals(received);
      const organizations = new Set(firsts.map((r) => byId.get(r.webhookId)!.event.organizationId));
      for (const organizationId of organizations) {
        const order = firsts.filter((r) => byId.get(r.webhookId)!.event.organizationId === organizationId).map((r) => byId.get(r.webhookId)!.index);
        expect(order, `first arrivals of ${organizationId} in log order\n${report}`).toEqual([...order].sort((a, b) => a - b));
      }

      // (2) One deliverer at a time: the killed one until it died, then only the survivor.
      const slots = received.map((r) => r.slot);
      expect(slots.includes(undefined), `every request's sender found\n${report}`).toBe(false);
      const switchAt = slots.indexOf(survivor);
      expect(slots.slice(0, switchAt).every((s) => s === deliverer), `only instance ${deliverer} before the switch\n${report}`).toBe(true);
      expect(slots.slice(switchAt).every((s) => s === survivor), `only instance ${survivor} after it\n${report}`).toBe(true);
      expect(received[switchAt]!.at, "the survivor delivers only after the kill").toBeGreaterThanOrEqual(killSentAt);
      const holders = lease.changes.map((ch) => ch.holder).filter((h): h is string => h !== null && h !== "<error>");
      expect(new Set(holders).size, `the lease passed to a new holder once\n${report}`).toBe(2);
      expect(holders[0]).toBe(firstHolder);
      expect(holders.at(-1)).not.toBe(firstHolder);

      const duplicates = received.length - bodies.size;
      console.log(
        `webhooks: instance ${deliverer} delivered ${switchAt} requests, killed; instance ${survivor} delivered ${received.length - switchAt};` +
          ` ${bodies.size} events received (${expected.length} expected at the snapshot), ${duplicates} repeats, ${organizations.size} organizations`,
      );
    } finally {
      await lease?.stop();
      await receiver.close();
    }
  }, 150_000);
});

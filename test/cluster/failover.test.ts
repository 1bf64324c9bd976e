import { describe, expect, it } from "vitest";
import { arrivals, clusterSkipReason, createDaftraClient, pollHolder, resumingSubscriber, useCluster, until } from "./cluster-harness.js";

/**
 * kill -9 of the instance polling a Daftra organization (it releases nothing): another instance takes
 * the lapsed lease and polls within 15 s, and clients created at the sandbox just before and just after
 * the kill each yield exactly one CONTACT_CREATED event in the shared log, delivered once to a
 * subscriber connected through the balancer.
 */

const skip = await clusterSkipReason();
if (skip) console.warn(`skipping the cluster tests (failover): ${skip}`);

const TAKEOVER_LIMIT_MS = 15_000;

describe.runIf(!skip).sequential("failover after kill -9 in a cluster of three", () => {
  const fixture = useCluster("b", { cluster: { size: 3, schemaPrefix: "cluster_failover", env: { LEDGERLINE_TRIGGER_MIN_INTERVAL_SECONDS: "1" }, connectFirst: ["daftra"] } });

  it("another instance polls within 15 s of the holder's kill -9; a change made around the kill is one event, delivered once", async () => {
    const c = fixture.cluster;
    const organizationId = c.organizations.daftra!;
    const holder = await pollHolder(c, organizationId, 30_000);
    const subscriber = resumingSubscriber(c.balancer.wsUrl, c.adminKey, { organizationIds: [organizationId] });
    try {
      const before = await createDaftraClient(fixture.sandboxes.ready, `Before kill ${Date.now()}`);
      const killedAt = Date.now();
      await c.kill(holder);
      const after = await createDaftraClient(fixture.sandboxes.ready, `After kill ${Date.now()}`);

      // Nothing reaches the sandbox from the killed process: the first request after the kill is another instance's poll.
      const firstPoll = await until(async () => arrivals(c.gates.daftra, "/api2/", killedAt + 50)[0], (at) => at !== undefined, TAKEOVER_LIMIT_MS + 15_000, "another instance polls the organization");
      const takeoverMs = firstPoll! - killedAt;
      const next = await pollHolder(c, organizationId, 10_000);
      console.log(`failover: instance ${holder} killed; instance ${next} polled ${takeoverMs} ms later`);
      expect(next).not.toBe(holder);
      expect(takeoverMs, "kill -9 → another instance's first poll").toBeLessThanOrEqual(TAKEOVER_LIMIT_MS);

      const remoteIds = [`client:${before}`, `client:${after}`];
      const createdOf = async () => (await c.loggedEvents()).filter((e) => e.type === "CONTACT_CREATED" && remoteIds.includes(e.remoteId));
      await until(createdOf, (events) => remoteIds.every((id) => events.some((e) => e.remoteId === id)), 30_000, "both clients' CONTACT_CREATED events in the log");
      // A few more polls by the new holder (and a reconcile of what the killed one may have half-done) add nothing.
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      const events = await createdOf();
      expect(events.map((e) => e.remoteId).sort(), "one CONTACT_CREATED per client in the log").toEqual([...remoteIds].sort());

      const logged = new Set(events.map((e) => e.id));
      await until(async () => subscriber.received.filter((e) => logged.has(e.id)).length, (n) => n >= logged.size, 15_000, "the subscriber receives both events");
      const delivered = subscriber.received.filter((e) => logged.has(e.id)).map((e) => e.id);
      expect(delivered.sort(), "each delivered once").toEqual([...logged].sort());
      expect(new Set(subscriber.received.map((e) => e.id)).size, "no event delivered twice").toBe(subscriber.received.length);
      expect(subscriber.errors).toEqual([]);
    } finally {
      await subscriber.stop();
    }
  }, 120_000);
});

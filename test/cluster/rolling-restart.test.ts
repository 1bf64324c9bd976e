import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { clusterSkipReason, gapsOver, pollingGap, queryLoad, resumingSubscriber, rollingRestart, useCluster, until } from "./cluster-harness.js";

/**
 * A rolling restart of three instances behind the balancer while clients query through it and a
 * subscriber follows the event log: SIGTERM, wait for the exit, start again, one instance after the
 * other. No HTTP request fails (the balancer takes a draining instance out on its 503 `/readyz` during
 * LEDGERLINE_STOP_DELAY_SECONDS, and sends a try whose connection was refused to the next instance),
 * the subscriber — closed with 1012 by each instance it was on, and resuming through the balancer with
 * its last cursor — receives every event of the log once, and the Daftra organization is never left
 * unpolled for 5 s (the stopping holder releases its lease; a standby takes it at its next try).
 *
 * The gap is asserted on both organizations: the pollers spend their share evenly (a pro-rata part of
 * it in any 2 s), so at the default budgets (Daftra's and Clientary's 120 calls a minute, half for the
 * pollers) an organization is polled every second or two, and a gap of 5 s can only come from the restart.
 */

const skip = await clusterSkipReason();
if (skip) console.warn(`skipping the cluster tests (rolling restart): ${skip}`);

const GAP_LIMIT_MS = 5_000;
const CLIENTS = 4;
const MIRROR_QUERY = `query($o: ID!) { organization(id: $o) { id contacts(first: 5, source: MIRROR) { edges { node { id name } } } } }`;

describe.runIf(!skip).sequential("a rolling restart of three instances under load", () => {
  // The sandboxes change their books every second, so events keep coming during the restart.
  const fixture = useCluster("d", {
    activityMs: 1000,
    cluster: {
      size: 3, schemaPrefix: "cluster_rolling", connectFirst: ["daftra", "clientary"],
      env: { LEDGERLINE_TRIGGER_MIN_INTERVAL_SECONDS: "1", LEDGERLINE_STOP_DELAY_SECONDS: "1", LOG_LEVEL: process.env.CLUSTER_LOG_LEVEL ?? "silent" },
    },
  });

  it("0 failed HTTP requests, 0 lost or repeated events, polling gap < 5 s", async () => {
    const c = fixture.cluster;
    const { daftra, clientary } = c.organizations;
    // Both organizations are polled and their mirror is filled before the load starts.
    for (const id of [daftra!, clientary!]) {
      await until(() => c.graphql(0, MIRROR_QUERY, { o: id }, true).then((r) => (r.errors ? 0 : r.data.organization?.contacts.edges.length ?? 0)), (n) => n > 0, 60_000, `the mirror of ${id} answers`);
    }
    const subscriber = resumingSubscriber(c.balancer.wsUrl, c.adminKey);
    let turn = 0;
    const load = queryLoad(() => c.balancer.url, c.adminKey, MIRROR_QUERY, () => ({ o: turn++ % 2 === 0 ? daftra : clientary }), CLIENTS);
    let restart: Awaited<ReturnType<typeof rollingRestart>>;
    let warmFrom = 0;
    try {
      warmFrom = Date.now();
      await sleep(8_000);
      restart = await rollingRestart(c);
      await sleep(3_000);
    } finally {
      await load.stop();
    }
    try {
      const logged = await c.loggedEvents();
      const ids = new Set(logged.map((e) => e.id));
      await until(async () => subscriber.received.filter((e) => ids.has(e.id)).length, (n) => n >= ids.size, 30_000, `the subscriber receives the ${ids.size} events of the log`);
      const long = { daftra: gapsOver(c.gates.daftra, "/api2/", restart.from, restart.to, 2_000), clientary: gapsOver(c.gates.clientary, "/api/", restart.from, restart.to, 2_000) };
      console.log(`steady state before the restart: longest gaps ${pollingGap(c.gates.daftra, "/api2/", warmFrom, restart.from)} ms (Daftra), ${pollingGap(c.gates.clientary, "/api/", warmFrom, restart.from)} ms (Clientary)`);
      if (process.env.CLUSTER_LOG_LEVEL) for (let slot = 0; slot < c.size; slot++) console.log(`instance ${slot}:\n${c.output(slot)}`);
      console.log(`SIGTERMs at ${JSON.stringify(restart.steps.map((s) => s.signalledAt - restart.from))} ms; gaps over 2 s [at, ms]: ${JSON.stringify(long)}`);
      const gaps = { daftra: pollingGap(c.gates.daftra, "/api2/", restart.from, restart.to), clientary: pollingGap(c.gates.clientary, "/api/", restart.from, restart.to) };
      console.log(`rolling restart: ${JSON.stringify(restart.steps)}; ${load.ok} queries answered, ${load.failures.length} failed; balancer ${JSON.stringify(c.balancer.stats)}; `
        + `${ids.size} events logged, ${subscriber.received.length} delivered, close codes ${JSON.stringify(subscriber.closeCodes)}, ${subscriber.resubscribes} resubscriptions; polling gaps ${JSON.stringify(gaps)} ms`);

      expect(restart.steps.map((s) => s.exit), "each instance stops cleanly on SIGTERM").toEqual([0, 0, 0]);
      expect(load.failures.slice(0, 5), "failed HTTP requests").toEqual([]);
      expect(load.ok).toBeGreaterThan(0);
      expect(ids.size, "events were logged during the test").toBeGreaterThan(0);
      const delivered = subscriber.received.map((e) => e.id);
      expect(new Set(delivered).size, "no event delivered twice").toBe(delivered.length);
      expect([...ids].filter((id) => !delivered.includes(id)), "events of the log the subscriber missed").toEqual([]);
      expect(subscriber.closeCodes.filter((code) => code === 1012).length, "the subscriber was closed with 1012 (service restart) at least once").toBeGreaterThan(0);
      expect(subscriber.errors).toEqual([]);
      expect(gaps.daftra, "longest time without a Daftra poll").toBeLessThan(GAP_LIMIT_MS);
      expect(gaps.clientary, "longest time without a Clientary poll").toBeLessThan(GAP_LIMIT_MS);
    } finally {
      await subscriber.stop();
    }
  }, 240_000);
});

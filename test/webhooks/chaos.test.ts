import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { Provider } from "../../schema/common/provider.enum.js";
import type { StoredEvent } from "../../src/triggers/event.js";
import { bootGateway, waitFor, readLog, FAST_LIST_CACHE_TTL_MS, FAST_POLLING_ENV, fastCatchUpSettings, graphql, killHard, stopGracefully, type GatewayProcess } from "../triggers/gateway-process.js";
import { driveActivity, freePort, seededRandom, startSandboxFleet, type Fleet } from "../triggers/sandbox-fleet.js";
import { startFlakyReceiver, type AcceptedRequest, type FlakyReceiver } from "./flaky-receiver.js";

/**
 * Outbound webhooks under crashes and a flaky receiver, end to end: the provider sandboxes run in this
 * process and keep changing; the compiled gateway runs as a child process with one endpoint for every
 * organization and event type, and is killed with SIGKILL at random points and started again on the
 * same data folder; the receiver fails about a fifth of the requests (500, a hang past the timeout, a
 * reset). In the end every event of the log was accepted, nothing else was, re-sends are exact copies,
 * each organization's events were first accepted in log order, and every signature verifies.
 *
 * Seeded: WEBHOOK_CHAOS_SEED=<n> repeats the draws (the sandbox actions, the kill delays and the
 * receiver's failures; the timing of polls and deliveries against them still varies from run to run).
 */

const ENTRY = "dist/src/main.js";
const SEED = Number(process.env.WEBHOOK_CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31));
const KILLS = 3;

/** Pollers as fast as the scheduler allows; deliveries time out after 0.5 s and are retried within about a second, 20 times. */
const GATEWAY_ENV = {
  ...FAST_POLLING_ENV,
  LEDGERLINE_WEBHOOK_TIMEOUT_SECONDS: "0.5",
  LEDGERLINE_WEBHOOK_RETRY_SCHEDULE: "0s,100ms,200ms,400ms,800ms,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s",
  LEDGERLINE_WEBHOOK_LOOPBACK: "allow",
};
const LIST_CACHE_TTL_MS = FAST_LIST_CACHE_TTL_MS;
const ORGANIZATION_SETTINGS = fastCatchUpSettings;

const POLLERS = `{ organizations { id provider triggers { entity baselineAt lastRunAt lastFullScanAt lastError } } }`;
const CREATE = `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { id } } }`;
const DELIVERIES = `query($id: ID!, $status: WebhookDeliveryStatus) { webhookDeliveries(endpointId: $id, status: $status, first: 100) { edges { node { webhookId organizationId attemptCount } } } }`;

interface Poller { entity: string; baselineAt: string | null; lastRunAt: string | null; lastFullScanAt: string | null; lastError: string | null }
interface DeliveryRow { webhookId: string; organizationId: string | null; attemptCount: number }

/** What an accepted request carried: the event id of its header and of its body. */
const headerId = (request: AcceptedRequest) => request.headers["webhook-id"] ?? "";
const bodyOf = (request: AcceptedRequest) => JSON.parse(request.body) as Partial<StoredEvent>;

describe("outbound webhooks: SIGKILL at random points and a receiver that fails a fifth of the requests", () => {
  it("every event of the log is accepted, nothing else; re-sends are exact; each organization's first acceptances follow the log; signatures verify", async () => {
    expect(existsSync(ENTRY), `${ENTRY} is missing: build first (npx tsc -p tsconfig.json)`).toBe(true);
    console.log(`webhook-chaos: seed ${SEED} (WEBHOOK_CHAOS_SEED=${SEED} repeats the draws)`);
    const dataDir = await mkdtemp(path.join(tmpdir(), "ledgerline-webhook-chaos-"));
    const killRandom = seededRandom(SEED ^ 0x5bd1e995);
    const began = Date.now();
    const phases: string[] = [];
    const phase = (name: string) => phases.push(`${name} ${((Date.now() - began) / 1000).toFixed(1)} s`);
    let fleet: Fleet | undefined;
    let receiver: FlakyReceiver | undefined;
    let gateway: GatewayProcess | undefined;
    let activity: ReturnType<typeof driveActivity> | undefined;
    try {
      fleet = await startSandboxFleet({ dataDir, seed: SEED, settings: ORGANIZATION_SETTINGS });
      receiver = await startFlakyReceiver({ random: seededRandom(SEED ^ 0x2545f491), failureRate: 0.2, hangMs: 1000 });
      const key = fleet.apiKey;
      const port = await freePort();
      const boot = () => bootGateway({ dataDir, port, env: GATEWAY_ENV });
      const pollers = async () => (await graphql<{ organizations: Array<{ id: string; provider: string; triggers: Poller[] }> }>(gateway!.url, key, POLLERS)).data.organizations;
      const describePollers = async () => JSON.stringify((await pollers()).map((o) => ({ provider: o.provider, triggers: o.triggers })));

      gateway = await boot();
      await waitFor(async () => (await pollers()).flatMap((o) => o.triggers).every((p) => p.baselineAt !== null), 30_000, async () => `every baseline: ${await describePollers()}`);

      // One endpoint for every organization and event type, created before any business happens.
      const created = await graphql<{ createWebhookEndpoint: { secret: string; endpoint: { id: string } } }>(gateway.url, key, CREATE, {
        input: { url: receiver.url, description: "chaos test receiver" },
      });
      const { secret, endpoint } = created.data.createWebhookEndpoint;
      phase("baselines and endpoint");
      const deliveries = async (status: "PENDING" | "FAILED") =>
        (await graphql<{ webhookDeliveries: { edges: Array<{ node: DeliveryRow }> } }>(gateway!.url, key, DELIVERIES, { id: endpoint.id, status })).data.webhookDeliveries.edges.map((e) => e.node);
      expect(await readLog(dataDir), "the log holds no event before the activity starts").toEqual([]);

      activity = driveActivity(fleet.sandboxes, seededRandom(SEED));
      await waitFor(() => receiver!.accepted.length > 0, 30_000, () => `a first accepted delivery (${activity!.steps} steps, receiver ${JSON.stringify(receiver!.counts)})`);

      const kills: string[] = [];
      for (let round = 1; round <= KILLS; round++) {
        const delayMs = Math.round(1000 + killRandom() * 3000);
        await sleep(delayMs);
        await killHard(gateway);
        kills.push(`kill ${round} after ${delayMs} ms: ${receiver.accepted.length} accepted, ${(await readLog(dataDir)).length} events in the log, ${activity.steps} steps`);
        gateway = await boot();
      }
      await sleep(Math.round(1000 + killRandom() * 3000));
      await activity.stop();
      const stoppedAt = Date.now();
      phase("activity and kills");

      // Catching up (as in the SIGKILL resume test): every poller runs and lists in full twice after the last change.
      const caughtUp = (since: number) => waitFor(
        async () => (await pollers()).flatMap((o) => o.triggers).every((p) => Date.parse(p.lastRunAt ?? "") > since && Date.parse(p.lastFullScanAt ?? "") > since),
        60_000, async () => `pollers to run after ${new Date(since).toISOString()}: ${await describePollers()}`,
      );
      await caughtUp(stoppedAt + LIST_CACHE_TTL_MS);
      await caughtUp(Date.now());
      phase("pollers caught up");

      // Draining: nothing pending, and every event of the log (queued after it was read) accepted.
      const acceptedIds = () => new Set(receiver!.accepted.map(headerId));
      let stored = await readLog(dataDir);
      await waitFor(
        async () => (await deliveries("PENDING")).length === 0 && stored.every((e) => acceptedIds().has(e.id)),
        30_000,
        async () => `the queue to drain: ${(await deliveries("PENDING")).length} pending, ${stored.filter((e) => !acceptedIds().has(e.id)).length} of ${stored.length} events not accepted yet`,
      );
      await sleep(500);
      stored = await readLog(dataDir);
      const failed = await deliveries("FAILED");
      phase("queue drained");
      expect(await stopGracefully(gateway)).toBe(0);
      gateway = undefined;

      const accepted = [...receiver.accepted];
      console.log([
        `webhook-chaos: ${activity.steps} activity steps, ${stored.length} events in the log, ${accepted.length} requests accepted (${new Set(accepted.map(headerId)).size} distinct ids)`,
        `receiver: ${JSON.stringify(receiver.counts)}`,
        ...kills,
        `at ${phases.join(", ")}`,
      ].join("\n  "));

      // Signatures: each accepted request verifies with the endpoint's secret (Standard Webhooks' own library).
      const verifier = new Webhook(secret);
      const unverified = accepted.filter((r) => {
        try {
          verifier.verify(r.body, r.headers);
          return false;
        } catch {
          return true;
        }
      });
      expect(unverified.map((r) => `${headerId(r)}: ${r.headers["webhook-signature"]}`)).toEqual([]);

      // Exactly the log: every event accepted, nothing else; each body is its event.
      const logById = new Map(stored.map((e) => [e.id, e]));
      expect(stored.filter((e) => e.organizationId === null).map((e) => e.type), "no key events (the endpoint was never disabled)").toEqual([]);
      expect(stored.length, "the activity raised events").toBeGreaterThan(0);
      expect(stored.filter((e) => !acceptedIds().has(e.id)).map((e) => `${e.type} ${e.id}`)).toEqual([]);
      expect(accepted.filter((r) => !logById.has(headerId(r))).map((r) => r.body.slice(0, 200))).toEqual([]);
      const mismatched = accepted.filter((r) => {
        const body = bodyOf(r);
        const event = logById.get(headerId(r))!;
        return body.id !== event.id || body.cursor !== event.cursor || body.type !== event.type || body.organizationId !== event.organizationId
          || body.remoteId !== event.remoteId || body.detectedAt !== event.detectedAt;
      });
      expect(mismatched.map((r) => `${headerId(r)}: ${r.body.slice(0, 200)}`)).toEqual([]);

      // Duplicates are re-sends of one event: the same webhook-id and the same bytes every time.
      const byEvent = new Map<string, AcceptedRequest[]>();
      for (const r of accepted) {
        const id = String(bodyOf(r).id);
        byEvent.set(id, [...(byEvent.get(id) ?? []), r]);
      }
      const inexact = [...byEvent].filter(([, copies]) => new Set(copies.map(headerId)).size !== 1 || new Set(copies.map((c) => c.body)).size !== 1);
      expect(inexact.map(([id, copies]) => `${id}: ids ${[...new Set(copies.map(headerId))].join(",")}, ${new Set(copies.map((c) => c.body)).size} bodies`)).toEqual([]);

      // Order: per organization, the first acceptance of each event follows the log.
      const firstSeen = new Set<string>();
      const firstOrder = new Map<string, string[]>();
      for (const r of accepted) {
        const id = headerId(r);
        if (firstSeen.has(id)) continue;
        firstSeen.add(id);
        const organizationId = String(bodyOf(r).organizationId);
        firstOrder.set(organizationId, [...(firstOrder.get(organizationId) ?? []), id]);
      }
      for (const organizationId of fleet.organizationIds) {
        const logOrder = stored.filter((e) => e.organizationId === organizationId).map((e) => e.id);
        expect(firstOrder.get(organizationId) ?? [], `first acceptances of organization ${organizationId} in log order`).toEqual(logOrder);
      }
      expect(failed.map((d) => `${d.webhookId} after ${d.attemptCount} attempts`), "no delivery exhausted its attempts").toEqual([]);
      expect(activity.failures).toEqual([]);
    } finally {
      await activity?.stop();
      if (gateway) await killHard(gateway);
      await receiver?.close();
      await fleet?.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

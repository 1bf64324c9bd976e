import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { Client } from "graphql-ws";
import { describe, expect, it } from "vitest";
import { toGlobalId } from "../../src/ids/global-id.js";
import type { EntityName } from "../../src/connector/entities.js";
import { Provider } from "../../schema/common/provider.enum.js";
import { bootGateway, waitFor, readLog, FAST_LIST_CACHE_TTL_MS, FAST_POLLING_ENV, fastCatchUpSettings, graphql, killHard, stopGracefully, type GatewayProcess } from "./gateway-process.js";
import { driveActivity, freePort, seededRandom, startSandboxFleet, type Fleet, type SandboxChange } from "./sandbox-fleet.js";
import { wsClient } from "./ws-subscriber.js";

/**
 * Crash safety end to end: the provider sandboxes run in this process and keep changing, while the
 * compiled gateway runs as a child process that is killed with SIGKILL at random points and started
 * again on the same data folder. A subscriber resumes each time from the last cursor it received.
 * In the end every change is delivered, none twice, and what was delivered is exactly the log.
 *
 * Seeded: SIGKILL_RESUME_SEED=<n> repeats the draws (the sandbox actions and the kill delays; the
 * timing of polls against them still varies from run to run).
 */

const ENTRY = "dist/src/main.js";
const SEED = Number(process.env.SIGKILL_RESUME_SEED ?? Math.floor(Math.random() * 2 ** 31));
const KILLS = 4;

/** Pollers as fast as the scheduler allows (a poll of each kind about every second), on a generous budget. */
const GATEWAY_ENV = FAST_POLLING_ENV;
const LIST_CACHE_TTL_MS = FAST_LIST_CACHE_TTL_MS;
const ORGANIZATION_SETTINGS = fastCatchUpSettings;

const EVENTS = `subscription($filter: EventFilter) { events(filter: $filter) { cursor id type change entity organizationId remoteId record { updatedAt } } }`;
const POLLERS = `{ organizations { id provider triggers { entity changes baselineAt lastRunAt lastFullScanAt lastError } } }`;
const NODES = `query($ids: [ID!]!) { nodes(ids: $ids) { id updatedAt } }`;

interface DeliveredEvent {
  cursor: string;
  id: string;
  type: string;
  change: string;
  entity: EntityName;
  organizationId: string;
  remoteId: string;
  record: { updatedAt: string | null } | null;
}

interface Poller {
  entity: EntityName;
  changes: string[];
  baselineAt: string | null;
  lastRunAt: string | null;
  lastFullScanAt: string | null;
  lastError: string | null;
}

interface OrganizationPollers {
  id: string;
  provider: string;
  triggers: Poller[];
}

/** One subscription on its own connection, appending what it receives to `sink`. */
interface Subscription {
  client: Client;
  /** Resolves when the connection closes or the subscription ends. */
  ended: Promise<void>;
  /** Resolves when the server acknowledged the connection. */
  connected: Promise<void>;
  /** Transport errors (expected only when the gateway is killed). */
  closeErrors: unknown[];
}

function subscribeEvents(wsUrl: string, key: string, after: string | undefined, sink: DeliveredEvent[], graphqlErrors: unknown[]): Subscription {
  const client = wsClient(wsUrl, key);
  const closeErrors: unknown[] = [];
  let end!: () => void;
  const ended = new Promise<void>((resolve) => (end = resolve));
  const connected = new Promise<void>((resolve) => client.on("connected", () => resolve()));
  client.on("closed", () => end());
  client.subscribe<{ events: DeliveredEvent }>({ query: EVENTS, variables: { filter: after ? { after } : {} } }, {
    next: (result) => {
      if (result.errors) graphqlErrors.push(...result.errors);
      if (result.data) sink.push(result.data.events);
    },
    error: (error) => {
      if (Array.isArray(error)) graphqlErrors.push(...error);
      else closeErrors.push(error);
      end();
    },
    complete: () => end(),
  });
  return { client, ended, connected, closeErrors };
}

const recordKey = (organizationId: string, entity: EntityName | undefined, remoteId: string) => `${organizationId}|${entity}|${remoteId}`;
const countOf = <T>(items: T[], keep: (item: T) => boolean) => items.filter(keep).length;
const duplicates = (values: string[]) => [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];

describe("SIGKILL at random points while the sandboxes keep changing", () => {
  it("resuming from the last cursor delivers every change once, and exactly what the log holds", async () => {
    expect(existsSync(ENTRY), `${ENTRY} is missing: build first (npx tsc -p tsconfig.json)`).toBe(true);
    console.log(`sigkill-resume: seed ${SEED} (SIGKILL_RESUME_SEED=${SEED} repeats the draws)`);
    const dataDir = await mkdtemp(path.join(tmpdir(), "ledgerline-sigkill-"));
    const activityRandom = seededRandom(SEED);
    const killRandom = seededRandom(SEED ^ 0x5bd1e995);
    let fleet: Fleet | undefined;
    let gateway: GatewayProcess | undefined;
    let subscription: Subscription | undefined;
    let activity: ReturnType<typeof driveActivity> | undefined;
    try {
      fleet = await startSandboxFleet({ dataDir, seed: SEED, settings: ORGANIZATION_SETTINGS });
      const key = fleet.apiKey;
      const port = await freePort();
      const boot = () => bootGateway({ dataDir, port, env: GATEWAY_ENV });
      const pollers = async () => (await graphql<{ organizations: OrganizationPollers[] }>(gateway!.url, key, POLLERS)).data.organizations;
      const describePollers = async () => JSON.stringify((await pollers()).map((o) => ({ provider: o.provider, triggers: o.triggers })), null, 1);

      // The first start takes the baselines: what the sandboxes hold now raises no event.
      gateway = await boot();
      await waitFor(async () => (await pollers()).flatMap((o) => o.triggers).every((p) => p.baselineAt !== null), 30_000, async () => `every baseline: ${await describePollers()}`);
      const atBaseline = await pollers();
      expect(atBaseline.map((o) => o.id).sort()).toEqual([...fleet.organizationIds].sort());
      const pollerOf = new Map<string, Poller>(atBaseline.flatMap((o) => o.triggers.map((p): [string, Poller] => [`${o.id}|${p.entity}`, p])));
      const declares = (organizationId: string, entity: EntityName | undefined, change: string) => pollerOf.get(`${organizationId}|${entity}`)?.changes.includes(change) ?? false;

      // A live subscriber from the (still empty) log's head, then business in the sandboxes.
      const delivered: DeliveredEvent[] = [];
      const graphqlErrors: unknown[] = [];
      subscription = subscribeEvents(gateway.wsUrl, key, undefined, delivered, graphqlErrors);
      await subscription.connected;
      activity = driveActivity(fleet.sandboxes, activityRandom);
      await waitFor(() => delivered.length > 0, 30_000, () => `a first event (${activity!.steps} steps so far, errors ${JSON.stringify(graphqlErrors)})`);

      const kills: string[] = [];
      for (let round = 1; round <= KILLS; round++) {
        const delayMs = Math.round(1000 + killRandom() * 3000);
        await sleep(delayMs);
        await killHard(gateway);
        // Everything the dead gateway sent is handled before its connection reports closed.
        await Promise.race([subscription.ended, sleep(5000)]);
        await subscription.client.dispose();
        kills.push(`kill ${round} after ${delayMs} ms: ${delivered.length} events delivered of ${(await readLog(dataDir)).length} in the log, ${activity.steps} steps`);
        const after = delivered.at(-1)!.cursor;
        gateway = await boot();
        subscription = subscribeEvents(gateway.wsUrl, key, after, delivered, graphqlErrors);
        await subscription.connected;
      }
      await sleep(Math.round(1000 + killRandom() * 3000));
      await activity.stop();
      const stoppedAt = Date.now();

      // Catching up: every poller completes a poll and a full listing that both began after the last change
      // (and after any cached list from before it expired). A run that completed after `since` began after
      // the one before it, which completed after the first mark.
      const caughtUp = (since: number) => waitFor(
        async () => (await pollers()).flatMap((o) => o.triggers).every((p) => Date.parse(p.lastRunAt ?? "") > since && Date.parse(p.lastFullScanAt ?? "") > since),
        60_000, async () => `pollers to run after ${new Date(since).toISOString()}: ${await describePollers()}`,
      );
      await caughtUp(stoppedAt + LIST_CACHE_TTL_MS);
      await caughtUp(Date.now());
      const finalPollers = await pollers();

      // The log as stored, and the subscriber holding all of it.
      let stored = await readLog(dataDir);
      await waitFor(() => delivered.length >= stored.length, 30_000, () => `the subscriber to receive ${stored.length} events (has ${delivered.length})`);
      await sleep(500);
      stored = await readLog(dataDir);

      // The log read again through the API, from the first delivered cursor.
      const replayed: DeliveredEvent[] = [];
      const replay = subscribeEvents(gateway.wsUrl, key, delivered[0]!.cursor, replayed, graphqlErrors);
      await waitFor(() => replayed.length >= stored.length - 1, 30_000, () => `the replay to reach ${stored.length - 1} events (has ${replayed.length})`);
      await replay.client.dispose();

      // Each record's current version, for the entities that report updates.
      const changes = activity.changes;
      const hardDeleted = new Set(changes.filter((c) => c.kind === "deleted").map((c) => recordKey(c.organizationId, c.entity, c.remoteId)));
      const eventsOf = new Map<string, DeliveredEvent[]>();
      for (const event of delivered) {
        const k = recordKey(event.organizationId, event.entity, event.remoteId);
        eventsOf.set(k, [...(eventsOf.get(k) ?? []), event]);
      }
      const toCheck = new Map<string, { organizationId: string; entity: EntityName; remoteId: string }>();
      for (const c of changes) {
        if (c.entity && declares(c.organizationId, c.entity, "UPDATED") && !hardDeleted.has(recordKey(c.organizationId, c.entity, c.remoteId))) {
          toCheck.set(recordKey(c.organizationId, c.entity, c.remoteId), { organizationId: c.organizationId, entity: c.entity, remoteId: c.remoteId });
        }
      }
      for (const e of delivered) {
        if (declares(e.organizationId, e.entity, "UPDATED") && !hardDeleted.has(recordKey(e.organizationId, e.entity, e.remoteId))) {
          toCheck.set(recordKey(e.organizationId, e.entity, e.remoteId), { organizationId: e.organizationId, entity: e.entity, remoteId: e.remoteId });
        }
      }
      const current = new Map<string, { updatedAt: string | null } | null>();
      const checkList = [...toCheck.entries()];
      for (let i = 0; i < checkList.length; i += 50) {
        const chunk = checkList.slice(i, i + 50);
        const ids = chunk.map(([, r]) => toGlobalId({ organizationId: r.organizationId, type: r.entity, remoteId: r.remoteId }));
        const { data } = await graphql<{ nodes: Array<{ updatedAt: string | null } | null> }>(gateway.url, key, NODES, { ids }, true);
        chunk.forEach(([k], j) => current.set(k, data?.nodes?.[j] ?? null));
      }

      const finalErrors = subscription.closeErrors;
      await subscription.client.dispose();
      subscription = undefined;
      expect(await stopGracefully(gateway)).toBe(0);
      gateway = undefined;

      const countsByType: Record<string, number> = {};
      for (const e of delivered) countsByType[e.type] = (countsByType[e.type] ?? 0) + 1;
      console.log([
        `sigkill-resume: ${activity.steps} activity steps (${activity.failures.length} failed in the simulator), ${changes.length} records changed, ${changes.filter((c) => c.entity).length} of watched kinds`,
        ...kills,
        `${delivered.length} events delivered, ${stored.length} in the log: ${JSON.stringify(countsByType)}`,
      ].join("\n  "));

      // Delivery: once each, in log order, all of the log; the replay from the first cursor agrees.
      expect(graphqlErrors).toEqual([]);
      expect(finalErrors).toEqual([]);
      expect(duplicates(delivered.map((e) => e.id))).toEqual([]);
      expect(duplicates(delivered.map((e) => e.cursor))).toEqual([]);
      expect(delivered.map((e) => e.id)).toEqual(stored.map((e) => e.id));
      expect(delivered.map((e) => e.cursor)).toEqual(stored.map((e) => e.cursor));
      expect(replayed.map((e) => e.id)).toEqual(stored.slice(1).map((e) => e.id));

      // Detection: the pollers are healthy, and every change the activity made after the baselines is there.
      expect(finalPollers.flatMap((o) => o.triggers.filter((p) => p.lastError !== null).map((p) => `${o.provider} ${p.entity}: ${p.lastError}`))).toEqual([]);
      const problems: string[] = [];
      const say = (c: { organizationId: string; entity?: EntityName; remoteId: string }, text: string) => {
        const provider = atBaseline.find((o) => o.id === c.organizationId)?.provider;
        problems.push(`${provider} ${c.entity} ${c.remoteId}: ${text} [${(eventsOf.get(recordKey(c.organizationId, c.entity, c.remoteId)) ?? []).map((e) => e.change).join(", ")}] (${changes.filter((x) => x.organizationId === c.organizationId && x.remoteId === c.remoteId && x.entity === c.entity).map((x) => x.label).join(", ")})`);
      };
      for (const c of changes) {
        const poller = pollerOf.get(`${c.organizationId}|${c.entity}`);
        if (poller && c.at <= Date.parse(poller.baselineAt!)) say(c, "changed before its baseline");
      }
      for (const [k, events] of eventsOf) {
        const [organizationId, entity, remoteId] = k.split("|") as [string, EntityName, string];
        const r = { organizationId, entity, remoteId };
        for (const change of ["CREATED", "VOIDED", "DELETED"]) if (countOf(events, (e) => e.change === change) > 1) say(r, `${change} more than once`);
        if (events.some((e) => e.change === "CREATED") && events[0]!.change !== "CREATED") say(r, "CREATED after another event");
      }
      const created = new Map<string, SandboxChange>();
      for (const c of changes) if (c.entity && c.kind === "created") created.set(recordKey(c.organizationId, c.entity, c.remoteId), c);
      for (const [k, c] of created) {
        if (!declares(c.organizationId, c.entity, "CREATED") || hardDeleted.has(k)) continue;
        if (countOf(eventsOf.get(k) ?? [], (e) => e.change === "CREATED") !== 1) say(c, "created after the baseline, but not exactly one CREATED");
      }
      for (const k of hardDeleted) {
        const c = changes.find((x) => recordKey(x.organizationId, x.entity, x.remoteId) === k)!;
        if (!c.entity || !declares(c.organizationId, c.entity, "DELETED")) continue;
        const events = eventsOf.get(k) ?? [];
        // A record created and deleted between two polls was never seen: nothing to report. Any other must end DELETED.
        if (events.length === 0 && created.has(k)) continue;
        if (events.at(-1)?.change !== "DELETED" || countOf(events, (e) => e.change === "DELETED") !== 1) say(c, "deleted, but not one DELETED as its last event");
      }
      for (const [k, r] of toCheck) {
        const events = eventsOf.get(k) ?? [];
        const now = current.get(k);
        const last = events.at(-1);
        if (!last) say(r, "changed after the baseline, but no event");
        else if (now === null || now === undefined) {
          if (last.change !== "DELETED") say(r, "no longer found, but its last event is not DELETED");
        } else if (last.record?.updatedAt !== now.updatedAt) say(r, `last event has version ${last.record?.updatedAt}, the provider ${now.updatedAt}`);
      }
      expect(problems).toEqual([]);
      expect(activity.failures).toEqual([]);
    } finally {
      await activity?.stop();
      await Promise.resolve(subscription?.client.dispose()).catch(() => undefined);
      if (gateway) await killHard(gateway);
      await fleet?.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});

import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { connectors } from "../../connectors/index.js";
import type { EntityName } from "../../src/connector/entities.js";
import { mirroredEntities } from "../../src/mirror/mirror-runtime.js";
import type { MirrorStore, SyncState } from "../../src/mirror/mirror-store.js";
import { openMirrorStore } from "../../src/mirror/open-mirror-store.js";
import { Provider } from "../../schema/common/provider.enum.js";
import { bootGateway, waitFor, killHard, stopGracefully, type GatewayProcess } from "../triggers/gateway-process.js";
import { driveActivity, freePort, seededRandom, startSandboxFleet, type Fleet } from "../triggers/sandbox-fleet.js";
import { compareMirror, formatDifferences, mirrorBehindLog, openDataFolder, summarizeDifferences } from "./mirror-diff.js";
import { driveDirectWrites } from "./sandbox-writes.js";

/**
 * The mirror survives crashes: the three sandboxes keep changing (their own simulated activity, plus
 * another application writing straight to their HTTP APIs), while the compiled gateway is killed with
 * SIGKILL at random points — the first while it is still backfilling — and started again on the same
 * data folder. Once the changes stop and every entity has been polled and fully listed again, the
 * mirror holds exactly the books, record by record, and it is nowhere behind the event log.
 *
 * Seeded: SIGKILL_MIRROR_SEED=<n> repeats the draws (activity, direct writes and kill delays; the
 * timing of polls against them still varies from run to run).
 */

const ENTRY = "dist/src/main.js";
const SEED = Number(process.env.SIGKILL_MIRROR_SEED ?? Math.floor(Math.random() * 2 ** 31));
const KILLS = 3;

/**
 * Pollers every 3 s on a generous budget; kinds without triggers (mirror only) re-listed every 10 s
 * (the least the environment takes). Faster polls buy little here: most kinds are listed in full at
 * every poll, and a gateway kept busy with listings slows every restart and the backfill.
 */
const GATEWAY_ENV = {
  LEDGERLINE_TRIGGERS: "on",
  LEDGERLINE_TRIGGER_MIN_INTERVAL_SECONDS: "3",
  LEDGERLINE_TRIGGER_BUDGET_PERCENT: "100",
  LEDGERLINE_TRIGGER_BUDGET_XERO: "6000",
  LEDGERLINE_TRIGGER_DAILY_BUDGET_XERO: "0",
  LEDGERLINE_TRIGGER_BUDGET_DAFTRA: "6000",
  LEDGERLINE_TRIGGER_BUDGET_CLIENTARY: "6000",
  LEDGERLINE_TRIGGER_RECONCILE_MINUTES: "1",
  LEDGERLINE_MIRROR_REFRESH_SECONDS: "10",
};
/** Per organization: a full listing every 6 s (the environment's minimum is a minute), so deletions are found within the test. */
const ORGANIZATION_SETTINGS = (provider: Provider): Record<string, unknown> => ({
  triggers: { reconcileMinutes: 0.1 },
  ...(provider === Provider.CLIENTARY ? { listCacheTtlMs: 1000 } : {}),
});

interface EntitySync {
  provider: Provider;
  organizationId: string;
  entity: EntityName;
  /** Read incrementally (`updatedSince`) between full listings; otherwise every poll lists it in full. */
  incremental: boolean;
  /** Undefined: no row yet. */
  sync: SyncState | undefined;
}

/** Each entity the gateway mirrors for the fleet, with its sync state as the mirror file holds it now. */
async function syncStates(mirror: MirrorStore, fleet: Fleet): Promise<EntitySync[]> {
  const states: EntitySync[] = [];
  for (const { organizationId, provider } of fleet.sandboxes) {
    const { capabilities } = connectors.find((c) => c.provider === provider)!;
    const rows = new Map((await mirror.entities(organizationId)).map((row) => [row.entity, row.sync]));
    for (const entity of mirroredEntities(capabilities)) {
      const incremental = capabilities.entities[entity]?.filters?.includes("updatedSince") ?? false;
      states.push({ provider, organizationId, entity, incremental, sync: rows.get(entity) });
    }
  }
  return states;
}

/**
 * Whether an entity's mirror has caught up with everything that happened before `since`: a full
 * listing (which also finds deletions) that began after `since` has completed.
 *
 * `syncedAt` is when the last completed poll began. An entity listed in full at every poll is caught
 * up once it is later than `since`. An entity read incrementally is caught up when its last completed
 * poll was a full listing (`lastRunAt` equals `lastFullScanAt`: one write stamps both) that began after
 * `since`; or, if that moment is missed between two looks, once a full listing completes after one
 * already seen completing after `since` (polls of one entity run one after the other, so the later
 * one began after the earlier one ended).
 */
function catchUpTracker(since: number) {
  const firstFullAfter = new Map<string, number>();
  const done = new Set<string>();
  return (state: EntitySync): boolean => {
    const key = `${state.organizationId}|${state.entity}`;
    if (done.has(key)) return true;
    const sync = state.sync;
    if (!sync || sync.backfill || sync.pending?.length) return false;
    const syncedAt = Date.parse(sync.syncedAt ?? "");
    const fullAt = Date.parse(sync.lastFullScanAt ?? "");
    let caughtUp = false;
    if (!state.incremental) caughtUp = syncedAt > since;
    else if (sync.lastRunAt === sync.lastFullScanAt && syncedAt > since) caughtUp = true;
    else if (fullAt > since) {
      const first = firstFullAfter.get(key);
      if (first === undefined) firstFullAfter.set(key, fullAt);
      else caughtUp = fullAt > first;
    }
    if (caughtUp) done.add(key);
    return caughtUp;
  };
}

/** Backfill progress: entities with a baseline, with a backfill under way, and not started. */
async function progressOf(dataDir: string, fleet: Fleet) {
  const mirror = await openMirrorStore({ kind: "sqlite", file: path.join(dataDir, "mirror.sqlite") });
  try {
    const states = await syncStates(mirror, fleet);
    const baselined = states.filter((s) => s.sync?.baselineAt).length;
    return { entities: states.length, baselined, backfilling: states.length - baselined };
  } finally {
    await mirror.close();
  }
}

const describeProgress = ({ entities, baselined, backfilling }: Awaited<ReturnType<typeof progressOf>>) =>
  backfilling > 0 ? `during the backfill (${baselined} of ${entities} entities baselined)` : `while polling (all ${entities} entities baselined)`;

describe("SIGKILL at random points while the sandboxes change: the mirror ends equal to the books", () => {
  it("after one detection interval the mirror matches every sandbox record by record, and is never behind the log", async () => {
    expect(existsSync(ENTRY), `${ENTRY} is missing: build first (npm run build)`).toBe(true);
    console.log(`sigkill-mirror: seed ${SEED} (SIGKILL_MIRROR_SEED=${SEED} repeats the draws)`);
    const dataDir = await mkdtemp(path.join(tmpdir(), "ledgerline-sigkill-mirror-"));
    const activityRandom = seededRandom(SEED);
    const writeRandom = seededRandom(SEED ^ 0x2545f491);
    const killRandom = seededRandom(SEED ^ 0x5bd1e995);
    let fleet: Fleet | undefined;
    let gateway: GatewayProcess | undefined;
    let activity: ReturnType<typeof driveActivity> | undefined;
    let writes: Awaited<ReturnType<typeof driveDirectWrites>> | undefined;
    let watcher: MirrorStore | undefined;
    const started = Date.now();
    const phases: string[] = [];
    const phase = (what: string) => phases.push(`${what} at ${((Date.now() - started) / 1000).toFixed(1)} s`);
    try {
      fleet = await startSandboxFleet({ dataDir, seed: SEED, settings: ORGANIZATION_SETTINGS });
      const port = await freePort();
      const boot = async () => {
        const gatewayProcess = await bootGateway({ dataDir, port, env: GATEWAY_ENV });
        phase("gateway healthy");
        return gatewayProcess;
      };
      phase("sandboxes ready");

      // Business and direct writes from the gateway's first moment, so changes land during the backfill too.
      gateway = await boot();
      activity = driveActivity(fleet.sandboxes, activityRandom);
      writes = await driveDirectWrites(fleet.sandboxes, writeRandom);

      // The first kills come early, while the backfill is under way; the last once every entity has its
      // baseline, while the polls run. Each restart is on the same data folder, the books changing meanwhile.
      const kills: string[] = [];
      const kill = async (round: number, delayMs: number) => {
        await sleep(delayMs);
        await killHard(gateway!);
        kills.push(`kill ${round} after ${delayMs} ms: ${describeProgress(await progressOf(dataDir, fleet!))}; ${activity!.steps} activity steps, ${writes!.writes.length} direct writes`);
        gateway = await boot();
      };
      for (let round = 1; round < KILLS; round++) await kill(round, Math.round(round === 1 ? 200 + killRandom() * 1300 : 300 + killRandom() * 2700));
      watcher = await openMirrorStore({ kind: "sqlite", file: path.join(dataDir, "mirror.sqlite") });
      const describeSync = async () => JSON.stringify((await syncStates(watcher!, fleet!)).map((s) =>
        `${s.provider} ${s.entity}: baseline ${s.sync?.baselineAt}, synced ${s.sync?.syncedAt}, run ${s.sync?.lastRunAt}, full ${s.sync?.lastFullScanAt}`), null, 1);
      await waitFor(async () => (await syncStates(watcher!, fleet!)).every((s) => s.sync?.baselineAt), 90_000, async () => `every baseline: ${await describeSync()}`);
      phase("every entity baselined");
      await watcher.close();
      watcher = undefined;
      await kill(KILLS, Math.round(500 + killRandom() * 2500));
      await sleep(Math.round(1000 + killRandom() * 2000));
      await writes.stop();
      await activity.stop();
      const stoppedAt = Date.now();
      phase("changes stopped");

      // One detection interval after the last change: every entity completes a full listing that began after it.
      watcher = await openMirrorStore({ kind: "sqlite", file: path.join(dataDir, "mirror.sqlite") });
      const caughtUp = catchUpTracker(stoppedAt);
      const lastToCatchUp: string[] = [];
      await waitFor(async () => {
        const pending = (await syncStates(watcher!, fleet!)).filter((state) => !caughtUp(state));
        if (pending.length > 0) lastToCatchUp.splice(0, lastToCatchUp.length, ...pending.map((s) => `${s.provider} ${s.entity}`));
        return pending.length === 0;
      }, 60_000, async () => `every entity to sync after ${new Date(stoppedAt).toISOString()}: ${await describeSync()}`);
      const caughtUpMs = Date.now() - stoppedAt;
      phase("caught up");
      await watcher.close();
      watcher = undefined;
      const exit = await stopGracefully(gateway);
      const output = gateway.output();
      gateway = undefined;
      expect(exit, output).toBe(0);

      phase("gateway stopped");
      // The mirror against the books, and against the log.
      const folder = await openDataFolder(dataDir);
      let comparison: Awaited<ReturnType<typeof compareMirror>>;
      let behind: string[];
      let events: number;
      try {
        comparison = await compareMirror(folder);
        const log = await folder.log.readAfter(undefined, 1_000_000);
        events = log.length;
        behind = mirrorBehindLog(log, comparison.live, comparison.rows);
      } finally {
        await folder.close();
      }

      phase("compared");
      const written = writes.writes;
      const byLabel: Record<string, number> = {};
      for (const w of written.filter((w) => w.ok)) byLabel[`${w.provider} ${w.label}`] = (byLabel[`${w.provider} ${w.label}`] ?? 0) + 1;
      console.log([
        `sigkill-mirror: ${activity.steps} activity steps (${activity.changes.length} records changed, ${activity.failures.length} failed in the simulator), ` +
          `${written.length} direct writes (${written.filter((w) => w.ok).length} kept, ${written.filter((w) => !w.ok).length} refused by the sandbox)`,
        ...kills,
        `caught up ${caughtUpMs} ms after the changes stopped (the last: ${lastToCatchUp.join(", ")})`,
        phases.join(", "),
        `direct writes kept: ${JSON.stringify(byLabel)}`,
        `compared ${comparison.entities.length} entities, ${comparison.live.size} records in the books, ${comparison.rows.size} in the mirror; ${events} events in the log`,
      ].join("\n  "));
      if (comparison.differences.length > 0) {
        console.log([
          `sigkill-mirror (seed ${SEED}) differences:`,
          ...summarizeDifferences(comparison.differences),
          ...comparison.entities.map((e) => `${e.provider} ${e.entity}: books ${e.liveRecords}, mirror ${e.mirrorRecords}, differences ${e.differences.length}`),
        ].join("\n  "));
      }

      expect(written.filter((w) => w.ok).length, "direct writes the sandboxes kept").toBeGreaterThan(0);
      expect(activity.failures).toEqual([]);
      expect.soft(formatDifferences(comparison.differences), `seed ${SEED}: the mirror differs from the books`).toBe("");
      expect.soft(behind, `seed ${SEED}: the mirror is behind the event log`).toEqual([]);
    } finally {
      await writes?.stop();
      await activity?.stop();
      await watcher?.close();
      if (gateway) await killHard(gateway);
      await fleet?.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});

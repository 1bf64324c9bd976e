import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDaftraSandbox, type DaftraSandbox } from "../../connectors/daftra/sandbox/server.js";
import { startTestLedgerline, type TestLedgerline } from "../e2e/start-test-ledgerline.js";
import { runCli } from "../support/run-cli.js";
import { createKeyValueStore } from "../../src/store/create-store.js";
import { createOrganizationRepository } from "../../src/organizations/organization-repository.js";
import { silentLogger } from "../../src/infra/logger.js";

/** Pollers on their own timers, every entity kind about once a second, budget to spare. */
const POLLING = {
  LEDGERLINE_TRIGGERS: "on",
  LEDGERLINE_MIRROR: "off",
  LEDGERLINE_TRIGGER_INTERVAL_SECONDS: "1",
  LEDGERLINE_TRIGGER_MIN_INTERVAL_SECONDS: "0",
  LEDGERLINE_TRIGGER_BUDGET_PERCENT: "100",
  LEDGERLINE_TRIGGER_BUDGET_DAFTRA: "100000",
};

/** Waits until `count()` has not moved for `quietMs`, checking every 250 ms, at most `limitMs`. */
async function settled(count: () => number, quietMs: number, limitMs = 20_000): Promise<number> {
  const until = Date.now() + limitMs;
  let last = count();
  let since = Date.now();
  while (Date.now() < until) {
    await sleep(250);
    if (count() !== last) [last, since] = [count(), Date.now()];
    else if (Date.now() - since >= quietMs) return last;
  }
  throw new Error(`still ${count()} and moving after ${limitMs} ms`);
}

describe("disconnecting an organization the pollers watch", () => {
  let daftra: DaftraSandbox;
  let t: TestLedgerline;
  const dataDir = mkdtempSync(path.join(tmpdir(), "ll-disconnect-"));
  let organizationId: string;
  beforeAll(async () => {
    daftra = await createDaftraSandbox({ ratePerMinute: 100_000 });
    // Connected before the gateway starts (the CLI on its data folder), so its first look at the organizations finds it.
    const connected = await runCli(["--json", "orgs", "connect-daftra", "--site", daftra.url, "--api-key", daftra.apiKey], { LEDGERLINE_DATA_DIR: dataDir, LEDGERLINE_TRIGGERS: "off" });
    expect(connected.code, connected.stderr).toBe(0);
    organizationId = connected.json().id;
    // Room for the pollers under this organization's own rate limit, so only the disconnect can stop them.
    const { store, close } = await createKeyValueStore(`sqlite://${path.join(dataDir, "ledgerline.sqlite")}`, { logger: silentLogger, claim: false });
    const organizations = createOrganizationRepository(store);
    const record = (await organizations.get(organizationId))!;
    await organizations.update({ ...record, settings: { ...record.settings, limits: { maxConcurrent: 4, perMinute: 100_000 } } });
    await close();
    t = await startTestLedgerline({ dataDir, sandboxLimits: "relaxed", triggers: { mode: "timers" }, env: POLLING });
  });
  afterAll(async () => {
    await t?.close();
    await daftra?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("stops its polling: the provider hears no more from the gateway once the poll under way ends", async () => {
    const calls = () => daftra.stats.total;
    await expect.poll(calls, { timeout: 20_000 }).toBeGreaterThan(5);
    const gone = await t.post(`mutation($id: ID!) { disconnectOrganization(id: $id) { id } }`, { id: organizationId });
    expect(gone.body.errors).toBeUndefined();
    const after = await settled(calls, 3_000);
    // Pollers of the other organizations keep running meanwhile; this one's provider stays silent.
    await sleep(4_000);
    expect(calls()).toBe(after);
  }, 60_000);
});

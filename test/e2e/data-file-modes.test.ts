import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKeyValueStore } from "../../src/store/create-store.js";
import { silentLogger } from "../../src/infra/logger.js";
import { ConfigError } from "../../src/config/index.js";
import { startTestLedgerline } from "./start-test-ledgerline.js";

const modeOf = async (file: string) => (await stat(file)).mode & 0o777;

/** Every file in `dir` with its permission bits, as "name 600". */
async function modes(dir: string): Promise<string[]> {
  return Promise.all((await readdir(dir)).sort().map(async (name) => `${name} ${(await modeOf(path.join(dir, name))).toString(8)}`));
}

describe("the files the gateway writes under its data folder", () => {
  let parent: string;
  let umask: number;
  beforeAll(async () => {
    umask = process.umask(0o022); // the usual default, which leaves new files 0644 unless the gateway says otherwise
    parent = await mkdtemp(path.join(tmpdir(), "ledgerline-modes-"));
  });
  afterAll(async () => {
    process.umask(umask);
    await rm(parent, { recursive: true, force: true });
  });

  it("a first start creates the data folder 0700 and the store, its WAL files, the secret key and the sandboxes' state 0600", async () => {
    const dataDir = path.join(parent, "data");
    const t = await startTestLedgerline({ dataDir, env: { LEDGERLINE_TRIGGERS: "on" }, triggers: { mode: "manual" } });
    let running: string[];
    try {
      await t.app.triggers!.pollNow(t.organizationId, "Contact");
      running = await modes(dataDir);
    } finally {
      await t.close();
    }
    expect((await modeOf(dataDir)).toString(8)).toBe("700");
    const expected = ["clientary-sandbox.json", "daftra-sandbox.json", "ledgerline.sqlite", "ledgerline.sqlite-owner", "ledgerline.sqlite-shm", "ledgerline.sqlite-wal", "mirror.sqlite", "mirror.sqlite-shm", "mirror.sqlite-wal", "secret.key", "xero-sandbox.json"];
    expect(running.map((line) => line.split(" ")[0])).toEqual(expected);
    expect(running.filter((line) => !line.endsWith(" 600"))).toEqual([]);
    expect((await modes(dataDir)).filter((line) => !line.endsWith(" 600"))).toEqual([]);
  });

  it("a second gateway on the same SQLite file stops at start, naming the file and what to do", async () => {
    const url = `sqlite://${path.join(parent, "shared", "ledgerline.sqlite")}`;
    const first = await createKeyValueStore(url, { logger: silentLogger });
    try {
      const second = createKeyValueStore(url, { logger: silentLogger });
      await expect(second).rejects.toBeInstanceOf(ConfigError);
      await expect(second).rejects.toThrow(/LEDGERLINE_STORE_URL: .*shared\/ledgerline\.sqlite is in use by another gateway/);
    } finally {
      await first.close();
    }
    // Once the first one is closed the file is free again.
    const again = await createKeyValueStore(url, { logger: silentLogger });
    await again.store.set("k", 1);
    expect(await again.store.get("k")).toBe(1);
    await again.close();
  });
});

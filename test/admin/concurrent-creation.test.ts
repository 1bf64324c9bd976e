import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { createKeyValueStore } from "../../src/store/create-store.js";
import { createApiKeyService } from "../../src/auth/index.js";
import { createOrganizationRepository } from "../../src/organizations/organization-repository.js";
import { silentLogger } from "../../src/infra/logger.js";
import { REDIS_URL, skipWithoutRedis } from "../support/redis.js";

const run = promisify(execFile);
const SCRIPT = "dist/test/support/create-records.js";
const PROCESSES = 3;
const EACH = 50;
const skipRedis = await skipWithoutRedis("the concurrent-creation test");

/**
 * Three processes create 50 API keys and 50 organizations each, starting at the same instant, on one
 * store. A read-modify-write index would lose some; the per-record keys and the atomic set lose none.
 */
async function raceOn(url: string, namespace: string) {
  if (!existsSync(SCRIPT)) throw new Error(`${SCRIPT} is missing: build first (npm run build), as npm test does`);
  const startAt = Date.now() + 1500;
  await Promise.all(Array.from({ length: PROCESSES }, (_, p) => run(process.execPath, [SCRIPT, url, namespace, String(EACH), `p${p}`, String(startAt)])));
  const { store, close } = await createKeyValueStore(url, { logger: silentLogger, namespace, claim: false });
  try {
    const keys = await createApiKeyService(store).list();
    const organizations = await createOrganizationRepository(store).list();
    expect(keys).toHaveLength(PROCESSES * EACH);
    expect(new Set(keys.map((k) => k.name)).size).toBe(PROCESSES * EACH);
    expect(organizations).toHaveLength(PROCESSES * EACH);
    expect(new Set(organizations.map((o) => o.name)).size).toBe(PROCESSES * EACH);
  } finally {
    await close();
  }
}

describe("creating keys and organizations from several processes at once", () => {
  it("one SQLite file: 3 processes × 50 → all 150 keys and 150 organizations listed", () =>
    raceOn(`sqlite://${path.join(mkdtempSync(path.join(tmpdir(), "ll-race-")), "ledgerline.sqlite")}`, "ledgerline"), 60_000);

  it.skipIf(skipRedis)("one Redis: 3 processes × 50 → all 150 keys and 150 organizations listed", () => raceOn(REDIS_URL, `ledgerline-race-${randomUUID()}`), 60_000);
});

import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { REDIS_URL, redisReachable } from "./support/redis.js";
import { ConfigError } from "../src/config/index.js";
import { createKeyValueStore } from "../src/store/create-store.js";
import { silentLogger } from "../src/infra/logger.js";



const redisUp = await redisReachable(REDIS_URL);
const skipRedis = !redisUp && process.env.CI !== "true";
if (skipRedis) console.warn(`Skipping the Redis store tests: nothing answers at ${REDIS_URL} (set TEST_REDIS_URL, or CI=true to make this a failure).`);

describe("sqlite store", () => {
  test("round-trips values across close and reopen, creating the folder", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "ll-store-")), "not", "yet", "there.sqlite");
    const url = `sqlite://${file}`;
    const first = await createKeyValueStore(url, { logger: silentLogger });
    await first.store.set("plain", { amount: "1234.50", lines: [1, 2] });
    await first.store.namespace("api-keys").set("record:1", { name: "ci" });
    await first.store.set("short-lived", "x", 1);
    await first.close();

    const second = await createKeyValueStore(url, { logger: silentLogger });
    expect(await second.store.get("plain")).toEqual({ amount: "1234.50", lines: [1, 2] });
    expect(await second.store.namespace("api-keys").get("record:1")).toEqual({ name: "ci" });
    expect(await second.store.get("record:1")).toBeUndefined();
    await new Promise((r) => setTimeout(r, 5));
    expect(await second.store.get("short-lived")).toBeUndefined();
    expect(await second.store.delete("plain")).toBe(true);
    expect(await second.store.get("plain")).toBeUndefined();
    await second.close();
  });
});

describe("store URLs", () => {
  test("memory:// works and forgets on close", async () => {
    const { store, close, location } = await createKeyValueStore("memory://", { logger: silentLogger });
    await store.set("a", 1);
    expect(await store.get("a")).toBe(1);
    expect(location).toEqual({ kind: "memory" });
    await close();
  });

  test("a bad URL is a config error naming LEDGERLINE_STORE_URL", async () => {
    const attempt = createKeyValueStore("mysql://db/ledgerline", { logger: silentLogger });
    await expect(attempt).rejects.toBeInstanceOf(ConfigError);
    await expect(attempt).rejects.toThrow(/LEDGERLINE_STORE_URL: expected sqlite:\/\//);
  });

  test("an unreachable Redis fails the start with LEDGERLINE_STORE_URL named", async () => {
    const attempt = createKeyValueStore("redis://127.0.0.1:1", { logger: silentLogger, connectTimeoutMs: 300 });
    await expect(attempt).rejects.toThrow(/LEDGERLINE_STORE_URL: cannot open redis at redis:\/\/127\.0\.0\.1:1/);
  });
});

describe.skipIf(skipRedis)("redis store", () => {
  test("round-trips values across close and reopen", async () => {
    const namespace = `ledgerline-test-${randomUUID()}`;
    const first = await createKeyValueStore(REDIS_URL, { logger: silentLogger, namespace });
    await first.store.namespace("api-keys").set("record:1", { name: "ci", organizationIds: ["org-1"] });
    await first.close();

    const second = await createKeyValueStore(REDIS_URL, { logger: silentLogger, namespace });
    expect(await second.store.namespace("api-keys").get("record:1")).toEqual({ name: "ci", organizationIds: ["org-1"] });
    expect(await second.store.delete("api-keys:record:1")).toBe(true);
    expect(await second.store.get("api-keys:record:1")).toBeUndefined();
    await second.close();
  });
});

import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createKeyValueStore } from "./create-store.js";
import { memoryStore, type KeyValueStore } from "./key-value-store.js";
import { silentLogger } from "../infra/logger.js";
import { REDIS_URL, skipWithoutRedis } from "../../test/support/redis.js";

/** The behaviour every backend must give. */
async function behaves(store: KeyValueStore) {
  const ns = store.namespace("things");
  expect(await ns.sets.members("ids")).toEqual([]);
  for (const id of ["c", "a", "b", "a"]) await ns.sets.add("ids", id);
  expect(await ns.sets.members("ids")).toEqual(["c", "a", "b"]);
  await ns.sets.remove("ids", "a");
  await ns.sets.remove("ids", "missing");
  await ns.sets.add("ids", "a");
  expect(await ns.sets.members("ids")).toEqual(["c", "b", "a"]);
  // Sets are named by the view's path, like keys: another namespace or the root sees none of them.
  expect(await store.namespace("other").sets.members("ids")).toEqual([]);
  expect(await store.sets.members("ids")).toEqual([]);
  expect(await store.sets.members("things:ids")).toEqual(["c", "b", "a"]);
  // A set and a value of the same name do not meet.
  await ns.set("ids", "a value");
  expect(await ns.get("ids")).toBe("a value");
  expect(await ns.sets.members("ids")).toEqual(["c", "b", "a"]);
}

/** 3 × 50 adds at once through separate handles: none lost. */
async function concurrentAdds(handles: KeyValueStore[]) {
  await Promise.all(handles.map((store, h) => Promise.all(Array.from({ length: 50 }, (_, i) => store.namespace("race").sets.add("ids", `${h}-${i}`)))));
  const members = await handles[0]!.namespace("race").sets.members("ids");
  expect(new Set(members).size).toBe(150);
  expect(members).toHaveLength(150);
}

const skipRedis = await skipWithoutRedis("the member-set tests");

describe("member sets", () => {
  it("memory: insertion order, idempotent adds, removes, namespaced names", () => behaves(memoryStore()));

  it("sqlite: the same, kept across close and reopen", async () => {
    const url = `sqlite://${path.join(mkdtempSync(path.join(tmpdir(), "ll-sets-")), "store.sqlite")}`;
    const first = await createKeyValueStore(url, { logger: silentLogger });
    await behaves(first.store);
    await first.close();
    const second = await createKeyValueStore(url, { logger: silentLogger });
    expect(await second.store.namespace("things").sets.members("ids")).toEqual(["c", "b", "a"]);
    // One process shares one writer per file; separate processes are raced in test/admin/concurrent-creation.test.ts.
    await concurrentAdds([second.store, second.store, second.store]);
    await second.close();
  });

  it.skipIf(skipRedis)("redis: the same, and three connections adding at once lose nothing", async () => {
    const namespace = `ledgerline-test-${randomUUID()}`;
    const opened = await Promise.all([0, 1, 2].map(() => createKeyValueStore(REDIS_URL, { logger: silentLogger, namespace })));
    try {
      await behaves(opened[0]!.store);
      expect(await opened[1]!.store.namespace("things").sets.members("ids")).toEqual(["c", "b", "a"]);
      await concurrentAdds(opened.map((o) => o.store));
    } finally {
      await Promise.all(opened.map((o) => o.close()));
    }
  });
});

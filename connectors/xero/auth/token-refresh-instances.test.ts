import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import net from "node:net";
import { randomUUID } from "node:crypto";
import { createKeyValueStore, type OpenKeyValueStore } from "../../../src/store/create-store.js";
import { silentLogger } from "../../../src/infra/logger.js";
import { systemClock } from "../../../src/infra/clock.js";
import { xeroCredentialsStore } from "./credentials-store.js";
import { startSandboxOrganization, type SandboxOrganization } from "../testing/sandbox-organization.js";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const redisUp = await new Promise<boolean>((resolve) => {
  const { hostname, port } = new URL(REDIS_URL);
  const socket = net.connect(Number(port || 6379), hostname);
  socket.setTimeout(500, () => (socket.destroy(), resolve(false)));
  socket.once("connect", () => (socket.end(), resolve(true)));
  socket.once("error", () => resolve(false));
});
const skip = !redisUp && process.env.CI !== "true";
if (skip) console.warn(`Skipping the cross-instance token refresh test: nothing answers at ${REDIS_URL} (CI=true makes this a failure).`);

/** A fresh copy of the token manager module: its own in-process map of refreshes, like another gateway process. */
async function anotherInstance() {
  vi.resetModules();
  return (await import("./token-manager.js")).createTokenManager;
}

describe.skipIf(skip)("token refresh across gateway instances sharing Redis", () => {
  let org: SandboxOrganization;
  let redis: OpenKeyValueStore;

  beforeAll(async () => {
    org = await startSandboxOrganization();
    redis = await createKeyValueStore(REDIS_URL, { logger: silentLogger, namespace: `ll-test-${randomUUID()}` });
  });
  afterAll(async () => {
    await redis?.close();
    await org?.sandbox.close();
  });

  it("two instances, 25 concurrent calls each at expiry: one token call, everyone gets the new token", async () => {
    const store = redis.store.namespace(`connector:org:${org.organization.id}`);
    const credentials = xeroCredentialsStore(store, org.secrets);
    const expired = { ...org.connected.tokenSet, expiresAt: Date.now() - 1000 };
    await credentials.save(org.organization.id, { clientSecret: org.sandbox.clientSecret, tokenSet: expired });

    const settings = { identityUrl: org.sandbox.url, clientId: org.sandbox.clientId };
    const managers = [await anotherInstance(), await anotherInstance()].map((create) =>
      create({ organizationId: org.organization.id, settings, credentials, clock: systemClock, leases: store.leases }),
    );
    const before = org.sandbox.stats.byPath["/connect/token"] ?? 0;
    const tokens = await Promise.all(managers.flatMap((m) => Array.from({ length: 25 }, () => m.accessToken())));

    expect((org.sandbox.stats.byPath["/connect/token"] ?? 0) - before).toBe(1);
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).not.toBe(expired.accessToken);
    const stored = await credentials.load(org.organization.id);
    expect(stored!.tokenSet.accessToken).toBe(tokens[0]);
  });
});

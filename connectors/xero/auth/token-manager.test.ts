import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode, GatewayError } from "../../../src/errors/index.js";
import { createSecretBox } from "../../../src/secrets/secret-box.js";
import { memoryStore } from "../../../src/store/key-value-store.js";
import { startFakeIdentity, type FakeIdentity } from "../testing/fake-identity.js";
import { XERO_CREDENTIALS_NAMESPACE, xeroCredentialsStore, type XeroCredentialsStore } from "./credentials-store.js";
import { createTokenManager } from "./token-manager.js";

const T0 = Date.parse("2026-11-01T10:00:00Z");
let identity: FakeIdentity;
beforeAll(async () => (identity = await startFakeIdentity()));
afterAll(() => identity.close());

async function setup(organizationId: string, expiresInMs: number) {
  const store = memoryStore();
  const credentials = xeroCredentialsStore(store, createSecretBox("test-key"));
  const refreshToken = `seed-${organizationId}`;
  identity.validRefreshTokens.add(refreshToken);
  await credentials.save(organizationId, {
    clientSecret: "s3cret",
    tokenSet: { accessToken: `seed-access-${organizationId}`, refreshToken, expiresAt: T0 + expiresInMs, tokenType: "Bearer", scope: "" },
  });
  const clock = { now: () => new Date(T0) };
  const manager = createTokenManager({ organizationId, settings: { identityUrl: identity.url, clientId: "app" }, credentials, clock });
  return { store, credentials, manager };
}

describe("createTokenManager", () => {
  it("uses the stored token while it is fresh", async () => {
    const { manager } = await setup("org-fresh", 10 * 60_000);
    const before = identity.tokenCalls;
    expect(await manager.accessToken()).toBe("seed-access-org-fresh");
    expect(identity.tokenCalls).toBe(before);
  });

  it("refreshes once for 50 concurrent callers inside the 60 s skew, and seals the rotated token", async () => {
    const { store, credentials, manager } = await setup("org-busy", 30_000);
    const before = identity.tokenCalls;
    const tokens = await Promise.all(Array.from({ length: 50 }, () => manager.accessToken()));
    expect(identity.tokenCalls - before).toBe(1);
    expect(new Set(tokens).size).toBe(1);
    const saved = await credentials.load("org-busy");
    expect(saved?.tokenSet.accessToken).toBe(tokens[0]);
    expect(identity.validRefreshTokens.has(saved!.tokenSet.refreshToken)).toBe(true);
    const sealed = JSON.stringify(await store.namespace(XERO_CREDENTIALS_NAMESPACE).get("org-busy"));
    expect(sealed).not.toContain(saved!.tokenSet.refreshToken);
    expect(sealed).not.toContain("s3cret");
  });

  it("persists the rotated token set before handing the new access token out", async () => {
    const { credentials } = await setup("org-order", 0);
    const events: string[] = [];
    const spy: XeroCredentialsStore = {
      load: (id) => credentials.load(id),
      save: async (id, secret) => {
        await credentials.save(id, secret);
        events.push(`saved ${secret.tokenSet.accessToken}`);
      },
    };
    const clock = { now: () => new Date(T0) };
    const manager = createTokenManager({ organizationId: "org-order", settings: { identityUrl: identity.url, clientId: "app" }, credentials: spy, clock });
    events.push(`used ${await manager.accessToken()}`);
    expect(events).toHaveLength(2);
    expect(events[0]).toMatch(/^saved /);
    expect(events[1]).toBe(events[0].replace("saved", "used"));
  });

  it("refreshes once after a 401 however many callers saw the rejected token", async () => {
    const { manager } = await setup("org-401", 10 * 60_000);
    const before = identity.tokenCalls;
    const rejected = await manager.accessToken();
    const [a, b] = await Promise.all([manager.refreshAfterRejection(rejected), manager.refreshAfterRejection(rejected)]);
    expect(a).toBe(b);
    expect(a).not.toBe(rejected);
    expect(await manager.refreshAfterRejection(rejected)).toBe(a);
    expect(identity.tokenCalls - before).toBe(1);
  });

  it("turns invalid_grant into PROVIDER_AUTH_EXPIRED asking for a reconnect", async () => {
    const { manager } = await setup("org-revoked", 0);
    identity.validRefreshTokens.delete("seed-org-revoked");
    const error = (await manager.accessToken().catch((e: unknown) => e)) as GatewayError;
    expect(error).toBeInstanceOf(GatewayError);
    expect(error.code).toBe(ErrorCode.PROVIDER_AUTH_EXPIRED);
    expect(error.message).toMatch(/Reconnect the organization/);
    expect(error.extensions).toMatchObject({ organizationId: "org-revoked", reason: "invalid_grant" });
  });

  it("says an organization without credentials must be connected", async () => {
    const manager = createTokenManager({
      organizationId: "org-none", settings: { identityUrl: identity.url, clientId: "app" },
      credentials: xeroCredentialsStore(memoryStore(), createSecretBox("k")), clock: { now: () => new Date(T0) },
    });
    await expect(manager.accessToken()).rejects.toMatchObject({ code: ErrorCode.PROVIDER_AUTH_EXPIRED });
  });
});

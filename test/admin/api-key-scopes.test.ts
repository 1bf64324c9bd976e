import { describe, expect, it } from "vitest";
import { createApiKeyService } from "../../src/auth/index.js";
import { Scope } from "../../src/auth/scopes.js";
import { ensureLocalApiKey } from "../../src/app/local-api-key.js";
import { createSecretBox } from "../../src/secrets/secret-box.js";
import { memoryStore } from "../../src/store/key-value-store.js";
import { createOrganizationRepository } from "../../src/organizations/organization-repository.js";
import { Provider } from "../../schema/common/provider.enum.js";

const ALL = [Scope.READ, Scope.WRITE, Scope.SUBSCRIBE, Scope.ADMIN];

describe("API key scopes", () => {
  it("are kept in canonical order without repeats, refused when empty or unknown, and replaced by setScopes", async () => {
    const apiKeys = createApiKeyService(memoryStore());
    const { id, key } = await apiKeys.create({ name: "ops", organizationIds: "*", scopes: [Scope.ADMIN, Scope.READ, Scope.ADMIN] });
    expect((await apiKeys.verify(key))!.scopes).toEqual([Scope.READ, Scope.ADMIN]);
    expect((await apiKeys.create({ name: "default", organizationIds: [] }).then(({ key: k }) => apiKeys.verify(k)))!.scopes).toEqual([Scope.READ, Scope.WRITE, Scope.SUBSCRIBE]);
    await expect(apiKeys.create({ name: "x", organizationIds: [], scopes: [] })).rejects.toMatchObject({ code: "BAD_USER_INPUT", extensions: { fields: [{ field: "scopes" }] } });
    await expect(apiKeys.create({ name: "x", organizationIds: [], scopes: ["OWNER" as Scope] })).rejects.toThrow(/scopes: unknown scope "OWNER"/);

    expect((await apiKeys.setScopes(id, [Scope.READ])).scopes).toEqual([Scope.READ]);
    expect((await apiKeys.verify(key))!.scopes).toEqual([Scope.READ]);
    await apiKeys.revoke(id);
    await expect(apiKeys.setScopes(id, ALL)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("the embedded default's local key gets every scope; one made before scopes existed is given them, and stays the same key", async () => {
    const store = memoryStore();
    const secrets = createSecretBox("local-key-test");
    const fresh = createApiKeyService(store);
    const key = await ensureLocalApiKey(store, fresh, secrets);
    expect((await fresh.verify(key))!.scopes).toEqual(ALL);

    // As an earlier version left it: the local key's record without scopes.
    const older = memoryStore();
    const apiKeys = createApiKeyService(older);
    const legacy = await apiKeys.create({ name: "local development", organizationIds: "*" });
    const { scopes: _scopes, ...record } = (await older.namespace("api-keys").get<Record<string, unknown>>(`record:${legacy.id}`))!;
    await older.namespace("api-keys").set(`record:${legacy.id}`, record);
    await older.set("local-api-key", secrets.seal(legacy.key));
    expect((await apiKeys.verify(legacy.key))!.scopes).toEqual([Scope.READ, Scope.WRITE, Scope.SUBSCRIBE]);
    expect(await ensureLocalApiKey(older, apiKeys, secrets)).toBe(legacy.key);
    expect((await apiKeys.verify(legacy.key))!.scopes).toEqual(ALL);
    expect(await apiKeys.list()).toHaveLength(1);
  });

  it("keys and organizations listed in an earlier version's index are still listed, before the new ones", async () => {
    const store = memoryStore();
    const apiKeys = createApiKeyService(store);
    const organizations = createOrganizationRepository(store);
    const a = await apiKeys.create({ name: "a", organizationIds: "*" });
    const org = await organizations.create({ provider: Provider.DAFTRA, name: "old books", settings: {} });
    // What an earlier version kept: the ids in an `index` list only.
    await store.namespace("api-keys").sets.remove("ids", a.id);
    await store.namespace("api-keys").set("index", [a.id]);
    await store.namespace("organizations").sets.remove("ids", org.id);
    await store.namespace("organizations").set("index", [org.id]);
    await apiKeys.create({ name: "b", organizationIds: "*" });
    await organizations.create({ provider: Provider.CLIENTARY, name: "new books", settings: {} });
    expect((await apiKeys.list()).map((k) => k.name)).toEqual(["a", "b"]);
    expect((await organizations.list()).map((o) => o.name)).toEqual(["old books", "new books"]);
    expect(await organizations.remove(org.id)).toBe(true);
    expect((await organizations.list()).map((o) => o.name)).toEqual(["new books"]);
  });
});

import { mkdtempSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKeyValueStore } from "../../src/store/create-store.js";
import { openSqliteDatabase } from "../../src/store/sqlite-database.js";
import { createApiKeyService } from "../../src/auth/index.js";
import { silentLogger } from "../../src/infra/logger.js";
import { createDaftraSandbox, type DaftraSandbox } from "../../connectors/daftra/sandbox/server.js";
import { createClientarySandbox, type ClientarySandbox } from "../../connectors/clientary/sandbox/server.js";
import { sandboxOf, startTestLedgerline, type TestLedgerline } from "../e2e/start-test-ledgerline.js";
import { runCli } from "../support/run-cli.js";
import { skipWithoutRedis } from "../support/redis.js";
import { freePort } from "../triggers/sandbox-fleet.js";

const KEY = /^ll_[A-Za-z0-9_-]{43}$/;
const temporaryDir = (prefix: string) => mkdtempSync(path.join(tmpdir(), prefix));
const storeFile = (dataDir: string) => path.join(dataDir, "ledgerline.sqlite");

/** The API key service on the CLI's SQLite file, opened as the CLI opens it (beside whoever holds it). */
async function keysOn(dataDir: string) {
  const { store, close } = await createKeyValueStore(`sqlite://${storeFile(dataDir)}`, { logger: silentLogger, claim: false });
  return { apiKeys: createApiKeyService(store), close };
}

/** Rows of the store file whose key mentions `fragment` (credentials are kept under `…-credentials:<org id>`). */
async function storedRows(dataDir: string, fragment: string): Promise<number> {
  const db = await openSqliteDatabase(storeFile(dataDir));
  try {
    const [row] = await db.all<{ n: number }>("SELECT count(*) AS n FROM keyv WHERE key LIKE ?", [`%${fragment}%`]);
    return row!.n;
  } finally {
    await db.close();
  }
}

describe("the ledgerline CLI on a data folder (SQLite, no gateway running)", () => {
  const dataDir = temporaryDir("ll-cli-");
  const env = { LEDGERLINE_DATA_DIR: dataDir, LEDGERLINE_SANDBOX: "false" };
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it("keys create, list, grant and revoke, as JSON and as text; the keys it makes carry their scopes", async () => {
    const ops = await runCli(["--json", "keys", "create", "--name", "ops", "--scopes", "all", "--orgs", "*"], env);
    expect(ops.code, ops.stderr).toBe(0);
    const admin = ops.json();
    expect(admin).toMatchObject({ name: "ops", scopes: ["READ", "WRITE", "SUBSCRIBE", "ADMIN"], organizationIds: "*", revokedAt: null });
    expect(admin.key).toMatch(KEY);

    const ci = await runCli(["keys", "create", "--name", "ci", "--scopes", "read,subscribe"], env);
    expect(ci.code, ci.stderr).toBe(0);
    expect(ci.stdout).toMatch(/^Created API key key_\S+ "ci": scopes READ, SUBSCRIBE; no organizations\.$/m);
    const ciKey = ci.stdout.split("\n").find((line) => KEY.test(line))!;
    expect(ciKey).toMatch(KEY);

    const listed = await runCli(["keys", "list", "--json"], env);
    expect(listed.code).toBe(0);
    const keys = listed.json<Array<Record<string, unknown>>>();
    expect(keys.map((k) => [k.name, k.scopes])).toEqual([["ops", ["READ", "WRITE", "SUBSCRIBE", "ADMIN"]], ["ci", ["READ", "SUBSCRIBE"]]]);
    expect(listed.stdout).not.toContain(admin.key);
    expect(listed.stdout).not.toContain("digest");
    const ciId = keys[1]!.id as string;
    const table = await runCli(["keys", "list"], env);
    expect(table.stdout).toMatch(/^ID\s+NAME\s+SCOPES\s+ORGANIZATIONS\s+CREATED\s+REVOKED$/m);
    expect(table.stdout).toContain("READ,SUBSCRIBE");

    const { apiKeys, close } = await keysOn(dataDir);
    try {
      expect(await apiKeys.verify(admin.key)).toMatchObject({ name: "ops", organizationIds: "*", scopes: ["READ", "WRITE", "SUBSCRIBE", "ADMIN"] });
      expect(await apiKeys.verify(ciKey)).toMatchObject({ name: "ci", organizationIds: [], scopes: ["READ", "SUBSCRIBE"] });

      const granted = await runCli(["--json", "keys", "grant", ciId, "--orgs", "*"], env);
      expect(granted.code, granted.stderr).toBe(0);
      expect(granted.json()).toMatchObject({ id: ciId, organizationIds: "*" });
      expect((await apiKeys.verify(ciKey))!.organizationIds).toBe("*");

      const revoked = await runCli(["keys", "revoke", ciId], env);
      expect(revoked.code, revoked.stderr).toBe(0);
      expect(revoked.stdout).toMatch(new RegExp(`^Revoked API key ${ciId} "ci"`));
      expect(await apiKeys.verify(ciKey)).toBeNull();
      expect((await runCli(["--json", "keys", "list"], env)).json<Array<{ revokedAt: string | null }>>()[1]!.revokedAt).toMatch(/^\d{4}-/);
    } finally {
      await close();
    }
  });

  it("refuses bad input with a message naming what is wrong and a non-zero exit code", async () => {
    const noName = await runCli(["keys", "create"], env);
    expect(noName.code).toBe(2);
    expect(noName.stderr).toMatch(/required option '--name <name>' not specified/);

    const badScope = await runCli(["keys", "create", "--name", "x", "--scopes", "READ,OWNER"], env);
    expect(badScope.code).toBe(2);
    expect(badScope.stderr).toMatch(/--scopes.*unknown scope "OWNER"; use any of READ, WRITE, SUBSCRIBE, ADMIN/);

    const unknownOrg = await runCli(["--json", "keys", "create", "--name", "x", "--orgs", "org_nope"], env);
    expect(unknownOrg.code).toBe(2);
    expect(unknownOrg.stdout).toBe("");
    expect(JSON.parse(unknownOrg.stderr)).toMatchObject({ error: { code: "BAD_USER_INPUT", fields: [{ field: "organizationIds", message: expect.stringContaining('"org_nope"') }] } });

    const mixed = await runCli(["keys", "create", "--name", "x", "--orgs", "*,org_a"], env);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/organizationIds: "\*" \(every organization\) stands alone/);

    const missing = await runCli(["keys", "revoke", "key_nope"], env);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/no API key key_nope; list them with `ledgerline keys list`/);
    expect((await runCli(["keys", "grant", "key_nope", "--orgs", "*"], env)).code).toBe(3);

    expect((await runCli(["keys", "rotate"], env)).code).toBe(2);
    const bare = await runCli([], env);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/Usage: ledgerline/);
    const help = await runCli(["orgs", "--help"], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/connect-daftra/);

    const memory = await runCli(["keys", "list"], { ...env, LEDGERLINE_STORE_URL: "memory://" });
    expect(memory.code).toBe(4);
    expect(memory.stderr).toMatch(/LEDGERLINE_STORE_URL: memory:\/\/ keeps keys and organizations inside the gateway's process.*GraphQL admin mutations/);

    const file = path.join(dataDir, "not-a-folder");
    writeFileSync(file, "x");
    const wrongDir = await runCli(["keys", "list"], { ...env, LEDGERLINE_DATA_DIR: file });
    expect(wrongDir.code).toBe(4);
    expect(wrongDir.stderr).toMatch(/LEDGERLINE_DATA_DIR: expected a folder/);
  });
});

describe("the CLI beside a running gateway on the same SQLite file", () => {
  let t: TestLedgerline;
  let env: Record<string, string>;
  beforeAll(async () => {
    const [port, sandboxPort] = [await freePort(), await freePort()];
    const xero = `http://127.0.0.1:${sandboxPort}`;
    const xeroApp = {
      XERO_CLIENT_ID: "ledgerline-sandbox",
      XERO_CLIENT_SECRET: "ledgerline-sandbox-secret",
      XERO_REDIRECT_URI: `http://127.0.0.1:${port}/connect/xero/callback`,
      XERO_IDENTITY_URL: xero,
      XERO_API_URL: xero,
    };
    t = await startTestLedgerline({ dataDir: temporaryDir("ll-cli-gw-"), env: { PORT: String(port), XERO_SANDBOX_PORT: String(sandboxPort), ...xeroApp } });
    env = { LEDGERLINE_DATA_DIR: t.dataDir, LEDGERLINE_TRIGGERS: "off", ...xeroApp };
  });
  afterAll(async () => {
    await t?.close();
    if (t) await rm(t.dataDir, { recursive: true, force: true });
  });

  it("a key the CLI creates works on the gateway at once, within its scopes; one it revokes is refused at once", async () => {
    const daftra = sandboxOf(t, "DAFTRA").organization.id;
    const created = await runCli(["--json", "keys", "create", "--name", "reader", "--scopes", "READ", "--orgs", daftra], env);
    expect(created.code, created.stderr).toBe(0);
    const { id, key } = created.json();

    const read = await t.post("{ organizations { id provider } }", {}, key);
    expect(read.body).toEqual({ data: { organizations: [{ id: daftra, provider: "DAFTRA" }] } });
    const write = await t.post(`mutation { connectOrganization(provider: XERO) { consentUrl } }`, {}, key);
    expect(write.status).toBe(403);
    expect(write.body.errors![0]).toMatchObject({ extensions: { code: "FORBIDDEN", requiredScopes: ["WRITE", "ADMIN"] } });

    expect((await runCli(["keys", "revoke", id], env)).code).toBe(0);
    expect((await t.post("{ organizations { id } }", {}, key)).status).toBe(401);
  });

  it("orgs list shows the gateway's organizations; a sandbox organization is not disconnected while the sandboxes run", async () => {
    const listed = await runCli(["--json", "orgs", "list"], env);
    expect(listed.code, listed.stderr).toBe(0);
    const organizations = listed.json<Array<{ id: string; provider: string; sandbox: boolean }>>();
    expect(organizations.map((o) => [o.provider, o.sandbox])).toEqual([["XERO", true], ["DAFTRA", true], ["CLIENTARY", true]]);

    const refused = await runCli(["orgs", "disconnect", organizations[1]!.id], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/embedded DAFTRA sandbox's organization.*LEDGERLINE_SANDBOX=false/);
    expect((await runCli(["orgs", "disconnect", "org_nope"], env)).code).toBe(3);
  });

  it("an ADMIN-only key starts the Xero consent flow over GraphQL (connectOrganization needs WRITE or ADMIN)", async () => {
    const { key } = (await runCli(["--json", "keys", "create", "--name", "operator", "--scopes", "ADMIN"], env)).json();
    const started = await t.post(`mutation { connectOrganization(provider: XERO) { provider consentUrl } }`, {}, key);
    expect(started.body.errors).toBeUndefined();
    expect(new URL(started.body.data!.connectOrganization.consentUrl).searchParams.get("client_id")).toBe("ledgerline-sandbox");
  });

  it("connect-xero prints a consent link; consenting connects the organisation through the running gateway, granted to the key named", async () => {
    const created = await runCli(["--json", "keys", "create", "--name", "partner", "--scopes", "READ"], env);
    const { id, key } = created.json();
    expect((await runCli(["orgs", "connect-xero", "--key", "key_nope"], env)).code).toBe(3);

    const started = await runCli(["--json", "orgs", "connect-xero", "--key", id], env);
    expect(started.code, started.stderr).toBe(0);
    const { consentUrl, apiKeyId } = started.json();
    expect(apiKeyId).toBe(id);
    expect(new URL(consentUrl).searchParams.get("client_id")).toBe("ledgerline-sandbox");

    const consent = await fetch(consentUrl, { redirect: "manual" });
    const landed = await fetch(consent.headers.get("location")!);
    expect(landed.status).toBe(200);
    const organizationId = /organization <code>([^<]+)<\/code>/.exec(await landed.text())?.[1];
    expect(organizationId).toBeTruthy();
    const mine = await t.post("{ organizations { id provider } }", {}, key);
    expect(mine.body.data!.organizations).toEqual([{ id: organizationId, provider: "XERO" }]);

    const text = await runCli(["orgs", "connect-xero", "--key", id], env);
    expect(text.stdout).toMatch(/^Open this link in a browser, sign in to Xero and pick the organisation:\nhttp:\/\/127\.0\.0\.1:\d+\/identity\/connect\/authorize\?/);
    const withoutApp = await runCli(["orgs", "connect-xero", "--key", id], { LEDGERLINE_DATA_DIR: t.dataDir, LEDGERLINE_TRIGGERS: "off" });
    expect(withoutApp.code).toBe(4);
    expect(withoutApp.stderr).toMatch(/set XERO_CLIENT_ID, XERO_CLIENT_SECRET and XERO_REDIRECT_URI/);
  });
});

describe("connecting Daftra and Clientary from the CLI (standalone sandboxes)", () => {
  const dataDir = temporaryDir("ll-cli-connect-");
  const env = { LEDGERLINE_DATA_DIR: dataDir, LEDGERLINE_SANDBOX: "false" };
  let daftra: DaftraSandbox;
  let clientary: ClientarySandbox;
  beforeAll(async () => {
    daftra = await createDaftraSandbox({ ratePerMinute: 100_000 });
    clientary = await createClientarySandbox({ ratePerMinute: 100_000 });
  });
  afterAll(async () => {
    await daftra?.close();
    await clientary?.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  const origin = (url: string) => new URL(url).origin;
  const organizations = async () => (await runCli(["--json", "orgs", "list"], env)).json<Array<{ id: string; provider: string; name: string }>>();

  it("Daftra: a refused key, a bad address and an unreachable site are refused naming the field, with nothing saved; a good key connects after one call", async () => {
    let before = daftra.stats.total;
    const refused = await runCli(["orgs", "connect-daftra", "--site", origin(daftra.url), "--api-key", "not-the-key"], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/apiKey: the API key was refused by Daftra at http:\/\/127\.0\.0\.1:\d+\/ \(HTTP 401\)/);
    expect(daftra.stats.total - before).toBe(1);
    expect(await organizations()).toEqual([]);
    expect(await storedRows(dataDir, "daftra-credentials")).toBe(0);

    before = daftra.stats.total;
    const badUrl = await runCli(["orgs", "connect-daftra", "--site", "acme.daftra.com", "--api-key", daftra.apiKey], env);
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toMatch(/siteUrl: "acme\.daftra\.com" is not a URL; give the address of the Daftra account, e\.g\. https:\/\/acme\.daftra\.com/);
    const unreachable = await runCli(["orgs", "connect-daftra", "--site", "http://127.0.0.1:1", "--api-key", daftra.apiKey], env);
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toMatch(/siteUrl: could not check Daftra at http:\/\/127\.0\.0\.1:1\/: .*ECONNREFUSED/);
    expect(daftra.stats.total - before).toBe(0);
    expect(await organizations()).toEqual([]);

    const grantee = (await runCli(["--json", "keys", "create", "--name", "books"], env)).json();
    before = daftra.stats.total;
    const connected = await runCli(["--json", "orgs", "connect-daftra", "--site", origin(daftra.url), "--api-key", "-", "--grant-to", grantee.id], env, `${daftra.apiKey}\n`);
    expect(connected.code, connected.stderr).toBe(0);
    expect(daftra.stats.total - before).toBe(1);
    expect(connected.json()).toMatchObject({ provider: "DAFTRA", name: "Nakheel Office Solutions", siteUrl: daftra.url, sandbox: false, grantedTo: grantee.id });
    const organizationId = connected.json().id as string;
    expect(await organizations()).toMatchObject([{ id: organizationId, provider: "DAFTRA" }]);
    expect(await storedRows(dataDir, `daftra-credentials:${organizationId}`)).toBe(1);
    expect((await runCli(["--json", "keys", "list"], env)).json<Array<{ id: string; organizationIds: string[] }>>().find((k) => k.id === grantee.id)!.organizationIds).toEqual([organizationId]);

    const twice = await runCli(["orgs", "connect-daftra", "--site", daftra.url, "--api-key", daftra.apiKey], env);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(new RegExp(`siteUrl: ${daftra.url} is already connected as organization ${organizationId}`));

    const gone = await runCli(["orgs", "disconnect", organizationId], env);
    expect(gone.code, gone.stderr).toBe(0);
    expect(gone.stdout).toMatch(/^Disconnected DAFTRA organization org_\S+ "Nakheel Office Solutions"; its stored credentials are deleted\.$/m);
    expect(await organizations()).toEqual([]);
    expect(await storedRows(dataDir, "daftra-credentials")).toBe(0);
    expect((await runCli(["orgs", "disconnect", organizationId], env)).code).toBe(3);
  });

  it("Clientary: a refused token is refused naming the field after one call, with nothing saved; a good token connects after one call", async () => {
    let before = clientary.stats.total;
    const refused = await runCli(["--json", "orgs", "connect-clientary", "--site", clientary.url, "--token", "not-the-token"], env);
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.stderr).error.fields).toEqual([{ field: "token", message: expect.stringMatching(/^the API token was refused by Clientary at http:\/\/127\.0\.0\.1:\d+\/ \(HTTP 401\)/) }]);
    expect(clientary.stats.total - before).toBe(1);
    expect((await organizations()).filter((o) => o.provider === "CLIENTARY")).toEqual([]);
    expect(await storedRows(dataDir, "clientary-credentials")).toBe(0);

    const badCurrency = await runCli(["orgs", "connect-clientary", "--site", clientary.url, "--token", clientary.apiToken, "--currency", "dollars"], env);
    expect(badCurrency.code).toBe(2);
    expect(badCurrency.stderr).toMatch(/currency: give the account's currency as an ISO 4217 code/);

    before = clientary.stats.total;
    const connected = await runCli(["--json", "orgs", "connect-clientary", "--site", clientary.url, "--token", clientary.apiToken, "--name", "Agency books", "--currency", "eur"], env);
    expect(connected.code, connected.stderr).toBe(0);
    expect(clientary.stats.total - before).toBe(1);
    expect(connected.json()).toMatchObject({ provider: "CLIENTARY", name: "Agency books", siteUrl: clientary.url });
    expect(await storedRows(dataDir, `clientary-credentials:${connected.json().id}`)).toBe(1);
  });
});

/**
 * Redis database 12. Other suites may share it while this one runs, so every name here is this run's
 * own and only this run's records are looked at.
 */
const REDIS_DB_URL = "redis://127.0.0.1:6379/12";
const skipRedis = await skipWithoutRedis("the CLI tests");

describe.skipIf(skipRedis)("the ledgerline CLI on a Redis store", () => {
  const dataDir = temporaryDir("ll-cli-redis-");
  const env = { LEDGERLINE_DATA_DIR: dataDir, LEDGERLINE_STORE_URL: REDIS_DB_URL, LEDGERLINE_TRIGGERS: "off", LEDGERLINE_SANDBOX: "false" };
  const run = randomUUID().slice(0, 8);
  let daftra: DaftraSandbox;
  beforeAll(async () => {
    daftra = await createDaftraSandbox({ ratePerMinute: 100_000 });
  });
  afterAll(async () => {
    await daftra?.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  const mine = <T extends { name: string }>(list: T[]) => list.filter((k) => k.name.endsWith(run));

  it("keys and organizations: create, list, grant, revoke, connect and disconnect", async () => {
    const ops = await runCli(["--json", "keys", "create", "--name", `ops-${run}`, "--scopes", "ADMIN"], env);
    expect(ops.code, ops.stderr).toBe(0);
    const connected = await runCli(["--json", "orgs", "connect-daftra", "--site", daftra.url, "--api-key", daftra.apiKey, "--name", `books-${run}`], env);
    expect(connected.code, connected.stderr).toBe(0);
    const organizationId = connected.json().id as string;
    const reader = await runCli(["--json", "keys", "create", "--name", `reader-${run}`, "--scopes", "READ", "--orgs", organizationId], env);
    expect(reader.json()).toMatchObject({ organizationIds: [organizationId], scopes: ["READ"] });

    expect(mine((await runCli(["--json", "keys", "list"], env)).json<Array<{ name: string }>>()).map((k) => k.name)).toEqual([`ops-${run}`, `reader-${run}`]);
    expect((await runCli(["keys", "grant", reader.json().id, "--orgs", "*"], env)).code).toBe(0);
    expect((await runCli(["keys", "revoke", ops.json().id], env)).code).toBe(0);
    const keys = mine((await runCli(["--json", "keys", "list"], env)).json<Array<{ name: string; organizationIds: unknown; revokedAt: string | null }>>());
    expect(keys.map((k) => [k.organizationIds, k.revokedAt !== null])).toEqual([[[], true], ["*", false]]);

    expect(mine((await runCli(["--json", "orgs", "list"], env)).json<Array<{ id: string; name: string }>>()).map((o) => o.id)).toEqual([organizationId]);
    expect((await runCli(["orgs", "disconnect", organizationId], env)).code).toBe(0);
    expect(mine((await runCli(["--json", "orgs", "list"], env)).json<Array<{ name: string }>>())).toEqual([]);
  });
});

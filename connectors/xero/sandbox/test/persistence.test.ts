/**
 * With a data file, writes and issued tokens survive a restart: a contact created before closing
 * is served by a new sandbox on the same file, and a refresh token issued before still refreshes.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { api, authorizationCodeTokens, basicAuth, startSandbox } from "./harness.js";

const dir = mkdtempSync(path.join(tmpdir(), "xero-sandbox-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("books and refresh tokens survive close and reopen of the same data file", async () => {
  const dataFile = path.join(dir, "nested", "xero.json");
  const first = await startSandbox({ dataFile });
  const tokens = await authorizationCodeTokens(first);
  const created = await api(first, tokens.access_token, "/Contacts", { method: "PUT", body: { Contacts: [{ Name: "Persistent Pty" }] } });
  const contactId = created.json.Contacts[0].ContactID;
  await first.close();
  expect(existsSync(dataFile)).toBe(true);
  expect(readdirSync(path.dirname(dataFile))).toEqual(["xero.json"]);

  const second = await startSandbox({ dataFile, seed: 7 });
  try {
    expect(second.tenantId).toBe(first.tenantId);
    const fetched = await api(second, tokens.access_token, `/Contacts/${contactId}`);
    expect(fetched.status).toBe(200);
    expect(fetched.json.Contacts[0].Name).toBe("Persistent Pty");

    const refreshed = await fetch(`${second.url}/connect/token`, {
      method: "POST",
      headers: { Authorization: basicAuth(second), "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: tokens.refresh_token }),
    });
    expect(refreshed.status).toBe(200);
    const body = (await refreshed.json()) as { refresh_token: string; access_token: string };
    expect(body.refresh_token).not.toBe(tokens.refresh_token);
    expect((await api(second, body.access_token, "/Organisation")).status).toBe(200);
  } finally {
    await second.close();
  }
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox as startDaftra, call as callDaftra } from "../connectors/daftra/sandbox/test/harness.js";
import { startSandbox as startClientary, call as callClientary } from "../connectors/clientary/sandbox/test/harness.js";
import type { DaftraSandbox } from "../connectors/daftra/sandbox/server.js";
import type { ClientarySandbox } from "../connectors/clientary/sandbox/server.js";
import { decodePathSegment } from "../src/connector/sandbox-path.js";

// A malformed percent escape in a path once made the Daftra sandbox throw URIError outside its
// handler, which under `npm start` took the whole gateway down; Clientary answered 500.
const MALFORMED = "%E0%A4%A";

describe("sandboxes answer a malformed path like an unknown id, and keep serving", () => {
  let daftra: DaftraSandbox;
  let clientary: ClientarySandbox;
  beforeAll(async () => {
    daftra = await startDaftra();
    clientary = await startClientary();
  });
  afterAll(async () => {
    await daftra?.close();
    await clientary?.close();
  });

  it("Daftra: 404 for /invoices/%E0%A4%A.json, then the next request is served", async () => {
    const bad = await fetch(`${daftra.url}/invoices/${MALFORMED}.json`, { headers: { apikey: daftra.apiKey } });
    expect(bad.status).toBe(404);
    expect((await callDaftra(daftra, "/invoices.json?limit=1")).status).toBe(200);
  });

  it("Clientary: 404 for /invoices/%E0%A4%A, then the next request is served", async () => {
    expect((await callClientary(clientary, `/invoices/${MALFORMED}`)).status).toBe(404);
    expect((await callClientary(clientary, "/invoices")).status).toBe(200);
  });

  it("a segment is decoded when it can be and kept as sent when it cannot", () => {
    expect(decodePathSegment("a%20b")).toBe("a b");
    expect(decodePathSegment(MALFORMED)).toBe(MALFORMED);
  });
});

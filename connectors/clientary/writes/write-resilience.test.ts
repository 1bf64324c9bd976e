import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Provider } from "../../../schema/common/provider.enum.js";
import { guardCapabilities } from "../../../src/connector/capability-guard.js";
import { ErrorCode } from "../../../src/errors/index.js";
import { systemClock } from "../../../src/infra/clock.js";
import { silentLogger } from "../../../src/infra/logger.js";
import { createSecretBox } from "../../../src/secrets/secret-box.js";
import { memoryStore } from "../../../src/store/key-value-store.js";
import { createClientaryAdapter } from "../adapter.js";
import { clientaryCredentialsStore } from "../auth/credentials-store.js";
import { SEND } from "../testing/write-fixtures.js";

/** A Clientary stand-in that rate limits the first create and fails every update with a 502, counting what arrives. */
const received: string[] = [];
let server: Server;
let url: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    received.push(`${req.method} ${req.url}`);
    const creates = received.filter((r) => r === "POST /api/v2/expenses").length;
    if (req.method === "POST" && creates === 1) return void res.writeHead(429, { "retry-after": "1", "content-type": "application/json" }).end('{"error":"Rate limit exceeded"}');
    if (req.method === "POST") return void res.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ id: 5, amount: 12, incurred_on: "2026/11/15", description: "Taxi" }));
    res.writeHead(502, { "content-type": "text/plain" }).end("Bad Gateway");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function adapter() {
  const organization = { id: "org-writes", provider: Provider.CLIENTARY, name: "Writes", settings: { apiUrl: url }, createdAt: "2026-01-01T00:00:00Z" };
  const store = memoryStore();
  const secrets = createSecretBox("k");
  await clientaryCredentialsStore(store, secrets).save(organization.id, { apiToken: "t" });
  return guardCapabilities(createClientaryAdapter({ organization, store, cache: memoryStore(), secrets, logger: silentLogger, clock: systemClock }));
}

describe("writes under upstream trouble", () => {
  it("waits out a 429 (nothing was done) and sends the create again, once", async () => {
    const result = await (await adapter()).create!("Expense", { date: "2026-11-15", amount: "12.00", description: "Taxi" }, SEND);
    expect(result).toMatchObject({ kind: "done", record: { remoteId: "5", total: "12.00" } });
    expect(received.filter((r) => r === "POST /api/v2/expenses")).toHaveLength(2);
  });

  it("never repeats an update that failed with a 502 (it may have been applied): one PUT, PROVIDER_UNAVAILABLE", async () => {
    const error = await (await adapter()).update!("Expense", "5", { description: "Taxi home" }, SEND).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: ErrorCode.PROVIDER_UNAVAILABLE });
    expect(received.filter((r) => r === "PUT /api/v2/expenses/5")).toHaveLength(1);
  });
});

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Provider } from "../../../schema/common/provider.enum.js";
import { ErrorCode } from "../../../src/errors/index.js";
import { guardCapabilities } from "../../../src/connector/capability-guard.js";
import { systemClock } from "../../../src/infra/clock.js";
import { silentLogger } from "../../../src/infra/logger.js";
import { createSecretBox } from "../../../src/secrets/secret-box.js";
import { memoryStore } from "../../../src/store/key-value-store.js";
import { createClientaryAdapter } from "../adapter.js";
import { clientaryCredentialsStore } from "../auth/credentials-store.js";

/** Shapes the notes list as possible besides the sandbox's: bare arrays, string ids, dashed dates, `completed`. */
const ANSWERS: Record<string, unknown> = {
  "/api/v2/invoices": [{ id: "12", number: 12, date: "2026-10-01", due_date: "2026-10-31", client_id: "3", status: "1", subtotal: "100.00", total_cost: "100.00", total_payments: "25", balance: "75" }],
  "/api/v2/staff": [{ id: "4", name: "Casey Lin", email: null }],
  "/api/v2/tasks": { page_count: 1, total_count: 1, tasks: [{ id: 8, title: "QA", completed: true }] },
  "/api/v2/invoices/13": { unexpected: true },
};

let server: Server;
let url: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const body = ANSWERS[new URL(req.url ?? "/", "http://x").pathname];
    res.writeHead(body === undefined ? 404 : 200, { "content-type": "application/json" }).end(JSON.stringify(body ?? { error: "Not Found" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function adapter() {
  const organization = { id: "org-alt", provider: Provider.CLIENTARY, name: "Alt", settings: { apiUrl: url }, createdAt: "2026-01-01T00:00:00Z" };
  const store = memoryStore();
  const secrets = createSecretBox("k");
  await clientaryCredentialsStore(store, secrets).save(organization.id, { apiToken: "t" });
  return guardCapabilities(createClientaryAdapter({ organization, store, cache: memoryStore(), secrets, logger: silentLogger, clock: systemClock }));
}
const first = { first: 10, offset: 0, filter: {} };

describe("tolerated alternatives", () => {
  it("reads a bare array as one page, with string ids, numbers as strings and dashed dates", async () => {
    const page = await (await adapter()).list("Invoice", first);
    expect(page).toMatchObject({ hasNextPage: false, totalCount: 1 });
    expect(page.items[0]).toMatchObject({ remoteId: "12", number: "12", issueDate: "2026-10-01", status: "PARTIALLY_PAID", amountDue: "75.00", contactRef: { remoteId: "3" } });
  });

  it("reads a whole list given as a bare array", async () => {
    expect((await (await adapter()).list("Staff", first)).items.map((s) => s.name)).toEqual(["Casey Lin"]);
  });

  it("reads `completed` as well as `complete` on tasks", async () => {
    expect((await (await adapter()).list("Task", first)).items[0]!.status).toBe("COMPLETED");
  });

  it("answers PROVIDER_UNAVAILABLE for a record it cannot read, and null for a missing one", async () => {
    const a = await adapter();
    await expect(a.getMany("Invoice", ["13"])).rejects.toMatchObject({ code: ErrorCode.PROVIDER_UNAVAILABLE });
    expect(await a.getMany("Invoice", ["14"])).toEqual([null]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConnectorAdapter } from "../../src/connector/adapter.js";
import { ErrorCode, type GatewayError } from "../../src/errors/index.js";
import { memoryStore } from "../../src/store/key-value-store.js";
import { attributeCalls, createCallerAbort } from "../../src/upstream/index.js";
import { createXeroAdapter, type XeroAdapter } from "./adapter.js";
import { startSandboxOrganization, type SandboxOrganization } from "./testing/sandbox-organization.js";

/**
 * Cached reference data (the chart of accounts) is loaded once for every caller asking at the same
 * time. That load belongs to none of them: a client that leaves, or a key past its share, must not
 * hand its error to the others waiting for the same load.
 */
const LATENCY_MS = 300;
let org: SandboxOrganization;
beforeAll(async () => (org = await startSandboxOrganization({ sandbox: { latencyMs: LATENCY_MS } })));
afterAll(() => org.sandbox.close());

/** A fresh adapter (empty cache) on the shared sandbox, with 10 calls a minute of which each key may use 10%, i.e. one. */
function freshAdapter(): XeroAdapter {
  return createXeroAdapter({ ...org.connectorOptions, cache: memoryStore(), upstream: { keyShare: 0.1 }, organization: { ...org.organization, settings: { ...org.organization.settings, limits: { maxConcurrent: 5, perMinute: 10 } } } });
}
const accounts = (adapter: ConnectorAdapter) => adapter.list("Account", { first: 5, offset: 0, filter: {} });
const accountsPath = "/api.xro/2.0/Accounts";
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e as GatewayError);

describe("a cached load shared by two callers", () => {
  it("still answers the second caller when the first one's client leaves mid-load", async () => {
    const adapter = freshAdapter();
    const leaving = createCallerAbort();
    const first = attributeCalls(adapter, { apiKeyId: "key-a", signal: leaving.signal });
    const second = attributeCalls(adapter, { apiKeyId: "key-b", signal: createCallerAbort().signal });
    org.sandbox.stats.reset();
    const firstAnswer = accounts(first);
    await wait(20);
    const secondAnswer = accounts(second);
    await wait(LATENCY_MS / 3);
    leaving.abort();

    const answer = await secondAnswer;
    expect(answer.items.length).toBe(5);
    // The load went on for the one still waiting; the caller that left is simply handed the same answer.
    expect(await firstAnswer).toEqual(answer);
    expect(org.sandbox.stats.byPath[accountsPath]).toBe(1);
  });

  it("still answers a caller whose key has room when the one that started the load is past its share", async () => {
    const adapter = freshAdapter();
    const spent = attributeCalls(adapter, { apiKeyId: "key-spent" });
    // key-spent takes its own call and borrows all but the share kept free for other keys (9 of 10), then is refused.
    const spending = await Promise.allSettled(Array.from({ length: 10 }, () => spent.list("Contact", { first: 1, offset: 0, filter: {} })));
    expect(spending.filter((s) => s.status === "fulfilled").length).toBe(9);
    await expect(spent.list("Contact", { first: 1, offset: 0, filter: {} })).rejects.toMatchObject({ extensions: { code: ErrorCode.PROVIDER_RATE_LIMITED, budgetScope: "API_KEY" } });

    const fresh = attributeCalls(adapter, { apiKeyId: "key-fresh" });
    const [overShare, withRoom] = await Promise.all([accounts(spent), accounts(fresh)]);
    expect(overShare.items.length).toBe(5);
    expect(withRoom.items.length).toBe(5);
    // The shared load counted against the organization's interactive budget (now used up), not key-fresh's own share.
    await expect(fresh.list("Contact", { first: 1, offset: 0, filter: {} })).rejects.toMatchObject({ extensions: { code: ErrorCode.PROVIDER_RATE_LIMITED, budgetScope: "INTERACTIVE" } });
  });

  it("is dropped when every caller waiting for it has left, so the next caller loads afresh", async () => {
    const adapter = freshAdapter();
    const leaving = [createCallerAbort(), createCallerAbort()];
    org.sandbox.stats.reset();
    const answers = leaving.map((abort, i) => failure(accounts(attributeCalls(adapter, { apiKeyId: `key-${i}`, signal: abort.signal }))));
    await wait(LATENCY_MS / 3);
    for (const abort of leaving) abort.abort();
    // Asked in the same tick the last waiter left: it must not be handed the abandoned load.
    const later = accounts(attributeCalls(adapter, { apiKeyId: "key-later", signal: createCallerAbort().signal }));
    for (const answer of answers) expect((await answer)?.extensions).toMatchObject({ cancelled: true });
    expect((await later).items.length).toBe(5);
    expect(org.sandbox.stats.byPath[accountsPath]).toBe(2);
  });
});

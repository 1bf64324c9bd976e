import { afterEach, describe, expect, it, vi } from "vitest";
import type { ConnectorAdapter } from "../../connector/adapter.js";
import type { MirrorAccess } from "../mirror-access.js";
import { silentLogger } from "../../infra/logger.js";
import { WRITE_THROUGH_WAIT_MS, writeThrough } from "./write-through.js";
import { BOOKS_CAPABILITIES, ORGANIZATION } from "./testing/read-fixture.js";

/** A provider whose create succeeds at once (the write itself is not what this test is about). */
function provider(): ConnectorAdapter {
  return {
    provider: ORGANIZATION.provider,
    capabilities: BOOKS_CAPABILITIES,
    create: async (_entity: string, input: unknown) => ({ kind: "done", record: { remoteId: "new-1", ...(input as object) } }),
  } as unknown as ConnectorAdapter;
}

/** A change recorder that is stuck (a long detection holds the entity, or the database hangs). */
function stuckMirror(): MirrorAccess & { calls: number } {
  const mirror = { calls: 0, observed: () => { mirror.calls++; return new Promise<void>(() => undefined); } };
  return mirror as unknown as MirrorAccess & { calls: number };
}

describe("a mutation's write-through", () => {
  afterEach(() => vi.useRealTimers());

  it("never holds the mutation past its wait: a stuck recorder lets the mutation answer after WRITE_THROUGH_WAIT_MS", async () => {
    vi.useFakeTimers();
    const mirror = stuckMirror();
    const adapter = writeThrough(provider(), { organization: async () => ORGANIZATION, mirror, logger: silentLogger });
    let answered = false;
    const result = adapter.create!("Invoice" as never, { number: "INV-1" } as never, {} as never).then((r) => ((answered = true), r));
    await vi.advanceTimersByTimeAsync(WRITE_THROUGH_WAIT_MS - 100);
    expect(mirror.calls).toBe(1);
    expect(answered).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(answered).toBe(true);
    expect(await result).toMatchObject({ kind: "done", record: { remoteId: "new-1" } });
  });
});

import { describe, expect, it } from "vitest";
import { ErrorCode } from "../errors/index.js";
import { createCallerAbort } from "./call-deadline.js";
import { currentUpstreamCaller, SHARED_WORK_KEY, withUpstreamCaller } from "./caller-scope.js";
import { createSharedWork } from "./shared-work.js";

/** Work held open until the test lets it go; it records the caller it ran as and its caller's signal. */
function heldWork(value: string) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const seen = { runs: 0, apiKeyIds: [] as Array<string | undefined>, signals: [] as Array<AbortSignal | undefined> };
  const work = async () => {
    seen.runs++;
    seen.apiKeyIds.push(currentUpstreamCaller()?.apiKeyId);
    seen.signals.push(currentUpstreamCaller()?.signal);
    await gate;
    return value;
  };
  return { work, release, seen };
}

const asClient = <T>(apiKeyId: string, signal: AbortSignal, work: () => Promise<T>) => withUpstreamCaller({ apiKeyId, signal }, work);
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e as { extensions?: Record<string, unknown> });

describe("createSharedWork", () => {
  it("without stopWaitingWhenGone, a client that left is still handed the outcome", async () => {
    const shared = createSharedWork();
    const { work, release, seen } = heldWork("v");
    const leaving = createCallerAbort();
    const first = asClient("key-a", leaving.signal, () => shared.run("k", work));
    const second = asClient("key-b", createCallerAbort().signal, () => shared.run("k", work));
    leaving.abort();
    release();
    await expect(first).resolves.toBe("v");
    await expect(second).resolves.toBe("v");
    expect(seen.apiKeyIds).toEqual([SHARED_WORK_KEY]);
    expect(seen.signals[0]!.aborted).toBe(false);
  });

  it("with stopWaitingWhenGone, a client already gone when it asks is cancelled at once, and alone it abandons the work", async () => {
    const shared = createSharedWork({ stopWaitingWhenGone: true });
    const { work, release, seen } = heldWork("v");
    const gone = createCallerAbort();
    gone.abort();
    expect((await failure(asClient("key-a", gone.signal, () => shared.run("k", work))))?.extensions).toMatchObject({ code: ErrorCode.PROVIDER_UNAVAILABLE, cancelled: true });
    expect(seen.signals[0]!.aborted).toBe(true);
    // The next client does not join the abandoned work: it starts its own.
    const next = asClient("key-b", createCallerAbort().signal, () => shared.run("k", work));
    release();
    await expect(next).resolves.toBe("v");
    expect(seen.runs).toBe(2);
  });

  it("a failure reaches every waiter and is not kept: the next caller runs the work again", async () => {
    const shared = createSharedWork({ stopWaitingWhenGone: true });
    let runs = 0;
    const failing = () => {
      runs++;
      throw new Error("the provider is down");
    };
    const answers = ["key-a", "key-b"].map((key) => asClient(key, createCallerAbort().signal, () => shared.run("k", failing)));
    for (const answer of answers) await expect(answer).rejects.toThrow("the provider is down");
    await expect(shared.run("k", async () => "back")).resolves.toBe("back");
    expect(runs).toBe(1);
  });
});

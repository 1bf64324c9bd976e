import { describe, expect, it } from "vitest";
import { createIdempotency } from "./idempotency.js";
import { memoryStore } from "../store/key-value-store.js";

const deferred = <T>() => {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};

describe("idempotency", () => {
  it("runs concurrent identical requests once and replays the result to the others", async () => {
    const idempotency = createIdempotency(memoryStore());
    let runs = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, () => idempotency.run({ scope: "o:create", key: "k", request: { a: 1 }, execute: async () => ({ n: ++runs }) })),
    );
    expect(runs).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(results.every((r) => (r.value as { n: number }).n === 1)).toBe(true);
  });

  it("refuses a different request under a key in use, even while the first write is still running", async () => {
    const idempotency = createIdempotency(memoryStore(), { leaseMs: 2_000 });
    const gate = deferred<{ id: string }>();
    const first = idempotency.run({ scope: "o:create", key: "k", request: { a: 1 }, execute: () => gate.promise });
    const second = idempotency.run({ scope: "o:create", key: "k", request: { a: 2 }, execute: async () => ({ id: "other" }) });
    gate.resolve({ id: "first" });
    await expect(first).resolves.toEqual({ value: { id: "first" }, replayed: false });
    await expect(second).rejects.toMatchObject({ extensions: { code: "BAD_USER_INPUT", fields: [{ field: "idempotencyKey" }] } });
  });

  it("does not hand the first request's failure to a concurrent different request: that one runs once the key is free", async () => {
    const idempotency = createIdempotency(memoryStore(), { leaseMs: 2_000 });
    const gate = deferred<{ id: string }>();
    const first = idempotency.run({ scope: "o:create", key: "k", request: { a: 1 }, execute: () => gate.promise });
    const second = idempotency.run({ scope: "o:create", key: "k", request: { a: 2 }, execute: async () => ({ id: "second" }) });
    gate.reject(new Error("provider refused"));
    await expect(first).rejects.toThrow("provider refused");
    await expect(second).resolves.toEqual({ value: { id: "second" }, replayed: false });
  });
});

import { describe, expect, it } from "vitest";
import { createReadiness } from "./readiness.js";

const never = () => new Promise<never>(() => undefined);

describe("createReadiness", () => {
  it("is ready when every check answers, and names each with its kind", async () => {
    const readiness = createReadiness({ checks: { store: { kind: "sqlite", probe: async () => 1 }, database: { kind: "postgres", probe: async () => 0 } } });
    expect(await readiness.report()).toMatchObject({ status: "ready", checks: { store: { kind: "sqlite", status: "ok" }, database: { kind: "postgres", status: "ok" } } });
  });

  it("names the check that did not answer within the deadline, or failed, with any URL password masked", async () => {
    const readiness = createReadiness({
      timeoutMs: 50,
      checks: {
        store: { kind: "redis", probe: never },
        database: { kind: "postgres", probe: async () => Promise.reject(new Error("connect to postgres://app:s3cret@db.internal:5432/books failed\nretrying")) },
        eventLog: { kind: "redis", probe: async () => undefined },
      },
    });
    const report = await readiness.report();
    expect(report.status).toBe("unready");
    expect(report.checks).toMatchObject({
      store: { status: "failed", error: "no answer within 50 ms" },
      database: { status: "failed", error: "connect to postgres://app:***@db.internal:5432/books failed retrying" },
      eventLog: { status: "ok" },
    });
    expect(JSON.stringify(report)).not.toContain("s3cret");
  });

  it("asks each dependency once for probes that arrive together", async () => {
    let calls = 0;
    let answer!: () => void;
    const readiness = createReadiness({ checks: { store: { kind: "redis", probe: () => (calls++, new Promise<void>((resolve) => (answer = resolve))) } } });
    const reports = [readiness.report(), readiness.report(), readiness.report()];
    answer();
    expect((await Promise.all(reports)).map((r) => r.status)).toEqual(["ready", "ready", "ready"]);
    expect(calls).toBe(1);
  });

  it("reports draining once a stop began, without asking the dependencies", async () => {
    let calls = 0;
    const readiness = createReadiness({ checks: { store: { kind: "redis", probe: async () => calls++ } } });
    readiness.drain();
    expect(readiness.draining).toBe(true);
    expect(await readiness.report()).toEqual({ status: "draining" });
    expect(calls).toBe(0);
  });
});

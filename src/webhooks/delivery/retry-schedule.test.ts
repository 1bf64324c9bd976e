import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_SCHEDULE_MS, outcomeOf, parseRetrySchedule } from "./retry-schedule.js";
import type { SendResult } from "./send-webhook.js";

const result = (statusCode: number | null, error: string | null = null): SendResult => ({ statusCode, latencyMs: 12, responseHead: null, error });
const now = 1_700_000_000_000;

describe("parseRetrySchedule", () => {
  it("reads the default schedule", () => {
    expect(parseRetrySchedule("0s,5s,5m,30m,2h,5h,10h,10h")).toEqual({ ok: true, delaysMs: [...DEFAULT_RETRY_SCHEDULE_MS] });
  });

  it.each([
    ["250ms", [250]],
    ["0ms, 1s , 2m", [0, 1_000, 120_000]],
    ["1h", [3_600_000]],
    [Array(20).fill("1s").join(","), Array(20).fill(1_000)],
  ])("reads %j", (text, delays) => {
    expect(parseRetrySchedule(text)).toEqual({ ok: true, delaysMs: delays });
  });

  it.each([
    ["", /is empty/],
    ["   ", /is empty/],
    ["0s,5x", /delay 2 "5x" is not a whole number followed by ms, s, m or h/],
    ["5", /delay 1 "5" is not a whole number/],
    ["1.5s", /delay 1 "1.5s"/],
    ["-5s", /delay 1 "-5s"/],
    ["0s,,5s", /delay 2 ""/],
    ["0s,5s,0s", /delay 3 "0s" is 0; only the first attempt may go out at once/],
    ["200h", /delay 1 "200h" is longer than 7 days/],
    [Array(21).fill("1s").join(","), /has 21 delays; give 1 to 20/],
  ])("refuses %j, naming the bad part", (text, problem) => {
    const parsed = parseRetrySchedule(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(problem);
  });
});

describe("outcomeOf", () => {
  const schedule = [0, 5_000, 300_000];
  const half = () => 0.5;

  it.each([200, 201, 204, 299])("%s is delivered", (status) => {
    expect(outcomeOf({ result: result(status), attemptNumber: 1, now, scheduleMs: schedule })).toEqual({ kind: "delivered" });
  });

  it("410 is gone, even on the last attempt or with attempts left", () => {
    expect(outcomeOf({ result: result(410), attemptNumber: 1, now, scheduleMs: schedule })).toEqual({ kind: "gone" });
    expect(outcomeOf({ result: result(410), attemptNumber: 3, now, scheduleMs: schedule })).toEqual({ kind: "gone" });
  });

  it.each([[500], [302], [404], [199], [null]])("%s retries after the next delay of the schedule", (status) => {
    const failed = result(status, status === null ? "ECONNRESET" : null);
    expect(outcomeOf({ result: failed, attemptNumber: 1, now, scheduleMs: schedule, random: half })).toEqual({ kind: "retry", nextAttemptAt: now + 5_000 });
    expect(outcomeOf({ result: failed, attemptNumber: 2, now, scheduleMs: schedule, random: half })).toEqual({ kind: "retry", nextAttemptAt: now + 300_000 });
  });

  it("is exhausted after the schedule's last attempt", () => {
    expect(outcomeOf({ result: result(500), attemptNumber: 3, now, scheduleMs: schedule })).toEqual({ kind: "exhausted" });
    expect(outcomeOf({ result: result(null, "timed out after 10000 ms"), attemptNumber: 1, now, scheduleMs: [0] })).toEqual({ kind: "exhausted" });
  });

  it("jitters the delay by up to ±jitter (default 20 %)", () => {
    const at = (random: number, jitter?: number) =>
      outcomeOf({ result: result(503), attemptNumber: 2, now, scheduleMs: schedule, random: () => random, jitter });
    expect(at(0)).toEqual({ kind: "retry", nextAttemptAt: now + 240_000 });
    expect(at(1)).toEqual({ kind: "retry", nextAttemptAt: now + 360_000 });
    expect(at(0.75)).toEqual({ kind: "retry", nextAttemptAt: now + 330_000 });
    expect(at(0, 0.5)).toEqual({ kind: "retry", nextAttemptAt: now + 150_000 });
    expect(at(0, 0)).toEqual({ kind: "retry", nextAttemptAt: now + 300_000 });
  });

  it("does not jitter a 0 delay", () => {
    expect(outcomeOf({ result: result(500), attemptNumber: 1, now, scheduleMs: [0, 0], random: () => 1 })).toEqual({ kind: "retry", nextAttemptAt: now });
  });

  it("stays within the jitter band with Math.random", () => {
    for (let i = 0; i < 200; i++) {
      const outcome = outcomeOf({ result: result(500), attemptNumber: 1, now, scheduleMs: schedule });
      expect(outcome.kind).toBe("retry");
      if (outcome.kind === "retry") {
        expect(outcome.nextAttemptAt).toBeGreaterThanOrEqual(now + 4_000);
        expect(outcome.nextAttemptAt).toBeLessThanOrEqual(now + 6_000);
      }
    }
  });
});

import { describe, expect, it } from "vitest";
import { recordingLogger } from "../../../test/support/recording-logger.js";
import { createRefusalLimit } from "./refusals.js";

const clock = { now: () => new Date("2026-12-07T00:00:00Z") };

describe("refusal limit per address", () => {
  it("throttles a tracked address past its budget, and never pools new addresses once the table is full", () => {
    const limit = createRefusalLimit({ logger: recordingLogger(), clock, perAddress: 2, maxAddresses: 2 });
    for (const address of ["a", "a", "b", "b"]) limit.refuse(address, "bad signature");
    expect(limit.throttle("a")).toBeGreaterThan(0);
    expect(limit.throttle("b")).toBeGreaterThan(0);
    // The table is full: a flood from further addresses must not make a new one (say Xero's) wait.
    for (let i = 0; i < 50; i++) limit.refuse(`flood-${i}`, "bad signature");
    expect(limit.throttle("flood-1")).toBe(0);
    expect(limit.throttle("xero")).toBe(0);
    limit.flush();
  });
});

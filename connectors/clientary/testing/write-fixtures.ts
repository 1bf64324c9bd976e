import { expect } from "vitest";
import type { WriteOptions } from "../../../src/connector/writes.js";
import { startSandboxOrganization, type SandboxOrganization } from "./sandbox-organization.js";

/** The sandbox's day: the seeded books end on 2026-11-15. */
export const NOW = new Date("2026-11-15T12:00:00Z");
export const SEND: WriteOptions = { dryRun: false };
export const DRY_RUN: WriteOptions = { dryRun: true };

/** A sandbox organization on a fixed clock, its adapter guarded as the gateway guards it. */
export const startWritableOrganization = () => startSandboxOrganization({ sandbox: { now: () => NOW }, clock: { now: () => NOW } });

/** The books as plain data, to prove a call changed nothing. */
export const snapshot = (org: SandboxOrganization) => JSON.stringify(org.sandbox.books);

/**
 * Runs a dry run and proves it sent nothing that writes and changed nothing: the answer is the
 * exact Clientary request. Reads it needed to describe the request (current lines, recipients) may happen.
 */
export async function expectDryRun<T>(org: SandboxOrganization, run: () => Promise<T>): Promise<T> {
  const before = snapshot(org);
  const writes = org.sandbox.stats.writes;
  const result = await run();
  expect(org.sandbox.stats.writes, "write requests during a dry run").toBe(writes);
  expect(snapshot(org), "books after a dry run").toBe(before);
  return result;
}

/** The error a call rejected with, for detailed assertions. */
export async function rejectionOf(run: Promise<unknown>): Promise<{ code: string; message: string; extensions: Record<string, unknown> }> {
  try {
    await run;
  } catch (error) {
    return error as { code: string; message: string; extensions: Record<string, unknown> };
  }
  throw new Error("expected the call to fail");
}

/** `done` records, unwrapped (dry runs are asserted separately). */
export function recordOf<T>(result: { kind: "done"; record: T } | { kind: "dryRun" }): T {
  if (result.kind !== "done") throw new Error("expected the write to be sent");
  return result.record;
}

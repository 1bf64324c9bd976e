import { createDaftraSandbox, type DaftraSandbox, type DaftraSandboxOptions } from "../server.js";

/** The fixed day tests seed the books on. */
export const TEST_NOW = () => new Date("2026-11-15T10:00:00Z");

export const startSandbox = (options: DaftraSandboxOptions = {}) => createDaftraSandbox({ now: TEST_NOW, ratePerMinute: 100_000, ...options });

export interface WireAnswer {
  status: number;
  headers: Headers;
  body: any;
}

/** GET a path below `/api2` with the sandbox key (or the given headers). */
export async function call(sandbox: DaftraSandbox, path: string, headers: Record<string, string> = { apikey: sandbox.apiKey }): Promise<WireAnswer> {
  const response = await fetch(`${sandbox.url}${path}`, { headers });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

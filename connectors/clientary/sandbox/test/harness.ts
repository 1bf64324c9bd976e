import { createClientarySandbox, type ClientarySandbox, type ClientarySandboxOptions } from "../server.js";

/** Fixed clock for wire tests: books end on 2026-11-15. */
export const FIXED_NOW = new Date("2026-11-15T12:00:00Z");

export const startSandbox = (options: ClientarySandboxOptions = {}) => createClientarySandbox({ now: () => FIXED_NOW, ratePerMinute: 10_000, ...options });

export const basic = (token: string) => `Basic ${Buffer.from(`${token}:${token}`).toString("base64")}`;

export interface CallOptions {
  method?: string;
  body?: unknown;
  token?: string | null;
}

/** One request to `/api/v2${path}`, answering status, headers and parsed JSON (or text). */
export async function call(sandbox: ClientarySandbox, path: string, { method = "GET", body, token = sandbox.apiToken }: CallOptions = {}) {
  const headers: Record<string, string> = { accept: "application/json" };
  if (token !== null) headers.authorization = basic(token);
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${sandbox.url}/api/v2${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

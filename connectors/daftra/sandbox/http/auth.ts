/**
 * API-key authentication: the key travels in an `apikey` header (any casing). Sending an
 * `Authorization` header as well fails, as Daftra's docs warn.
 * https://docs.daftara.dev/933385m0
 */
import type { IncomingHttpHeaders } from "node:http";
import { failed, type Reply } from "./reply.js";

export function authenticate(headers: IncomingHttpHeaders, apiKey: string): Reply | undefined {
  const key = headers.apikey;
  if (headers.authorization !== undefined || typeof key !== "string" || key !== apiKey) return failed(401, "Unauthorized");
  return undefined;
}

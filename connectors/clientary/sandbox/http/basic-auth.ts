import type { IncomingHttpHeaders } from "node:http";

/**
 * Clientary's only scheme: HTTP Basic with the user's API token as the user name (and, by
 * convention, as the password too). https://www.clientary.com/api
 */
export function tokenOf(headers: IncomingHttpHeaders): string | undefined {
  const header = headers.authorization;
  const match = header?.match(/^Basic\s+(\S+)$/i);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? decoded : decoded.slice(0, colon);
}

/** Where durable key-value state lives, parsed from `LEDGERLINE_STORE_URL`. */
export type StoreLocation =
  | { kind: "sqlite"; file: string }
  | { kind: "redis"; url: string }
  | { kind: "memory" };

export type StoreUrlResult = { ok: true; location: StoreLocation } | { ok: false; problem: string };

const EXPECTED = "expected sqlite://<file path>, redis://[user:password@]host[:port][/db], rediss://… or memory://";

/** Parses a store URL without touching the disk or the network. */
export function parseStoreUrl(url: string): StoreUrlResult {
  if (url === "memory://") return { ok: true, location: { kind: "memory" } };
  if (url.startsWith("sqlite://")) {
    const file = url.slice("sqlite://".length);
    if (file.length === 0) return { ok: false, problem: `${EXPECTED}; the sqlite file path is empty` };
    return { ok: true, location: { kind: "sqlite", file } };
  }
  if (/^rediss?:\/\//.test(url)) {
    try {
      const parsed = new URL(url);
      if (parsed.hostname.length === 0) return { ok: false, problem: `${EXPECTED}; the redis host is missing` };
      return { ok: true, location: { kind: "redis", url } };
    } catch {
      return { ok: false, problem: `${EXPECTED}; "${redact(url)}" is not a valid URL` };
    }
  }
  return { ok: false, problem: `${EXPECTED}, got "${redact(url)}"` };
}

/** Hides a password in a URL (`user:password@`, or a query parameter such as `?password=`) before it goes into a message or a log line. */
export function redact(url: string): string {
  return url
    .replace(/\/\/([^:/@]*):[^@/]*@/, "//$1:***@")
    .replace(/([?&][^=&#]*(?:pass|pwd|secret|token|key)[^=&#]*=)[^&#]*/gi, "$1***");
}

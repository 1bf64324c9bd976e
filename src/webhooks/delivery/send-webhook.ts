/** One HTTP attempt of one delivery: POST with node:http(s), the address guard, a whole-attempt timeout, 1 KiB read. */
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { performance } from "node:perf_hooks";
import { StringDecoder } from "node:string_decoder";
import { checkEndpointUrl, guardedLookup, isRefusedAddress, type UrlPolicy } from "./endpoint-url.js";

export interface SendInput {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** Whole attempt (connect, send, response head and first bytes). */
  timeoutMs: number;
  policy: UrlPolicy;
}

/** Never throws: failures come back as `error` with `statusCode` null. */
export interface SendResult {
  statusCode: number | null;
  latencyMs: number;
  /** First bytes (≤ 1 KiB) of the response body as text; null without a response. */
  responseHead: string | null;
  error: string | null;
}

/** How much of a response body is kept; the rest is never read. */
export const RESPONSE_HEAD_BYTES = 1024;

/** The text of a connection error: the refusal's sentence, or the system code (ECONNRESET, ECONNREFUSED, …). */
function errorText(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown; errors?: unknown[] };
  if (e?.code === "EWEBHOOKREFUSED") return String(e.message);
  const code = typeof e?.code === "string" ? e.code : undefined;
  if (code?.startsWith("E")) return code;
  if (code) return `${code}: ${String(e.message)}`;
  if (Array.isArray(e?.errors) && e.errors.length > 0) return errorText(e.errors[0]);
  return String(e?.message ?? error);
}

/**
 * POSTs `body` with `headers` to `url` once. Promises: never throws; never follows a redirect (a 3xx is
 * reported by its status like any non-2xx); refuses before connecting a URL `checkEndpointUrl` refuses
 * or an IP literal in a refused class, and at connect time a name resolving to one (error
 * `refused: <address> is a … address (…)`); gives up after `timeoutMs` for the whole attempt (error
 * `timed out after N ms`); keeps at most 1 KiB of the response body and closes the connection then.
 * `latencyMs` runs from the call to the result (performance.now()).
 */
export function sendWebhook(input: SendInput): Promise<SendResult> {
  const started = performance.now();
  const finish = (statusCode: number | null, responseHead: string | null, error: string | null): SendResult => ({
    statusCode,
    latencyMs: Math.round((performance.now() - started) * 10) / 10,
    responseHead,
    error,
  });

  let target: URL;
  try {
    target = new URL(input.url);
  } catch {
    return Promise.resolve(finish(null, null, "refused: the URL is not an absolute URL"));
  }
  const host = target.hostname.startsWith("[") ? target.hostname.slice(1, -1) : target.hostname;
  const family = isIP(host);
  if (family === 4 || family === 6) {
    const reason = isRefusedAddress(host, family, input.policy);
    if (reason) return Promise.resolve(finish(null, null, `refused: ${reason}`));
  }
  const checked = checkEndpointUrl(input.url, input.policy);
  if (!checked.ok) {
    const refusal = checked.problem.startsWith("is refused: ") ? checked.problem.slice("is refused: ".length) : `the URL ${checked.problem}`;
    return Promise.resolve(finish(null, null, `refused: ${refusal}`));
  }

  return new Promise<SendResult>((resolve) => {
    let settled = false;
    let request: http.ClientRequest | undefined;
    const settle = (statusCode: number | null, responseHead: string | null, error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request?.destroy();
      resolve(finish(statusCode, responseHead, error));
    };
    let statusCode: number | null = null;
    const decoder = new StringDecoder("utf8");
    let head = "";
    let headBytes = 0;
    const timer = setTimeout(() => {
      // The receiver answered its status but is slow with the body: its status stands.
      if (statusCode !== null) settle(statusCode, head, null);
      else settle(null, null, `timed out after ${input.timeoutMs} ms`);
    }, input.timeoutMs);

    try {
      const body = Buffer.from(input.body, "utf8");
      const client = target.protocol === "https:" ? https : http;
      request = client.request({
        protocol: target.protocol,
        hostname: host,
        port: target.port === "" ? undefined : Number(target.port),
        path: `${target.pathname}${target.search}`,
        method: "POST",
        headers: { ...input.headers, "content-length": String(body.length) },
        lookup: guardedLookup(input.policy, { loopbackOnly: target.protocol === "http:" }),
        agent: false,
      });
      request.on("error", (error) => settle(null, null, errorText(error)));
      request.on("response", (response) => {
        statusCode = response.statusCode ?? null;
        response.on("data", (chunk: Buffer) => {
          const room = RESPONSE_HEAD_BYTES - headBytes;
          const slice = chunk.length > room ? chunk.subarray(0, room) : chunk;
          headBytes += slice.length;
          head += decoder.write(slice);
          if (headBytes >= RESPONSE_HEAD_BYTES) settle(statusCode, head, null);
        });
        response.on("end", () => settle(statusCode, head + decoder.end(), null));
        response.on("error", () => settle(statusCode, head, null));
        response.on("aborted", () => settle(statusCode, head, null));
      });
      request.end(body);
    } catch (error) {
      settle(null, null, errorText(error));
    }
  });
}

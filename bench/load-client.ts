import { setMaxListeners } from "node:events";
import http from "node:http";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * The client side of the read-load benchmark, in its own process so that the load generator never
 * shares the gateway's event loop. Driven over IPC by bench/read-load.ts:
 *
 *   → { op: "run", url, apiKey, query, variables, clients, seconds, drainSeconds }
 *   ← { op: "window-start" }                                 as the measured window opens
 *   ← { op: "window-end" }                                   when the measured window closes
 *   ← { op: "result", result: LoadResult }                   once every client has stopped
 *
 * `clients` loops, each on its own keep-alive connection, send the query back to back for `seconds`.
 * A client behaves as a polite partner app: an answer refused only for the provider's rate limit
 * (every error PROVIDER_RATE_LIMITED) is retried after the `retryAfterSeconds` it names, and the
 * query's latency runs from its first attempt to its answer. After the window, queries in flight may
 * finish (retries included) for up to `drainSeconds`; those still unanswered then are counted apart.
 */
export interface LoadRun {
  op: "run";
  url: string;
  apiKey: string;
  query: string;
  variables: Record<string, unknown>;
  clients: number;
  seconds: number;
  drainSeconds: number;
}

export interface LoadResult {
  /** Queries answered without errors, and how many of them ended inside the window. */
  answered: number;
  answeredInWindow: number;
  /** Latencies (ms, first attempt → answer) of the queries answered without errors, sorted. */
  latencies: number[];
  /** Queries that ended with errors other than a rate limit, by error code. */
  errors: Record<string, number>;
  /** Rate-limited attempts that were retried after the wait the gateway named. */
  retries: number;
  /** Queries still unanswered when the drain ended. */
  unanswered: number;
  /** Window and drain, as measured by the client (ms). */
  windowMs: number;
  drainMs: number;
}

interface Answer {
  status: number;
  body: { data?: unknown; errors?: Array<{ message?: string; extensions?: { code?: string; retryAfterSeconds?: number } }> };
}

function post(agent: http.Agent, url: URL, apiKey: string, payload: string, signal: AbortSignal): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: "POST", agent, signal,
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload), authorization: `Bearer ${apiKey}` },
    }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        try {
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
        } catch (error) {
          reject(error);
        }
      });
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(payload);
  });
}

/** The wait a rate-limited answer names, when every error in it is PROVIDER_RATE_LIMITED; undefined otherwise. */
function retryAfterMs(answer: Answer): number | undefined {
  const errors = answer.body.errors ?? [];
  if (errors.length === 0 || !errors.every((e) => e.extensions?.code === "PROVIDER_RATE_LIMITED")) return undefined;
  return Math.max(...errors.map((e) => Number(e.extensions?.retryAfterSeconds ?? 1))) * 1000;
}

async function run(message: LoadRun): Promise<LoadResult> {
  const url = new URL(message.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: message.clients });
  const payload = JSON.stringify({ query: message.query, variables: message.variables });
  const result: LoadResult = { answered: 0, answeredInWindow: 0, latencies: [], errors: {}, retries: 0, unanswered: 0, windowMs: 0, drainMs: 0 };
  process.send?.({ op: "window-start" });
  const start = performance.now();
  const windowEnd = start + message.seconds * 1000;
  const drainEnd = windowEnd + message.drainSeconds * 1000;
  const abort = new AbortController();
  setMaxListeners(message.clients + 10, abort.signal);
  const drainTimer = setTimeout(() => abort.abort(), windowEnd + message.drainSeconds * 1000 - performance.now());
  const windowTimer = setTimeout(() => process.send?.({ op: "window-end" }), message.seconds * 1000);
  const fail = (code: string) => (result.errors[code] = (result.errors[code] ?? 0) + 1);

  async function client(): Promise<void> {
    while (performance.now() < windowEnd) {
      const sent = performance.now();
      for (;;) {
        let answer: Answer;
        try {
          answer = await post(agent, url, message.apiKey, payload, abort.signal);
        } catch (error) {
          if (abort.signal.aborted) result.unanswered++;
          else fail(`HTTP client: ${(error as Error).message}`);
          break;
        }
        const wait = retryAfterMs(answer);
        if (wait !== undefined) {
          // A polite client waits as told, even when the answer would come after the drain: it then counts as unanswered.
          if (performance.now() + wait > drainEnd) {
            await sleep(Math.max(0, drainEnd - performance.now()));
            result.unanswered++;
            break;
          }
          result.retries++;
          await sleep(wait);
          continue;
        }
        if (answer.status !== 200 || answer.body.errors?.length) {
          fail(answer.body.errors?.[0]?.extensions?.code ?? `HTTP ${answer.status}`);
          break;
        }
        const done = performance.now();
        result.answered++;
        if (done <= windowEnd) result.answeredInWindow++;
        result.latencies.push(done - sent);
        break;
      }
    }
  }

  await Promise.all(Array.from({ length: message.clients }, client));
  clearTimeout(drainTimer);
  clearTimeout(windowTimer);
  agent.destroy();
  const end = performance.now();
  result.windowMs = message.seconds * 1000;
  result.drainMs = Math.max(0, end - windowEnd);
  result.latencies.sort((a, b) => a - b);
  return result;
}

process.on("message", (message: LoadRun) => {
  if (message.op !== "run") return;
  run(message).then(
    (result) => process.send!({ op: "result", result }, () => process.exit(0)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});

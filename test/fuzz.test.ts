import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { buildGatewaySchema } from "../schema/build-schema.js";
import { ErrorCode } from "../src/errors/index.js";
import { REQUEST_ERROR_CODES } from "../src/server/format-error.js";
import { startTestLedgerline, type TestLedgerline } from "./e2e/start-test-ledgerline.js";
import { createOperationFuzzer, type FuzzCase } from "./support/operation-fuzzer.js";

/**
 * A seeded, schema-driven fuzzer over the real gateway and its three sandboxes: a few thousand
 * operations (random fields, arguments, aliases and fragments from the real schema, plus the attack
 * families), over HTTP and, every tenth one, over graphql-ws. Every answer must be a GraphQL answer
 * below 500 whose errors carry a code from the closed set (or a parse/validation code), never a
 * masked INTERNAL_SERVER_ERROR; a refused document must make no upstream call; nothing may be
 * written to stderr (no error logs, no unstructured stacks); and the gateway must still answer.
 */
const SEED = Number(process.env.LEDGERLINE_FUZZ_SEED ?? 20_260_930);
const SCALE = Number(process.env.LEDGERLINE_FUZZ_SCALE ?? 1);
const MIX_FULL = { query: 1000, mutation: 250, decimal: 250, fragmentCycle: 150, aliasFlood: 40, manyIds: 40, hugeDocument: 24 };
const MIX = Object.fromEntries(Object.entries(MIX_FULL).map(([k, v]) => [k, Math.ceil(v * SCALE)]));
const ALLOWED_CODES = new Set<string>([...Object.values(ErrorCode), ...REQUEST_ERROR_CODES].filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR));

interface Answer {
  status: number;
  /** Parsed JSON body, or the raw text when it is not JSON. */
  body: { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: unknown } }> } | string;
}

let t: TestLedgerline;
let ws: Client;
const stderr: string[] = [];
let restoreOutput: () => void = () => {};

beforeAll(async () => {
  t = await startTestLedgerline({ sandboxLimits: "relaxed", env: { LOG_LEVEL: "error" } });
  ws = wsClient();
  restoreOutput = captureOutput(stderr);
}, 120_000);
afterAll(async () => {
  restoreOutput();
  await ws?.dispose();
  await t?.close();
});

function wsClient(): Client {
  return createClient({ url: t.app.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true, connectionParams: { authorization: `Bearer ${t.app.localApiKey}` } });
}

/** Requests the three sandboxes have served so far. */
const upstreamCalls = () => t.app.sandboxes.reduce((sum, s) => sum + s.requestCount(), 0);

/**
 * Waits until no upstream call has started for a while: resolvers of an earlier operation may still
 * be running after its answer went out (graphql answers as soon as an error nulls their parent).
 */
async function upstreamQuiet(): Promise<void> {
  for (let last = upstreamCalls(), i = 0; i < 30; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (upstreamCalls() === last) return;
    last = upstreamCalls();
  }
}

/** Everything written to stderr or through console.* while the fuzzer runs. */
function captureOutput(into: string[]): () => void {
  const write = process.stderr.write;
  const methods = ["log", "info", "warn", "error", "debug", "trace"] as const;
  const originals = methods.map((m) => console[m]);
  process.stderr.write = ((chunk: unknown) => {
    into.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  for (const m of methods) console[m] = (...args: unknown[]) => void into.push(`console.${m}: ${args.map(String).join(" ")}`);
  return () => {
    process.stderr.write = write;
    methods.forEach((m, i) => (console[m] = originals[i]!));
  };
}

async function overHttp(c: FuzzCase): Promise<Answer> {
  const response = await fetch(t.app.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${t.app.localApiKey}` },
    body: JSON.stringify({ query: c.query, variables: c.variables }),
  });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) };
  } catch {
    return { status: response.status, body: text };
  }
}

/** Runs one case over graphql-ws: `refused` when the server answered with errors before any result. */
function overWs(c: FuzzCase): Promise<{ results: Answer["body"][]; errors?: unknown }> {
  const results: Answer["body"][] = [];
  return new Promise((resolve) => {
    ws.subscribe({ query: c.query, variables: c.variables }, {
      next: (result) => void results.push(result as Answer["body"]),
      error: (errors) => resolve({ results, errors }),
      complete: () => resolve({ results }),
    });
  });
}

/** What is wrong with an answer's errors, if anything. */
function badCodes(errors: Array<{ extensions?: { code?: unknown } }> | undefined): string | undefined {
  const codes = (errors ?? []).map((e) => String(e.extensions?.code));
  const bad = codes.filter((code) => !ALLOWED_CODES.has(code));
  return bad.length ? `codes outside the closed set: ${bad.join(", ")}` : undefined;
}

describe("fuzzing the gateway with generated operations", () => {
  it(`answers every one of ${Object.values(MIX).reduce((a, b) => a + b)} operations (seed ${SEED}) without a 5xx, a masked error, an upstream call for a refused document or a log line`, async () => {
    const schema = await buildGatewaySchema();
    const fuzzer = createOperationFuzzer(schema, { seed: SEED, organizationIds: t.app.sandboxes.map((s) => s.organization.id), realIdShare: 0.05 });
    const cases = fuzzer.generate(MIX);
    const problems: string[] = [];
    const tally: Record<string, { refused: number; ran: number; ms: number }> = {};
    const report = (c: FuzzCase, path: string, problem: string) => problems.push(`[${c.family} over ${path}] ${problem}: ${c.query.slice(0, 300)}`);

    for (const [index, c] of cases.entries()) {
      const before = upstreamCalls();
      const started = Date.now();
      const { status, body } = await overHttp(c);
      const calls = upstreamCalls() - before;
      const entry = (tally[c.family] ??= { refused: 0, ran: 0, ms: 0 });
      entry.ms += Date.now() - started;
      if (typeof body === "string") report(c, "HTTP", `status ${status}, not JSON: ${body.slice(0, 200)}`);
      else {
        if (status >= 500) report(c, "HTTP", `status ${status}`);
        const codes = badCodes(body.errors);
        if (codes) report(c, "HTTP", codes);
        const refused = !("data" in body);
        if (refused) entry.refused++;
        else entry.ran++;
        if (refused && calls > 0) {
          // Calls counted during a refusal may be an earlier operation's tail: send it again once all is quiet.
          await upstreamQuiet();
          const again = upstreamCalls();
          await overHttp(c);
          const own = upstreamCalls() - again;
          if (own > 0) report(c, "HTTP", `refused (${body.errors?.[0]?.message.slice(0, 120)}) after ${own} upstream calls`);
        }
        if (refused && status < 400) report(c, "HTTP", `refused with status ${status}`);
      }

      if (index % 10 === 0) {
        const wsBefore = upstreamCalls();
        const outcome = await overWs(c);
        const wsCalls = upstreamCalls() - wsBefore;
        if (outcome.errors !== undefined && !Array.isArray(outcome.errors)) {
          report(c, "graphql-ws", `the connection failed: ${String((outcome.errors as { code?: number })?.code ?? outcome.errors)}`);
          await ws.dispose();
          ws = wsClient();
          continue;
        }
        const errors = [...((outcome.errors as Array<{ extensions?: { code?: unknown } }>) ?? []), ...outcome.results.flatMap((r) => (typeof r === "string" ? [] : (r.errors ?? [])))];
        const codes = badCodes(errors);
        if (codes) report(c, "graphql-ws", codes);
        if (outcome.errors && outcome.results.length === 0 && wsCalls > 0) {
          await upstreamQuiet();
          const again = upstreamCalls();
          await overWs(c);
          const own = upstreamCalls() - again;
          if (own > 0) report(c, "graphql-ws", `refused after ${own} upstream calls`);
        }
      }
    }

    restoreOutput();
    console.info(`fuzz seed ${SEED}:`, JSON.stringify(tally));
    expect(problems.slice(0, 20), `${problems.length} problems`).toEqual([]);
    // Each attack family is refused every time it goes over a limit; none of them only ever runs.
    for (const family of ["fragmentCycle", "aliasFlood", "manyIds", "hugeDocument"]) expect(tally[family]!.refused, family).toBeGreaterThan(0);
    expect(tally.query!.ran, "random queries that ran").toBeGreaterThan(0);
    expect(stderr.join("").slice(0, 2000)).toBe("");

    // Still alive and answering, on both paths.
    const alive = await overHttp({ family: "alive", query: "{ organizations { id } }" });
    expect(alive.status).toBe(200);
    expect((alive.body as { data: { organizations: unknown[] } }).data.organizations).toHaveLength(3);
    expect((await overWs({ family: "alive", query: "{ organizations { id } }" })).results).toHaveLength(1);
  }, 240_000);
});

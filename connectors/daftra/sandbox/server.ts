/**
 * The Daftra sandbox: a loopback HTTP server speaking Daftra's v1 API (`/api2/…`, optional `.json`)
 * over seeded demo books, with API-key auth, Daftra's envelopes and a defensive rate limit.
 * See ASSUMPTIONS.md for the choices made where Daftra's docs are silent.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createActivity } from "./activity/simulator.js";
import { authenticate } from "./http/auth.js";
import { createRateLimiter } from "./http/rate-limit.js";
import { failed, ReplyError, writeReply, type Reply } from "./http/reply.js";
import { apiPath, matchRoute } from "./http/router.js";
import type { DaftraSandbox, DaftraSandboxOptions, SandboxStats } from "./options.js";
import { allRoutes } from "./routes/index.js";
import type { SandboxRuntime, SandboxState } from "./runtime.js";
import { createStateSaver, loadState } from "./state/persistence.js";
import { seededBooks } from "./state/seed-cache.js";

export type { DaftraSandbox, DaftraSandboxOptions } from "./options.js";

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ReplyError(failed(400, "Invalid JSON in the request body"));
  }
}

function createStats(): SandboxStats {
  const stats: SandboxStats = { total: 0, byPath: {}, byMethod: {}, reset: () => Object.assign(stats, { total: 0, byPath: {}, byMethod: {} }) };
  return stats;
}

export async function createDaftraSandbox(options: DaftraSandboxOptions = {}): Promise<DaftraSandbox> {
  const { port = 0, host = "127.0.0.1", seed = 7, now = () => new Date(), dataFile, apiKey = "daftra-sandbox-key", ratePerMinute = 120 } = options;
  const loaded = dataFile ? loadState(dataFile) : undefined;
  const seededAt = now();
  const state: SandboxState = loaded ?? { books: seededBooks(seed, seededAt.toISOString().slice(0, 10), seededAt) };
  const saver = createStateSaver(dataFile, state);
  const runtime: SandboxRuntime = { state, now, changed: saver.schedule };
  const routes = allRoutes(runtime);
  const limiter = createRateLimiter(ratePerMinute, () => now().getTime());
  const stats = createStats();
  const activity = createActivity(runtime, { seed: options.activity?.seed ?? seed, everyMs: options.activity?.everyMs });

  function answer(req: IncomingMessage, rawBody: string): Reply {
    const url = new URL(req.url ?? "/", "http://sandbox");
    const path = apiPath(url.pathname);
    if (path === undefined) return failed(404, "Not Found");
    stats.total += 1;
    stats.byPath[path] = (stats.byPath[path] ?? 0) + 1;
    const method = (req.method ?? "GET").toUpperCase();
    stats.byMethod[method] = (stats.byMethod[method] ?? 0) + 1;
    const refused = authenticate(req.headers, apiKey) ?? limiter.admit(apiKey);
    if (refused) return refused;
    const match = matchRoute(routes, (req.method ?? "GET").toUpperCase(), path);
    if (!match) return failed(404, "Item not found");
    try {
      const body = rawBody.trim() === "" ? undefined : parseJson(rawBody);
      return match.route.handler({ method: match.route.method, path, query: url.searchParams, params: match.params, body });
    } catch (error) {
      if (error instanceof ReplyError) return error.reply;
      return failed(500, "Internal Server Error");
    }
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => writeReply(res, answer(req, Buffer.concat(chunks).toString("utf8"))));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  if (!loaded) saver.schedule();
  if (options.activity && options.activity.everyMs > 0) activity.start();
  return {
    url: `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}/api2`,
    apiKey,
    books: state.books,
    stats,
    activity,
    close: async () => {
      activity.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      saver.flush();
    },
  };
}

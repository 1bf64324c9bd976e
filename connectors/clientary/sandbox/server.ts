/**
 * The Clientary sandbox: a loopback HTTP server speaking Clientary's API v2 (Basic auth with the
 * API token, `/api/v2` paths with an optional `.json` suffix, wrapped bodies, bare records,
 * plural-key list envelopes) over seeded, stateful books of a small design agency.
 * https://www.clientary.com/api
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createSandboxActivity } from "./activity/activity.js";
import { seedBooks } from "./books/seed.js";
import { tokenOf } from "./http/basic-auth.js";
import { HttpError, notFound, serverError, tooManyRequests, unauthorized } from "./http/errors.js";
import { createRateWindow } from "./http/rate-window.js";
import { writeReply, type Reply } from "./http/reply.js";
import { readJsonBody, type RequestContext } from "./http/request.js";
import { createRouter } from "./http/router.js";
import type { ClientarySandbox, ClientarySandboxOptions, SandboxStats } from "./options.js";
import { allRoutes } from "./routes/index.js";
import { createBooksSaver, loadBooks } from "./state/persistence.js";

export type { ClientarySandbox, ClientarySandboxOptions, SandboxStats } from "./options.js";

const API_PREFIX = "/api/v2";

function createStats(): SandboxStats {
  const stats: SandboxStats = { total: 0, writes: 0, byPath: {}, reset: () => Object.assign(stats, { total: 0, writes: 0, byPath: {} }) };
  return stats;
}

export async function createClientarySandbox(options: ClientarySandboxOptions = {}): Promise<ClientarySandbox> {
  const { port = 0, host = "127.0.0.1", seed = 11, now = () => new Date(), dataFile, apiToken = "clientary-sandbox-token", ratePerMinute = 120 } = options;
  const loaded = dataFile ? loadBooks(dataFile) : undefined;
  const seededAt = now();
  const books = loaded ?? seedBooks(seed, seededAt.toISOString().slice(0, 10), seededAt);
  const saver = createBooksSaver(dataFile, books);
  const runtime = { books, now, changed: saver.schedule };
  const match = createRouter(allRoutes(runtime));
  const activity = createSandboxActivity(runtime, options.activity);
  const rate = createRateWindow(ratePerMinute, () => now().getTime());
  const stats = createStats();

  async function answer(req: IncomingMessage): Promise<Reply> {
    const url = new URL(req.url ?? "/", "http://sandbox");
    if (!url.pathname.startsWith(`${API_PREFIX}/`)) return notFound();
    const path = url.pathname.slice(API_PREFIX.length).replace(/\.json$/, "").replace(/\/$/, "");
    stats.total += 1;
    if ((req.method ?? "GET").toUpperCase() !== "GET") stats.writes += 1;
    stats.byPath[path] = (stats.byPath[path] ?? 0) + 1;
    if (tokenOf(req.headers) !== apiToken) return unauthorized();
    const retryAfter = rate.admit();
    if (retryAfter !== undefined) return tooManyRequests(retryAfter);
    const found = match((req.method ?? "GET").toUpperCase(), path);
    if (!found) return notFound();
    const ctx: RequestContext = { method: req.method ?? "GET", path, query: url.searchParams, params: found.params, body: await readJsonBody(req), now: now() };
    return found.handler(ctx);
  }

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    let reply: Reply;
    try {
      reply = await answer(req);
    } catch (error) {
      reply = error instanceof HttpError ? error.reply : serverError();
    }
    writeReply(res, reply);
  };
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  if (!loaded) saver.schedule();
  if (options.activity) activity.start();
  const address = server.address() as AddressInfo;
  return {
    url: `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`,
    apiToken,
    books,
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

/**
 * The Xero sandbox: a loopback HTTP server speaking Xero's identity, connections and Accounting API
 * wire protocol over seeded, stateful demo books, so the unmodified xero-node SDK works against it
 * (`accountingApi.basePath = sandbox.url + "/api.xro/2.0"`).
 *
 *   /.well-known/openid-configuration(/jwks)   OIDC discovery, RS256 keys
 *   /identity/connect/authorize                auto-consent authorization endpoint
 *   /connect/token, /connect/revocation         token endpoint (3 grants), revocation
 *   /connections, /connections/{id}             tenants of the token
 *   /api.xro/2.0/…                              Accounting API
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createActivity } from "./activity/simulator.js";
import { readBody } from "./http/body.js";
import { runApi, type ApiServices } from "./http/api-pipeline.js";
import type { RequestContext } from "./http/context.js";
import { HttpError, notFound } from "./http/errors.js";
import { jsonReply, writeReply, type Reply } from "./http/reply.js";
import { Router } from "./http/router.js";
import { createSigningKey } from "./identity/signing-key.js";
import { emptyIdentityState } from "./identity/token-store.js";
import type { XeroSandbox, XeroSandboxOptions } from "./options.js";
import { allRoutes } from "./routes/index.js";
import type { SandboxRuntime, SandboxState } from "./runtime.js";
import { createStateSaver, loadState } from "./state/persistence.js";
import { countRequest, createRequestStats, recordWrite } from "./state/request-stats.js";
import { seededBooks } from "./state/seed-cache.js";
import { createSandboxWebhooks } from "./webhooks/index.js";
import { IdempotencyStore } from "./wire/idempotency.js";
import { RateLimiter } from "./wire/rate-limit.js";

export type { XeroSandbox, XeroSandboxOptions } from "./options.js";

const PROVIDER_NAME = "Ledgerline Sandbox";

export async function createXeroSandbox(options: XeroSandboxOptions = {}): Promise<XeroSandbox> {
  const {
    port = 0,
    host = "127.0.0.1",
    seed = 42,
    now = () => new Date(),
    today = now().toISOString().slice(0, 10),
    dataFile,
    clientId = "ledgerline-sandbox",
    clientSecret = "ledgerline-sandbox-secret",
    limits = { perMinute: 60, concurrent: 5, perDay: 5000 },
    latencyMs = 0,
    logger = {},
  } = options;

  const loaded = dataFile ? loadState(dataFile) : undefined;
  const state: SandboxState = loaded ?? { books: seededBooks(seed, today, now()), identity: emptyIdentityState() };
  const saver = createStateSaver(dataFile, () => state, logger);
  let baseUrl = "";
  const webhooks = createSandboxWebhooks({ books: () => state.books, baseUrl: () => baseUrl, now, logger });
  // Every kept change, from the API or the activity simulator, is saved and looked at for webhook events.
  const runtime: SandboxRuntime = {
    state, clientId, clientSecret, providerName: PROVIDER_NAME, signingKey: createSigningKey(), now, logger,
    changed: () => {
      saver.schedule();
      webhooks.collect();
    },
  };
  const activity = createActivity({
    books: () => state.books, now, logger, committed: () => runtime.changed(),
    seed: options.activity?.seed ?? seed, everyMs: options.activity?.everyMs,
  });
  const router = new Router().add(...allRoutes(runtime));
  const stats = createRequestStats();
  const clock = () => now().getTime();
  const limiter = new RateLimiter(limits, clock);
  const onError = (error: unknown, ctx: RequestContext): Reply => {
    logger.error?.("xero sandbox: unhandled error", { method: ctx.method, path: ctx.path, error: String((error as Error)?.stack ?? error) });
    return jsonReply(500, { ErrorNumber: 500, Type: "InternalServerException", Message: "An unexpected error occurred" });
  };
  const services: ApiServices = { runtime, limiter, idempotency: new IdempotencyStore(clock), stats, latencyMs, onError };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", baseUrl);
    countRequest(stats, url.pathname);
    const ctx: RequestContext = {
      method: (req.method ?? "GET").toUpperCase(), path: url.pathname, query: url.searchParams, params: {},
      headers: req.headers, rawBody: Buffer.alloc(0), baseUrl, now: now(),
    };
    let reply: Reply;
    try {
      ctx.rawBody = await readBody(req);
      recordWrite(stats, ctx.method, url.pathname + url.search, ctx.rawBody);
      const match = router.match(ctx.method, ctx.path);
      ctx.params = match?.params ?? {};
      if (!match) reply = notFound();
      else if (match.route.kind === "api") reply = await runApi(match.route.handler, ctx, services, url.pathname + url.search);
      else {
        reply = await match.route.handler(ctx);
        if (match.route.kind === "connections") reply = { ...reply, headers: { ...reply.headers, ...limiter.appCall() } };
      }
    } catch (error) {
      reply = error instanceof HttpError ? error.reply : onError(error, ctx);
    }
    logger.debug?.("xero sandbox request", { method: ctx.method, path: ctx.path, status: reply.status });
    writeReply(res, reply);
  }

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const hostPart = address.family === "IPv6" ? `[${address.address}]` : address.address;
  baseUrl = `http://${hostPart}:${address.port}`;
  // A new data file keeps the seeded books, so a restart on another day serves the same books.
  if (!loaded) saver.schedule();
  logger.info?.("xero sandbox listening", { url: baseUrl, tenantId: state.books.tenantId });
  if (options.webhooks) webhooks.configure(options.webhooks);
  if (options.activity) activity.start();

  return {
    url: baseUrl,
    tenantId: state.books.tenantId,
    clientId,
    clientSecret,
    books: state.books,
    stats,
    configureWebhooks: (target) => webhooks.configure(target),
    verifyWebhookEndpoint: () => webhooks.verifyEndpoint(),
    webhookStats: () => webhooks.stats(),
    flushWebhooks: () => webhooks.flush(),
    activity,
    close: async () => {
      activity.stop();
      webhooks.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      saver.flush();
    },
  };
}

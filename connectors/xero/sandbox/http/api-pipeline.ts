/**
 * The accounting API's request pipeline, run in this order for every tenant-scoped route:
 * bearer token (401) → tenant header (403) → rate limits (429) → artificial latency →
 * Idempotency-Key replay → the route → rate-limit and correlation headers.
 * https://developer.xero.com/documentation/api/accounting/requests-and-responses
 */
import { randomUUID } from "node:crypto";
import { authenticate } from "../identity/bearer.js";
import { resolveTenant } from "../identity/connections.js";
import { tenantOf, type SandboxRuntime } from "../runtime.js";
import { countTenant, type RequestStats } from "../state/request-stats.js";
import { IdempotencyStore, requestFingerprint } from "../wire/idempotency.js";
import type { RateLimiter } from "../wire/rate-limit.js";
import { header, type RequestContext } from "./context.js";
import { HttpError, problem, rateLimited } from "./errors.js";
import type { Reply } from "./reply.js";
import type { Handler } from "./router.js";

export interface ApiServices {
  runtime: SandboxRuntime;
  limiter: RateLimiter;
  idempotency: IdempotencyStore;
  stats: RequestStats;
  latencyMs: number;
  /** Turns an unexpected exception into a reply (500). */
  onError(error: unknown, ctx: RequestContext): Reply;
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function runHandler(handler: Handler, ctx: RequestContext, services: ApiServices): Promise<Reply> {
  try {
    return await handler(ctx);
  } catch (error) {
    return error instanceof HttpError ? error.reply : services.onError(error, ctx);
  }
}

async function withIdempotency(handler: Handler, ctx: RequestContext, services: ApiServices, pathAndQuery: string): Promise<Reply> {
  const key = header(ctx, "idempotency-key");
  if (!key || (ctx.method !== "POST" && ctx.method !== "PUT")) return runHandler(handler, ctx, services);
  const fingerprint = requestFingerprint(ctx.method, pathAndQuery, ctx.rawBody);
  const start = await services.idempotency.start(ctx.tenantId!, key, fingerprint);
  if (start.kind !== "fresh") return start.reply;
  const reply = await runHandler(handler, ctx, services);
  start.settle(reply);
  return reply;
}

export async function runApi(handler: Handler, ctx: RequestContext, services: ApiServices, pathAndQuery: string): Promise<Reply> {
  const correlation = { "Xero-Correlation-Id": randomUUID() };
  const { runtime } = services;
  let grant;
  try {
    grant = authenticate(runtime, ctx);
  } catch (error) {
    if (error instanceof HttpError) return { ...error.reply, headers: { ...error.reply.headers, ...correlation } };
    throw error;
  }
  const tenantId = resolveTenant(runtime.state.identity, grant, header(ctx, "xero-tenant-id"), tenantOf(runtime));
  if (!tenantId) {
    const reply = problem(403, "AuthenticationUnsuccessful");
    return { ...reply, headers: { ...reply.headers, ...correlation } };
  }
  ctx.grant = grant;
  ctx.tenantId = tenantId;
  countTenant(services.stats, tenantId);

  const admission = services.limiter.admit(tenantId);
  if (!admission.ok) {
    const reply = rateLimited(admission.problem, admission.retryAfterSeconds);
    return { ...reply, headers: { ...reply.headers, ...admission.headers, ...correlation } };
  }
  try {
    if (services.latencyMs > 0) await delay(services.latencyMs);
    const reply = await withIdempotency(handler, ctx, services, pathAndQuery);
    return { ...reply, headers: { ...reply.headers, ...admission.headers, ...correlation } };
  } finally {
    admission.release();
  }
}

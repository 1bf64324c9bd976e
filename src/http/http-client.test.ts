import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createHttpClient, httpErrorToGateway } from "./http-client.js";
import { ErrorCode, type GatewayError } from "../errors/index.js";
import { createUpstreamGovernor } from "../upstream/index.js";

let server: http.Server;
let base: string;
const hits = new Map<string, number>();
/** Connections the client holds open to the test server right now. */
const open = new Set<import("node:net").Socket>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const count = (hits.get(req.url!) ?? 0) + 1;
    hits.set(req.url!, count);
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.url === "/flaky") return count < 2 ? json(503, {}, { "retry-after": "0" }) : json(200, { ok: true, count });
    if (req.url === "/slow-down") return json(429, {}, { "retry-after": "3600" });
    if (req.url === "/invalid") return json(422, { errors: { name: ["can't be blank"] } });
    if (req.url === "/missing") return json(404, { message: "nope" });
    if (req.url === "/paused") return; // accepts, never answers
    json(200, { ok: true, auth: req.headers.apikey });
  });
  server.on("connection", (socket) => {
    open.add(socket);
    socket.on("close", () => open.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const client = () => createHttpClient({ provider: "Acme", baseUrl: base, headers: { apikey: "k" }, timeoutMs: 2000 });
const failure = async (path: string) => httpErrorToGateway("Acme", await client().get(path).catch((e: unknown) => e), (body) =>
  Object.entries((body as { errors?: Record<string, string[]> }).errors ?? {}).flatMap(([field, messages]) => messages.map((message) => ({ field, message }))));

describe("the shared provider HTTP client", () => {
  it("sends the configured headers and parses JSON", async () => {
    expect(await client().get("ok").json()).toEqual({ ok: true, auth: "k" });
  });

  it("retries a 503 that says Retry-After and then succeeds", async () => {
    expect(await client().get("flaky").json()).toEqual({ ok: true, count: 2 });
  });

  it("turns a long 429 into PROVIDER_RATE_LIMITED with the wait, without sitting it out", async () => {
    const error = (await failure("slow-down")) as GatewayError;
    expect(error.extensions).toMatchObject({ code: ErrorCode.PROVIDER_RATE_LIMITED, retryAfterSeconds: 3600 });
  });

  it("keeps the provider's field messages on a validation error", async () => {
    const error = (await failure("invalid")) as GatewayError;
    expect(error.extensions).toMatchObject({ code: ErrorCode.PROVIDER_VALIDATION, providerErrors: [{ field: "name", message: "can't be blank" }] });
  });

  it("maps 404 to NOT_FOUND and an unreachable host to PROVIDER_UNAVAILABLE", async () => {
    expect(((await failure("missing")) as GatewayError).extensions.code).toBe(ErrorCode.NOT_FOUND);
    const dead = createHttpClient({ provider: "Acme", baseUrl: "http://127.0.0.1:9/", retries: 0, timeoutMs: 1000 });
    const error = httpErrorToGateway("Acme", await dead.get("x").catch((e: unknown) => e));
    expect(error.extensions.code).toBe(ErrorCode.PROVIDER_UNAVAILABLE);
  });

  it("stops a request to a provider that never answers at the governor's deadline and drops the connection", async () => {
    const governor = createUpstreamGovernor({ maxConcurrent: 2, perMinute: 60, provider: "Acme", timeoutMs: 1000 });
    const patient = createHttpClient({ provider: "Acme", baseUrl: base, timeoutMs: 60_000, retries: 2 });
    const error = (await governor
      .run(({ signal }) => patient.get("paused", { signal }).json().catch((e: unknown) => Promise.reject(httpErrorToGateway("Acme", e))))
      .catch((e: unknown) => e)) as GatewayError;
    expect(error.extensions).toMatchObject({ code: ErrorCode.PROVIDER_UNAVAILABLE, provider: "Acme", timeoutSeconds: 1 });
    expect(error.message).toBe("Acme did not answer within 1 s. Try again shortly.");
    expect(hits.get("/paused")).toBe(1);
    await vi.waitFor(() => expect(open.size).toBe(0));
  });
});

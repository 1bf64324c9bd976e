import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode, type GatewayError } from "../../../src/errors/index.js";
import { createUpstreamGovernor } from "../../../src/upstream/index.js";
import { createDaftraApi } from "./daftra-api.js";

let server: http.Server;
let baseUrl: string;
const seen: http.IncomingHttpHeaders[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(req.headers);
    const reply = (status: number, type: string, body: string) => res.writeHead(status, { "content-type": type }).end(body);
    if (req.url?.startsWith("/api2/login-page")) return reply(200, "text/html", "<html>Please log in</html>");
    if (req.url?.startsWith("/api2/refused")) return reply(200, "application/json", JSON.stringify({ code: 200, result: "failed", message: "nope" }));
    if (req.url?.startsWith("/api2/forbidden")) return reply(403, "application/json", JSON.stringify({ result: "failed", code: 403, message: "Forbidden" }));
    if (req.url?.startsWith("/api2/in-use")) return reply(400, "application/json", JSON.stringify({ result: "failed", code: 400, message: "Can't delete item. Remove its transactions first." }));
    if (req.method === "POST") return reply(202, "application/json", JSON.stringify({ code: 202, result: "successful", id: "2415" }));
    reply(200, "application/json", JSON.stringify({ code: 200, result: "successful", data: [{ Tax: { id: "1" } }], pagination: { page: 1, page_count: 1, total_results: "1" } }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api2`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const api = () => createDaftraApi({ baseUrl, apiKey: async () => "k-1", governor: createUpstreamGovernor({ maxConcurrent: 2, perMinute: 1000 }) });
const failure = async (path: string) => (await api().list(path, {}).catch((e: unknown) => e)) as GatewayError;

describe("the Daftra API client", () => {
  it("sends only the apikey header, asks for .json, and reads numeric strings in pagination", async () => {
    expect(await api().list("taxes", { page: 1, limit: 5, skip: undefined })).toEqual({ rows: [{ Tax: { id: "1" } }], total: 1 });
    expect(seen.at(-1)).toMatchObject({ apikey: "k-1", accept: "application/json" });
    expect(seen.at(-1)!.authorization).toBeUndefined();
  });

  it.each([
    ["a login page answered with 200", "login-page", ErrorCode.PROVIDER_UNAVAILABLE],
    ["a 2xx whose result is not successful", "refused", ErrorCode.PROVIDER_UNAVAILABLE],
    ["a 403", "forbidden", ErrorCode.FORBIDDEN],
  ])("treats %s as a failure", async (_name, path, code) => {
    expect((await failure(path)).extensions.code).toBe(code);
  });

  it("sends writes to the .json path and reads the new id of a create", async () => {
    const client = api();
    expect(client.pathOf("clients")).toBe("/api2/clients.json");
    expect(await client.write({ method: "POST", path: client.pathOf("clients"), body: { Client: { business_name: "x" } } })).toEqual({ id: "2415" });
  });

  it("keeps the message of a refusal that has no field errors", async () => {
    const client = api();
    const error = (await client.write({ method: "DELETE", path: client.pathOf("in-use/3"), body: null }).catch((e: unknown) => e)) as GatewayError;
    expect(error.extensions).toMatchObject({ code: ErrorCode.PROVIDER_VALIDATION, providerErrors: [{ message: "Can't delete item. Remove its transactions first." }] });
  });

  it("answers NOT_FOUND for an id Daftra cannot have, without a call", async () => {
    const before = seen.length;
    expect(((await api().get("invoices", "abc").catch((e: unknown) => e)) as GatewayError).extensions.code).toBe(ErrorCode.NOT_FOUND);
    expect(seen.length).toBe(before);
  });
});

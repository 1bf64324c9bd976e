import { describe, expect, it } from "vitest";
import { createLogger, REDACTED, SECRET_KEYS, type LogLevel } from "./logger.js";

/** A logger writing into memory; answers it and the lines it wrote, parsed. */
function capture(level: LogLevel = "debug", bindings: Record<string, unknown> = {}) {
  const raw: string[] = [];
  const logger = createLogger(level, bindings, { write: (line: string) => void raw.push(line) });
  const lines = () => raw.join("").split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, raw, lines };
}

describe("createLogger", () => {
  it("writes one JSON object per line with an ISO time, the level as a word, the data and msg", () => {
    const { logger, raw, lines } = capture("debug");
    logger.info("store open", { store: "sqlite", records: 3 });
    logger.warn("no data");
    expect(raw.every((chunk) => chunk.endsWith("\n"))).toBe(true);
    const [first, second] = lines();
    expect(first).toEqual({ time: expect.any(String), level: "info", msg: "store open", store: "sqlite", records: 3 });
    expect(new Date(first!.time as string).toISOString()).toBe(first!.time);
    expect(second).toEqual({ time: expect.any(String), level: "warn", msg: "no data" });
  });

  it("writes only the levels at or above the one chosen; silent writes nothing", () => {
    const at = (level: LogLevel) => {
      const { logger, lines } = capture(level);
      logger.debug("d");
      logger.info("i");
      logger.warn("w");
      logger.error("e");
      logger.child({ requestId: "r1" }).debug("child d");
      return lines().map((l) => l.msg);
    };
    expect(at("debug")).toEqual(["d", "i", "w", "e", "child d"]);
    expect(at("info")).toEqual(["i", "w", "e"]);
    expect(at("warn")).toEqual(["w", "e"]);
    expect(at("error")).toEqual(["e"]);
    expect(at("silent")).toEqual([]);
  });

  it("adds the bindings of createLogger and of every child to each line of that logger only", () => {
    const { logger, lines } = capture("info", { service: "gateway" });
    const request = logger.child({ requestId: "r1" });
    const upstream = request.child({ provider: "XERO" });
    upstream.warn("slow", { ms: 900 });
    request.info("done");
    logger.info("parent");
    expect(lines()).toEqual([
      expect.objectContaining({ service: "gateway", requestId: "r1", provider: "XERO", ms: 900, msg: "slow" }),
      expect.objectContaining({ service: "gateway", requestId: "r1", msg: "done" }),
      expect.objectContaining({ service: "gateway", msg: "parent" }),
    ]);
    expect(lines()[1]).not.toHaveProperty("provider");
    expect(lines()[2]).not.toHaveProperty("requestId");
  });

  it("redacts every secret key at the top level", () => {
    const { logger, raw, lines } = capture("info");
    const data = Object.fromEntries(SECRET_KEYS.map((key, i) => [key, `top-secret-${i}`]));
    logger.info("secrets", { ...data, organizationId: "org_1" });
    const [line] = lines();
    for (const key of SECRET_KEYS) expect(line![key], key).toBe(REDACTED);
    expect(line!.organizationId).toBe("org_1");
    expect(raw.join("")).not.toContain("top-secret");
  });

  it("redacts secret keys nested a few levels deep, in arrays too, and leaves their neighbours", () => {
    const { logger, raw, lines } = capture("info");
    logger.error("upstream refused", {
      headers: { authorization: "Bearer h1", Authorization: "Bearer h2", cookie: "sid=h3", "content-type": "application/json" },
      request: { body: { client_secret: "h4", grant_type: "refresh_token", refresh_token: "h5" } },
      response: { data: { tokens: { access_token: "h6", id_token: "h7", expires_in: 1800 } } },
      organizations: [{ id: "org_1", credentials: { apiKey: "h8" } }, { id: "org_2", credentials: { apikey: "h9", api_key: "h10" } }],
      xero: { app: { clientSecret: "h11", clientId: "cid" } },
      status: 401,
    });
    const [line] = lines() as Array<Record<string, any>>;
    expect(line!.headers).toEqual({ authorization: REDACTED, Authorization: REDACTED, cookie: REDACTED, "content-type": "application/json" });
    expect(line!.request.body).toEqual({ client_secret: REDACTED, grant_type: "refresh_token", refresh_token: REDACTED });
    expect(line!.response.data.tokens).toEqual({ access_token: REDACTED, id_token: REDACTED, expires_in: 1800 });
    expect(line!.organizations).toEqual([{ id: "org_1", credentials: { apiKey: REDACTED } }, { id: "org_2", credentials: { apikey: REDACTED, api_key: REDACTED } }]);
    expect(line!.xero.app).toEqual({ clientSecret: REDACTED, clientId: "cid" });
    expect(line!.status).toBe(401);
    expect(raw.join("")).not.toMatch(/\bh\d+\b/);
  });

  it("redacts header-style keys (x-api-key, set-cookie, proxy-authorization) nested in headers", () => {
    const { logger, raw, lines } = capture("info");
    logger.warn("request", { headers: { "x-api-key": "k1", "X-Api-Key": "k2", "set-cookie": "k3", "proxy-authorization": "k4", Cookie: "k5", accept: "*/*" }, clientary: { apiToken: "k6" } });
    const [line] = lines() as Array<Record<string, any>>;
    expect(line!.headers).toEqual({ "x-api-key": REDACTED, "X-Api-Key": REDACTED, "set-cookie": REDACTED, "proxy-authorization": REDACTED, Cookie: REDACTED, accept: "*/*" });
    expect(line!.clientary.apiToken).toBe(REDACTED);
    expect(raw.join("")).not.toMatch(/\bk\d\b/);
  });

  it("redacts secrets in bindings, and does not add the keys where they are absent", () => {
    const { logger, raw, lines } = capture("info", { token: "bound-1" });
    logger.child({ auth: { password: "bound-2" }, organizationId: "org_1" }).info("bound", { nested: { plain: true } });
    expect(lines()[0]).toEqual(expect.objectContaining({ token: REDACTED, auth: { password: REDACTED }, organizationId: "org_1", nested: { plain: true } }));
    expect(raw.join("")).not.toContain("bound-");
  });

  it("does not change the caller's object", () => {
    const { logger } = capture("info");
    const data = { headers: { authorization: "Bearer keep" }, token: "keep" };
    logger.info("call", data);
    expect(data).toEqual({ headers: { authorization: "Bearer keep" }, token: "keep" });
  });
});

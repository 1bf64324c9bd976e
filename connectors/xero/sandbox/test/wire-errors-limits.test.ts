/**
 * Error shapes and limits over HTTP: 401/403 problem-JSON, the non-JSON 404, and 429 with
 * Retry-After / X-Rate-Limit-Problem for the per-minute, per-day and concurrent limits.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { XeroClient } from "xero-node";
import type { XeroSandbox } from "../server.js";
import { api, authorizationCodeTokens, clientCredentialsToken, movableClock, startSandbox } from "./harness.js";
import { sdkError } from "./xero-node.js";

const ZERO = "00000000-0000-0000-0000-000000000000";
const NOT_FOUND = "The resource you're looking for cannot be found";

describe("error shapes", () => {
  let sandbox: XeroSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());

  test("401 problem-JSON for a missing or unknown token", async () => {
    for (const token of ["", "not-a-token"]) {
      const res = await api(sandbox, token, "/Invoices");
      expect(res.status).toBe(401);
      expect(res.json).toEqual({ Type: null, Title: "Unauthorized", Status: 401, Detail: "AuthorizationUnsuccessful", Instance: expect.stringMatching(/^[0-9a-f-]{36}$/), Extensions: {} });
      expect(res.headers.get("xero-correlation-id")).toBeTruthy();
    }
  });

  test("403 AuthenticationUnsuccessful for a missing or unknown tenant", async () => {
    const { access_token } = await authorizationCodeTokens(sandbox);
    const expected = { Type: null, Title: "Forbidden", Status: 403, Detail: "AuthenticationUnsuccessful" };
    expect((await api(sandbox, access_token, "/Invoices", { tenant: null })).json).toMatchObject(expected);
    expect((await api(sandbox, access_token, "/Invoices", { tenant: ZERO })).status).toBe(403);
    expect((await api(sandbox, access_token, "/Invoices")).status).toBe(200);
    const cc = await clientCredentialsToken(sandbox);
    expect((await api(sandbox, cc, "/Invoices", { tenant: "" })).status).toBe(200);
    expect((await api(sandbox, cc, "/Invoices", { tenant: ZERO })).json).toMatchObject(expected);
  });

  test("404 is text/html for unknown ids and unknown routes", async () => {
    const token = await clientCredentialsToken(sandbox);
    for (const path of [`/Invoices/${ZERO}`, `/Contacts/${ZERO}`, "/Nonsense", `/Invoices/${ZERO}/History`]) {
      const res = await api(sandbox, token, path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type")).toBe("text/html");
      expect(res.text).toBe(NOT_FOUND);
    }
    const outside = await fetch(`${sandbox.url}/nothing/here`);
    expect([outside.status, await outside.text()]).toEqual([404, NOT_FOUND]);
  });
});

describe("rate limits", () => {
  let sandbox: XeroSandbox;
  afterEach(() => sandbox.close());

  test("per-minute: X-MinLimit-Remaining counts down, then 429 minute until the window rolls", async () => {
    const clock = movableClock();
    sandbox = await startSandbox({ now: clock.now, limits: { perMinute: 3 } });
    const token = await clientCredentialsToken(sandbox);
    const remaining = [];
    for (let i = 0; i < 3; i += 1) {
      const res = await api(sandbox, token, "/Organisation");
      expect(res.status).toBe(200);
      remaining.push(res.headers.get("x-minlimit-remaining"));
      expect(res.headers.get("x-daylimit-remaining")).toBe(String(5000 - i - 1));
    }
    expect(remaining).toEqual(["2", "1", "0"]);
    clock.advance(20_000);
    const limited = await api(sandbox, token, "/Organisation");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("x-rate-limit-problem")).toBe("minute");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(39);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(40);
    expect(limited.text).toBe("");

    // xero-node surfaces the same 429 with its headers.
    const xero = new XeroClient();
    xero.accountingApi.basePath = `${sandbox.url}/api.xro/2.0`;
    xero.accountingApi.accessToken = token;
    const error = sdkError(await xero.accountingApi.getInvoices("").catch((e: unknown) => e));
    expect(error.response.statusCode).toBe(429);
    expect(error.response.headers["x-rate-limit-problem"]).toBe("minute");

    clock.advance(41_000);
    expect((await api(sandbox, token, "/Organisation")).status).toBe(200);
  });

  test("per-day: 429 day with Retry-After until UTC midnight", async () => {
    sandbox = await startSandbox({ limits: { perDay: 2 } });
    const token = await clientCredentialsToken(sandbox);
    expect((await api(sandbox, token, "/Accounts")).status).toBe(200);
    expect((await api(sandbox, token, "/Accounts")).headers.get("x-daylimit-remaining")).toBe("0");
    const limited = await api(sandbox, token, "/Accounts");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("x-rate-limit-problem")).toBe("day");
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(86_400);
  });

  test("concurrent: calls beyond the in-flight limit get 429 concurrent", async () => {
    sandbox = await startSandbox({ limits: { concurrent: 2 }, latencyMs: 200 });
    const token = await clientCredentialsToken(sandbox);
    const results = await Promise.all(Array.from({ length: 5 }, () => api(sandbox, token, "/TaxRates")));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 429, 429, 429]);
    const limited = results.find((r) => r.status === 429)!;
    expect(limited.headers.get("x-rate-limit-problem")).toBe("concurrent");
    expect(limited.headers.get("retry-after")).toBe("1");
    expect((await api(sandbox, token, "/TaxRates")).status).toBe(200);
    expect(sandbox.stats.byTenant[sandbox.tenantId]).toBe(6);
  });
});

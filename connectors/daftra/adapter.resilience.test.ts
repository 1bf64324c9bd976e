import { afterEach, describe, expect, it } from "vitest";
import { ErrorCode, type GatewayError } from "../../src/errors/index.js";
import { daftraCredentialsStore } from "./auth/credentials-store.js";
import { startSandboxOrganization, type SandboxOrganization } from "./testing/sandbox-organization.js";

let org: SandboxOrganization | undefined;
afterEach(() => org?.sandbox.close());

const firstInvoices = (o: SandboxOrganization) => o.adapter.list("Invoice", { first: 2, offset: 0, filter: {} });

describe("Daftra adapter: provider failures", () => {
  it("turns a refused key into PROVIDER_AUTH_EXPIRED", async () => {
    org = await startSandboxOrganization();
    await daftraCredentialsStore(org.store, org.secrets).save(org.organization.id, { apiKey: "revoked" });
    const error = (await firstInvoices(org).catch((e: unknown) => e)) as GatewayError;
    expect(error.extensions.code).toBe(ErrorCode.PROVIDER_AUTH_EXPIRED);
  });

  it("waits out a short 429 (Retry-After honoured) and succeeds", async () => {
    let shiftMs = 0;
    org = await startSandboxOrganization({ sandbox: { ratePerMinute: 2, now: () => new Date(Date.now() + shiftMs) } });
    await firstInvoices(org);
    await firstInvoices(org);
    shiftMs = 59_500;
    org.sandbox.stats.reset();
    expect((await firstInvoices(org)).items).toHaveLength(2);
    expect(org.sandbox.stats.total).toBe(2);
  });

  it("fails fast with PROVIDER_RATE_LIMITED when the wait is longer than the organization allows", async () => {
    org = await startSandboxOrganization({ sandbox: { ratePerMinute: 1 }, settings: { limits: { maxConcurrent: 2, perMinute: 1000, maxRetryWaitMs: 1000 } } });
    await firstInvoices(org);
    const error = (await firstInvoices(org).catch((e: unknown) => e)) as GatewayError;
    expect(error.extensions.code).toBe(ErrorCode.PROVIDER_RATE_LIMITED);
    expect(Number(error.extensions.retryAfterSeconds)).toBeGreaterThan(1);
  });

  it("translates a provider validation answer with its field messages", async () => {
    org = await startSandboxOrganization();
    const error = (await org.adapter.list("Invoice", { first: 5, offset: 0, filter: { dateFrom: "2026-1-1" } }).catch((e: unknown) => e)) as GatewayError;
    expect(error.extensions).toMatchObject({ code: ErrorCode.PROVIDER_VALIDATION, providerErrors: [{ field: "date_from" }] });
  });
});

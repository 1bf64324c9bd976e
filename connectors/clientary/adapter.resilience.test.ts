import { afterEach, describe, expect, it } from "vitest";
import { ErrorCode } from "../../src/errors/index.js";
import { createClientaryAdapter } from "./adapter.js";
import { startSandboxOrganization, type SandboxOrganization } from "./testing/sandbox-organization.js";

let org: SandboxOrganization | undefined;
afterEach(async () => {
  await org?.sandbox.close();
  org = undefined;
});

const firstPage = (o: SandboxOrganization) => o.adapter.list("Invoice", { first: 5, offset: 0, filter: {} });

describe("upstream failures", () => {
  it("answers PROVIDER_RATE_LIMITED with the sandbox's Retry-After when the wait is longer than the organization allows", async () => {
    org = await startSandboxOrganization({ sandbox: { ratePerMinute: 2 }, settings: { limits: { maxConcurrent: 1, perMinute: 1000, maxRetryWaitMs: 1000 } } });
    await firstPage(org);
    await firstPage(org);
    const error = await firstPage(org).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: ErrorCode.PROVIDER_RATE_LIMITED });
    expect((error as { extensions: { retryAfterSeconds: number } }).extensions.retryAfterSeconds).toBeGreaterThan(1);
  });

  it("answers PROVIDER_AUTH_EXPIRED when Clientary refuses the token", async () => {
    org = await startSandboxOrganization({ apiToken: "revoked-token" });
    await expect(firstPage(org)).rejects.toMatchObject({ code: ErrorCode.PROVIDER_AUTH_EXPIRED });
  });

  it("answers PROVIDER_AUTH_EXPIRED when no token is stored, without calling Clientary", async () => {
    org = await startSandboxOrganization();
    const bare = createClientaryAdapter({ ...org.connectorOptions, organization: { ...org.organization, id: "org-without-token" } });
    org.sandbox.stats.reset();
    await expect(bare.list("Invoice", { first: 5, offset: 0, filter: {} })).rejects.toMatchObject({ code: ErrorCode.PROVIDER_AUTH_EXPIRED });
    expect(org.sandbox.stats.total).toBe(0);
  });

  it("answers NOT_FOUND for a contact filter naming no client", async () => {
    org = await startSandboxOrganization();
    await expect(org.adapter.list("Invoice", { first: 5, offset: 0, filter: { contactRemoteId: "999999" } })).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
  });

  it("caches joined lists: a second page of clients reads contacts no more", async () => {
    org = await startSandboxOrganization();
    await org.adapter.list("Contact", { first: 10, offset: 0, filter: {} });
    org.sandbox.stats.reset();
    const page = await org.adapter.list("Contact", { first: 10, offset: 10, filter: {} });
    expect(org.sandbox.stats.byPath).toEqual({ "/clients": 1 });
    expect(page.items.some((c) => c.email)).toBe(true);
  });
});

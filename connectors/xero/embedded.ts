import path from "node:path";
import { Provider } from "../../schema/common/provider.enum.js";
import type { EmbeddedSandbox, EmbeddedSandboxOptions, SandboxWebhookCheck, SandboxWebhookTarget } from "../../src/connector/embedded.js";
import type { OrganizationRecord } from "../../src/organizations/organization-record.js";
import { organizationScope } from "../../src/organizations/adapter-pool.js";
import { createXeroSandbox, type XeroSandbox } from "./sandbox/server.js";
import { connectOrganization } from "./auth/connect-organization.js";
import { xeroCredentialsStore } from "./auth/credentials-store.js";
import type { XeroSettingsInput } from "./config.js";

const RELAXED = { perMinute: 1_000_000, concurrent: 1_000, perDay: 100_000_000 };

/** The embedded default's Xero: the sandbox, and one organization connected to it through the real OAuth flow. */
export const xeroEmbeddedSandbox: EmbeddedSandbox = {
  provider: Provider.XERO,
  async start(options) {
    const relaxed = options.limits === "relaxed";
    const sandbox = await createXeroSandbox({
      port: options.port,
      dataFile: path.join(options.dataDir, "xero-sandbox.json"),
      ...(relaxed ? { limits: RELAXED } : typeof options.limits === "object" ? { limits: options.limits } : {}),
      activity: options.activity ?? null,
      webhooks: options.webhooks ?? null,
    });
    try {
      const organization = await ensureOrganization(sandbox, options, relaxed);
      return {
        provider: Provider.XERO, url: sandbox.url, organization, sandbox,
        requestCount: () => sandbox.stats.total,
        configureWebhooks: (target) => configureWebhooks(sandbox, target),
        close: () => sandbox.close(),
      };
    } catch (error) {
      await sandbox.close();
      throw error;
    }
  },
};

/** As saving a webhook URL in a Xero app does: the subscription starts, then Xero sends its intent-to-receive check. */
async function configureWebhooks(sandbox: XeroSandbox, target: SandboxWebhookTarget): Promise<SandboxWebhookCheck> {
  sandbox.configureWebhooks(target);
  const result = await sandbox.verifyWebhookEndpoint();
  const problems = result.checks.filter((c) => !c.ok).map((c) => `${c.signature} signature: ${c.problem ?? "failed"}`);
  return { ok: result.ok, url: target.url, problems: result.ok || problems.length > 0 ? problems : ["no check was run"] };
}

function settingsFor(sandbox: XeroSandbox, relaxed: boolean): XeroSettingsInput & { sandbox: true } {
  return {
    sandbox: true,
    apiUrl: sandbox.url,
    identityUrl: sandbox.url,
    tenantId: sandbox.tenantId,
    clientId: sandbox.clientId,
    ...(relaxed ? { limits: { maxConcurrent: RELAXED.concurrent, perMinute: RELAXED.perMinute, perDay: RELAXED.perDay } } : {}),
  };
}

/** Reuses the sandbox organization across restarts (its URL may move); connects it once when absent or when its credentials are gone. */
async function ensureOrganization(sandbox: XeroSandbox, options: EmbeddedSandboxOptions, relaxed: boolean): Promise<OrganizationRecord> {
  const settings = settingsFor(sandbox, relaxed);
  const existing = (await options.organizations.list()).find((o) => o.provider === Provider.XERO && o.settings.sandbox === true);
  const credentialsOf = (id: string) => xeroCredentialsStore(organizationScope(options.connectorStore, id), options.secrets);
  if (existing && existing.settings.tenantId === sandbox.tenantId && (await credentialsOf(existing.id).load(existing.id))) {
    const updated = { ...existing, settings };
    await options.organizations.update(updated);
    return updated;
  }
  const { tenants, tokenSet } = await connectOrganization({
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
    redirectUri: "http://127.0.0.1/ledgerline/xero/callback",
    identityUrl: sandbox.url,
    apiUrl: sandbox.url,
  });
  const tenant = tenants.find((t) => t.tenantId === sandbox.tenantId) ?? tenants[0];
  const organization = existing
    ? { ...existing, settings: { ...settings, tenantId: tenant.tenantId } }
    : await options.organizations.create({ provider: Provider.XERO, name: tenant.tenantName ?? "Xero sandbox", settings: { ...settings, tenantId: tenant.tenantId } });
  if (existing) await options.organizations.update(organization);
  await credentialsOf(organization.id).save(organization.id, { clientSecret: sandbox.clientSecret, tokenSet });
  options.logger.info("connected the Xero sandbox organization", { organizationId: organization.id });
  return organization;
}

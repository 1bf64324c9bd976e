import type { Command } from "commander";
import { systemClock } from "../infra/clock.js";
import type { OrganizationRecord } from "../organizations/organization-record.js";
import { createXeroConnectFlow } from "../../connectors/xero/connect/xero-connect-flow.js";
import type { CliServices } from "./cli-services.js";
import { CliError, EXIT } from "./cli-errors.js";
import { organizationView, table } from "./output.js";
import type { CliIo, Runner } from "./program.js";

/** `ledgerline orgs list|connect-xero|connect-daftra|connect-clientary|disconnect`. */
export function organizationCommands(program: Command, run: Runner, io: Pick<CliIo, "readStdin">): void {
  const orgs = program.command("orgs").description("organizations: the books at Xero, Daftra and Clientary the gateway serves");

  orgs
    .command("list")
    .description("list every connected organization")
    .action((_options: unknown, command: Command) =>
      run(command, async ({ admin }, out) => {
        const all = await admin.list();
        out.result(all.map(organizationView), () =>
          table(["ID", "PROVIDER", "NAME", "SITE", "CREATED"], all.map((o) => { const v = organizationView(o); return [v.id, v.provider, v.name, v.sandbox ? `${v.siteUrl ?? ""} (sandbox)`.trim() : (v.siteUrl ?? "-"), v.createdAt]; })),
        );
      }),
    );

  orgs
    .command("connect-xero")
    .description("start connecting a Xero organisation: prints the consent link to open in a browser; the running gateway completes it")
    .requiredOption("--key <id>", "the API key that is granted the organisation once connected (key_…)")
    .action((options: { key: string }, command: Command) =>
      run(command, async ({ config, store, organizations, secrets, apiKeys }, out) => {
        if (!config.xero) {
          throw new CliError("connect-xero needs the gateway's Xero app: set XERO_CLIENT_ID, XERO_CLIENT_SECRET and XERO_REDIRECT_URI as the gateway has them (Xero sends the person back to the gateway at XERO_REDIRECT_URI)", EXIT.CONFIG);
        }
        const key = await usableKey(apiKeys, options.key);
        const flow = createXeroConnectFlow({ app: config.xero, store, organizations, connectorStore: store.namespace("connector"), secrets, apiKeys, clock: systemClock });
        const { consentUrl, expiresAt } = await flow.start({ apiKeyId: key.id, name: key.name, organizationIds: key.organizationIds, scopes: key.scopes });
        out.result({ provider: "XERO", consentUrl, expiresAt, apiKeyId: key.id }, () =>
          [
            "Open this link in a browser, sign in to Xero and pick the organisation:",
            consentUrl,
            `Xero then sends the browser to ${config.xero!.redirectUri}, where the running gateway connects it and grants it to ${key.id}. The link works once, until ${expiresAt}.`,
          ].join("\n"),
        );
      }),
    );

  orgs
    .command("connect-daftra")
    .description("connect a Daftra account with an API key (Settings → API); checked with one call to Daftra before it is saved")
    .requiredOption("--site <url>", "the account's address, e.g. https://acme.daftra.com")
    .requiredOption("--api-key <key>", 'the API key, or "-" to read it from standard input')
    .option("--name <name>", "the organization's name here (default: the name Daftra states)")
    .option("--grant-to <id>", "an API key (key_…) to grant the new organization to")
    .action((options: { site: string; apiKey: string; name?: string; grantTo?: string }, command: Command) =>
      run(command, async (services, out) => {
        const grantee = options.grantTo ? await usableKey(services.apiKeys, options.grantTo) : undefined;
        const apiKey = await secretOption(options.apiKey, io, "--api-key");
        const organization = await services.admin.connectDaftra({ siteUrl: options.site, apiKey, ...(options.name ? { name: options.name } : {}) });
        printConnected(out, await grantTo(services, grantee?.id, organization));
      }),
    );

  orgs
    .command("connect-clientary")
    .description("connect a Clientary account with a user's API token; checked with one call to Clientary before it is saved")
    .requiredOption("--site <url>", "the account's address, e.g. https://acme.clientary.com")
    .requiredOption("--token <token>", 'the API token, or "-" to read it from standard input')
    .option("--name <name>", "the organization's name here (default: made from the address)")
    .option("--currency <code>", "the account's currency, ISO 4217 (default USD)")
    .option("--grant-to <id>", "an API key (key_…) to grant the new organization to")
    .action((options: { site: string; token: string; name?: string; currency?: string; grantTo?: string }, command: Command) =>
      run(command, async (services, out) => {
        const grantee = options.grantTo ? await usableKey(services.apiKeys, options.grantTo) : undefined;
        const token = await secretOption(options.token, io, "--token");
        const organization = await services.admin.connectClientary({
          siteUrl: options.site, token, ...(options.name ? { name: options.name } : {}), ...(options.currency ? { currency: options.currency } : {}),
        });
        printConnected(out, await grantTo(services, grantee?.id, organization));
      }),
    );

  orgs
    .command("disconnect")
    .description("disconnect an organization: forget it and its stored credentials")
    .argument("<id>", "the organization's id (org_…), from `ledgerline orgs list`")
    .action((id: string, _options: unknown, command: Command) =>
      run(command, async ({ admin }, out) => {
        const gone = await admin.disconnect(id);
        out.result(organizationView(gone), () => `Disconnected ${gone.provider} organization ${gone.id} "${gone.name}"; its stored credentials are deleted.`);
      }),
    );
}

/** A key that exists and is not revoked, or a refusal naming it. */
async function usableKey(apiKeys: CliServices["apiKeys"], id: string) {
  const key = await apiKeys.get(id);
  if (!key) throw new CliError(`no API key ${id}; list them with \`ledgerline keys list\``, EXIT.NOT_FOUND, "key");
  if (key.revokedAt) throw new CliError(`API key ${id} was revoked at ${key.revokedAt}; name a key in use`, EXIT.USAGE, "key");
  return key;
}

/** A secret given on the command line, or read from standard input when given as "-". */
async function secretOption(value: string, io: Pick<CliIo, "readStdin">, option: string): Promise<string> {
  if (value !== "-") return value;
  const text = (await io.readStdin()).trim();
  if (!text) throw new CliError(`${option} - reads the secret from standard input, which was empty`);
  return text;
}

async function grantTo({ apiKeys }: CliServices, keyId: string | undefined, organization: OrganizationRecord): Promise<OrganizationRecord & { grantedTo?: string }> {
  if (!keyId) return organization;
  const key = await apiKeys.get(keyId);
  if (key && !key.revokedAt) await apiKeys.addGrant(keyId, organization.id);
  return { ...organization, grantedTo: keyId };
}

function printConnected(out: Parameters<Parameters<Runner>[1]>[1], organization: OrganizationRecord & { grantedTo?: string }): void {
  const view = { ...organizationView(organization), ...(organization.grantedTo ? { grantedTo: organization.grantedTo } : {}) };
  out.result(view, () =>
    `Connected ${view.provider} organization ${view.id} "${view.name}" at ${view.siteUrl}.${organization.grantedTo ? ` Granted to ${organization.grantedTo}.` : " Grant it to keys with `ledgerline keys grant`."}`,
  );
}

import type { Command } from "commander";
import type { ApiKeySummary } from "../auth/api-key-service.js";
import { CliError, EXIT } from "./cli-errors.js";
import { grantsText, keyView, table } from "./output.js";
import { DEFAULT_SCOPES_TEXT, organizationsOption, scopesOption } from "./options.js";
import type { Runner } from "./program.js";

const KEY_ID = "<id>";

/** `ledgerline keys create|list|revoke|grant`. */
export function keyCommands(program: Command, run: Runner): void {
  const keys = program.command("keys").description("API keys: who may call the gateway, what they may do (scopes) and which organizations they see");

  keys
    .command("create")
    .description("create an API key; the key is printed once, store it now")
    .requiredOption("--name <name>", "who or what uses it")
    .option("--scopes <list>", `comma-separated: ${["READ", "WRITE", "SUBSCRIBE", "ADMIN"].join(", ")}, or all`, scopesOption)
    .option("--orgs <ids>", 'comma-separated organization ids it may see, or "*" for every one (default: none)', organizationsOption)
    .action((options: { name: string; scopes?: ReturnType<typeof scopesOption>; orgs?: string[] }, command: Command) =>
      run(command, async ({ apiKeys, admin }, out) => {
        const grants = await admin.grants(options.orgs ?? []);
        const { id, key } = await apiKeys.create({ name: options.name, organizationIds: grants, scopes: options.scopes ?? scopesOption(DEFAULT_SCOPES_TEXT) });
        const created = (await apiKeys.get(id))!;
        out.result({ ...keyView(created), key }, () =>
          [
            `Created API key ${id} "${created.name}": scopes ${created.scopes.join(", ")}; ${grantsText(created.organizationIds)}.`,
            "The key (shown this once; send it as `Authorization: Bearer <key>`):",
            key,
          ].join("\n"),
        );
      }),
    );

  keys
    .command("list")
    .description("list every API key, revoked ones too")
    .action((_options: unknown, command: Command) =>
      run(command, async ({ apiKeys }, out) => {
        const all = await apiKeys.list();
        out.result(all.map(keyView), () =>
          table(["ID", "NAME", "SCOPES", "ORGANIZATIONS", "CREATED", "REVOKED"], all.map((k) => [k.id, k.name, k.scopes.join(","), grantsCell(k), k.createdAt, k.revokedAt ?? "-"])),
        );
      }),
    );

  keys
    .command("revoke")
    .description("revoke an API key at once (every gateway sharing the store refuses it)")
    .argument(KEY_ID, "the key's id (key_…), from `ledgerline keys list`")
    .action((id: string, _options: unknown, command: Command) =>
      run(command, async ({ apiKeys }, out) => {
        if (!(await apiKeys.revoke(id))) throw new CliError(`no API key ${id}; list them with \`ledgerline keys list\``, EXIT.NOT_FOUND, "id");
        const revoked = (await apiKeys.get(id))!;
        out.result(keyView(revoked), () => `Revoked API key ${id} "${revoked.name}" (${revoked.revokedAt}).`);
      }),
    );

  keys
    .command("grant")
    .description("replace the organizations an API key may see")
    .argument(KEY_ID, "the key's id (key_…)")
    .requiredOption("--orgs <ids>", 'comma-separated organization ids, or "*" for every one', organizationsOption)
    .action((id: string, options: { orgs: string[] }, command: Command) =>
      run(command, async ({ apiKeys, admin }, out) => {
        const granted = await apiKeys.grant(id, await admin.grants(options.orgs));
        out.result(keyView(granted), () => `API key ${id} "${granted.name}" now sees ${grantsText(granted.organizationIds)}.`);
      }),
    );
}

const grantsCell = (k: ApiKeySummary) => (k.organizationIds === "*" ? "*" : k.organizationIds.join(",") || "-");

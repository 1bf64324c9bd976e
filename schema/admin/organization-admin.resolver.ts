import { Arg, Ctx, Extensions, ID, Mutation, Query, Resolver } from "type-graphql";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import type { OrganizationRecord } from "../../src/organizations/organization-record.js";
import { needsScopes } from "../../src/auth/scope-check.js";
import { Scope } from "../../src/auth/scopes.js";
import { ConnectedOrganization } from "./connected-organization.type.js";
import { adminOf, toConnectedOrganization } from "./admin-views.js";

const ADMIN = needsScopes(Scope.ADMIN);
const NAME = "The organization's name here; absent: the name the provider states (Daftra), else one made from the address.";

/**
 * Connected organizations, for keys with the ADMIN scope (`ledgerline orgs …` does the same from the
 * command line). Xero organizations connect by consent: `connectOrganization(provider: XERO)`.
 */
@Resolver()
export class OrganizationAdminResolver {
  @Extensions(ADMIN)
  @Query(() => [ConnectedOrganization], { description: "Every organization connected to this gateway, whatever the calling key's grants (ADMIN)." })
  async connectedOrganizations(@Ctx() ctx: GatewayContext): Promise<ConnectedOrganization[]> {
    return (await adminOf(ctx).organizations.list()).map(toConnectedOrganization);
  }

  @Extensions(ADMIN)
  @Mutation(() => ConnectedOrganization, {
    description:
      "Connects a Daftra account with one of its API keys (Settings → API) (ADMIN). The key is checked with one call to Daftra (its site profile) before anything is saved; " +
      "a bad address or a refused key is BAD_USER_INPUT naming the field. The new organization is granted to the calling key.",
  })
  async connectDaftra(
    @Arg("siteUrl", () => String, { description: "The account's address, e.g. https://acme.daftra.com (its API is below /api2)." }) siteUrl: string,
    @Arg("apiKey", () => String) apiKey: string,
    @Arg("name", () => String, { nullable: true, description: NAME }) name: string | null | undefined,
    @Ctx() ctx: GatewayContext,
  ): Promise<ConnectedOrganization> {
    const organization = await adminOf(ctx).organizations.connectDaftra({ siteUrl, apiKey, ...(name ? { name } : {}) });
    return toConnectedOrganization(await grantToCaller(ctx, organization));
  }

  @Extensions(ADMIN)
  @Mutation(() => ConnectedOrganization, {
    description:
      "Connects a Clientary account with a user's API token (ADMIN). The token is checked with one call to Clientary (its staff list) before anything is saved; " +
      "a bad address or a refused token is BAD_USER_INPUT naming the field. The new organization is granted to the calling key.",
  })
  async connectClientary(
    @Arg("siteUrl", () => String, { description: "The account's address, e.g. https://acme.clientary.com." }) siteUrl: string,
    @Arg("token", () => String) token: string,
    @Arg("name", () => String, { nullable: true, description: NAME }) name: string | null | undefined,
    @Arg("currency", () => String, { nullable: true, description: "The account's currency, ISO 4217 (Clientary states none for payments and expenses). @default USD" }) currency: string | null | undefined,
    @Ctx() ctx: GatewayContext,
  ): Promise<ConnectedOrganization> {
    const organization = await adminOf(ctx).organizations.connectClientary({ siteUrl, token, ...(name ? { name } : {}), ...(currency ? { currency } : {}) });
    return toConnectedOrganization(await grantToCaller(ctx, organization));
  }

  @Extensions(ADMIN)
  @Mutation(() => ConnectedOrganization, { description: "Disconnects an organization: forgets it and its stored credentials (ADMIN). Keys granted it no longer see it." })
  async disconnectOrganization(@Arg("id", () => ID) id: string, @Ctx() ctx: GatewayContext): Promise<ConnectedOrganization> {
    return toConnectedOrganization(await adminOf(ctx).organizations.disconnect(id));
  }
}

/** As the Xero consent flow does: the key that connected an organization may see it. */
async function grantToCaller(ctx: GatewayContext, organization: OrganizationRecord): Promise<OrganizationRecord> {
  const { apiKeys } = adminOf(ctx);
  const caller = await apiKeys.get(ctx.principal.apiKeyId);
  if (caller && !caller.revokedAt) await apiKeys.addGrant(caller.id, organization.id);
  return organization;
}

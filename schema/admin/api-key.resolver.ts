import { Arg, Ctx, Extensions, ID, Mutation, Query, Resolver } from "type-graphql";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import { needsScopes } from "../../src/auth/scope-check.js";
import { Scope } from "../../src/auth/scopes.js";
import { notFound } from "../../src/errors/index.js";
import { ApiKeyScope } from "./api-key-scope.enum.js";
import { ApiKey, CreatedApiKey } from "./api-key.type.js";
import { adminOf, toApiKey } from "./admin-views.js";

const ADMIN = needsScopes(Scope.ADMIN);

/** API keys, for keys with the ADMIN scope (`ledgerline keys …` does the same from the command line). */
@Resolver()
export class ApiKeyAdminResolver {
  @Extensions(ADMIN)
  @Query(() => [ApiKey], { description: "Every API key, revoked ones too, oldest first (ADMIN)." })
  async apiKeys(@Ctx() ctx: GatewayContext): Promise<ApiKey[]> {
    return (await adminOf(ctx).apiKeys.list()).map(toApiKey);
  }

  @Extensions(ADMIN)
  @Mutation(() => CreatedApiKey, { description: "Creates an API key with these scopes and organization grants (ADMIN). The key is in the answer this once." })
  async createApiKey(
    @Arg("name", () => String, { description: "Who or what uses it, 1 to 100 characters." }) name: string,
    @Arg("scopes", () => [ApiKeyScope], { description: "What it may do; at least one." }) scopes: Scope[],
    @Arg("organizationIds", () => [ID], { description: 'Organizations it may see: ids of connected organizations, or ["*"] for every one.' }) organizationIds: string[],
    @Ctx() ctx: GatewayContext,
  ): Promise<CreatedApiKey> {
    const admin = adminOf(ctx);
    const grants = await admin.organizations.grants(organizationIds);
    const { id, key } = await admin.apiKeys.create({ name, scopes, organizationIds: grants });
    return { key, apiKey: toApiKey((await admin.apiKeys.get(id))!) };
  }

  @Extensions(ADMIN)
  @Mutation(() => ApiKey, { description: "Revokes an API key at once, on every gateway instance sharing the store (ADMIN). Revoking a revoked key changes nothing." })
  async revokeApiKey(@Arg("id", () => ID) id: string, @Ctx() ctx: GatewayContext): Promise<ApiKey> {
    const { apiKeys } = adminOf(ctx);
    if (!(await apiKeys.revoke(id))) throw notFound("API key", id);
    return toApiKey((await apiKeys.get(id))!);
  }

  @Extensions(ADMIN)
  @Mutation(() => ApiKey, { description: "Replaces the organizations an API key may see (ADMIN). Subscriptions reading an organization it loses end with FORBIDDEN." })
  async grantApiKey(
    @Arg("id", () => ID) id: string,
    @Arg("organizationIds", () => [ID], { description: 'Ids of connected organizations, or ["*"] for every one.' }) organizationIds: string[],
    @Ctx() ctx: GatewayContext,
  ): Promise<ApiKey> {
    const admin = adminOf(ctx);
    return toApiKey(await admin.apiKeys.grant(id, await admin.organizations.grants(organizationIds)));
  }
}

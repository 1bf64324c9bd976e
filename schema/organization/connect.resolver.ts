import { Arg, Ctx, Extensions, Field, Mutation, ObjectType, Resolver } from "type-graphql";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import { Provider } from "../common/provider.enum.js";
import { DateTimeScalar } from "../scalars/index.js";
import { notSupported } from "../../src/errors/index.js";
import { needsScopes } from "../../src/auth/scope-check.js";
import { Scope } from "../../src/auth/scopes.js";

@ObjectType({ description: "Where to send a person to connect an organization." })
export class ConnectionStart {
  @Field(() => Provider) provider!: Provider;
  @Field(() => String, { description: "Open this in a browser; the provider sends the person back to the gateway, which connects the organization and grants it to your key." })
  consentUrl!: string;
  @Field(() => DateTimeScalar, { description: "The link stops working after this." }) expiresAt!: string;
}

@Resolver()
export class ConnectResolver {
  // Apps connect their own organizations (WRITE); operators connect them for others (ADMIN).
  @Extensions(needsScopes(Scope.WRITE, Scope.ADMIN))
  @Mutation(() => ConnectionStart, { description: "Starts connecting a real organization at a provider (OAuth consent in a browser)." })
  async connectOrganization(@Arg("provider", () => Provider) provider: Provider, @Ctx() ctx: GatewayContext): Promise<ConnectionStart> {
    const flow = ctx.connectFlows[provider];
    if (!flow) {
      throw notSupported(provider, "connecting organizations from this gateway", provider === Provider.XERO ? "Set XERO_CLIENT_ID, XERO_CLIENT_SECRET and XERO_REDIRECT_URI and restart." : "");
    }
    return { provider, ...(await flow.start(ctx.principal)) };
  }
}

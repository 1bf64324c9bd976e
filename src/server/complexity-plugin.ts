import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { OrganizationAccess } from "../context/gateway-context.js";
import { enforceComplexityLimit } from "./complexity-limit.js";
import { organizationCountFor } from "./organization-count.js";

export interface ComplexityPluginOptions {
  /** Highest estimated cost allowed for one operation. @default 1000 */
  maxComplexity?: number;
}

/**
 * Rejects HTTP operations whose estimated cost exceeds the limit, before any resolver runs, with
 * QUERY_TOO_COMPLEX (HTTP 400) naming the cost and the limit. `organizations { … }` is priced once
 * per organization the calling key can see (read from the context's organization access). graphql-ws
 * runs the same check in its `onSubscribe`, since Apollo plugins never see WebSocket operations.
 */
export function createComplexityPlugin<TContext extends BaseContext & { organizations?: Pick<OrganizationAccess, "list"> }>({ maxComplexity = 1000 }: ComplexityPluginOptions = {}): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, contextValue }) {
          enforceComplexityLimit({
            schema,
            document,
            operationName: request.operationName,
            variables: request.variables,
            maxComplexity,
            organizationCount: await organizationCountFor(document, () => contextValue.organizations),
            extraExtensions: { http: { status: 400 } },
          });
        },
      };
    },
  };
}

import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { enforceComplexityLimit } from "./complexity-limit.js";

export interface ComplexityPluginOptions {
  /** Highest estimated cost allowed for one operation. @default 1000 */
  maxComplexity?: number;
}

/**
 * Rejects HTTP operations whose estimated cost exceeds the limit, before any resolver runs, with
 * QUERY_TOO_COMPLEX (HTTP 400) naming the cost and the limit. graphql-ws runs the same check in
 * its `onSubscribe`, since Apollo plugins never see WebSocket operations.
 */
export function createComplexityPlugin<TContext extends BaseContext>({ maxComplexity = 1000 }: ComplexityPluginOptions = {}): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          enforceComplexityLimit({
            schema,
            document,
            operationName: request.operationName,
            variables: request.variables,
            maxComplexity,
            extraExtensions: { http: { status: 400 } },
          });
        },
      };
    },
  };
}

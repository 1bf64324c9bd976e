import { setTimeout as sleep } from "node:timers/promises";
import {
  GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString,
  type GraphQLFieldConfig,
} from "graphql";
import type { ComplexityEstimatorArgs } from "graphql-query-complexity";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import { ErrorCode, GatewayError } from "../../src/errors/index.js";

/** What a plain (unexpected) error says; it must never reach a client. */
export const LEAKY_MESSAGE = "connection string postgres://admin:hunter2@db";

const Contact = new GraphQLObjectType({ name: "Contact", fields: { id: { type: GraphQLString }, name: { type: GraphQLString } } });

const Invoice = new GraphQLObjectType({
  name: "Invoice",
  fields: {
    id: { type: GraphQLString },
    total: { type: GraphQLString },
    // A field that costs more, as type-graphql's `complexity` option would declare it.
    contact: { type: Contact, extensions: { complexity: 5 }, resolve: () => ({ id: "c1", name: "Acme" }) },
  },
});

/** A self-nesting type, for depth tests: `{ node { child { child { … } } } }`. */
const Node: GraphQLObjectType = new GraphQLObjectType({
  name: "Node",
  fields: () => ({ name: { type: GraphQLString }, child: { type: Node, resolve: () => ({ name: "child" }) } }),
});

const Whoami = new GraphQLObjectType({
  name: "Whoami",
  fields: {
    apiKeyId: { type: GraphQLString },
    name: { type: GraphQLString },
    organizationIds: { type: new GraphQLList(GraphQLString) },
    requestId: { type: GraphQLString },
  },
});

const invoices: GraphQLFieldConfig<unknown, GatewayContext, { first: number }> = {
  type: new GraphQLList(Invoice),
  args: { first: { type: new GraphQLNonNull(GraphQLInt) } },
  // Cost scales with the page size, like a Relay connection's `first`.
  extensions: { complexity: ({ args, childComplexity }: ComplexityEstimatorArgs) => Number(args.first) * childComplexity },
  resolve: (_root, { first }) => Array.from({ length: first }, (_, i) => ({ id: `inv-${i + 1}`, total: "10.00" })),
};

const Query = new GraphQLObjectType<unknown, GatewayContext>({
  name: "Query",
  fields: {
    hello: { type: GraphQLString, resolve: () => "world" },
    whoami: {
      type: Whoami,
      resolve: (_root, _args, ctx) => ({
        ...ctx.principal,
        organizationIds: ctx.principal.organizationIds === "*" ? ["*"] : ctx.principal.organizationIds,
        requestId: ctx.requestId,
      }),
    },
    invoices,
    node: { type: Node, resolve: () => ({ name: "root" }) },
    gatewayFailure: {
      type: GraphQLString,
      resolve: () => {
        throw new GatewayError(ErrorCode.PROVIDER_RATE_LIMITED, "Xero is rate limiting this organization. Retry after 30 seconds.", {
          details: { provider: "XERO", retryAfterSeconds: 30 },
        });
      },
    },
    plainFailure: {
      type: GraphQLString,
      resolve: () => {
        throw new Error(LEAKY_MESSAGE);
      },
    },
  },
});

async function* countTo(limit: number) {
  for (let i = 1; i <= limit; i++) {
    await sleep(5);
    yield { ticks: i };
  }
}

const Subscription = new GraphQLObjectType({
  name: "Subscription",
  fields: {
    ticks: { type: GraphQLInt, args: { count: { type: GraphQLInt } }, subscribe: (_root, args: { count?: number }) => countTo(args.count ?? 3) },
    invoiceCreated: {
      type: new GraphQLList(Invoice),
      args: { first: { type: new GraphQLNonNull(GraphQLInt) } },
      extensions: invoices.extensions,
      subscribe: async function* () {
        yield { invoiceCreated: [{ id: "inv-1", total: "1.00" }] };
      },
    },
    nodeChanged: { type: Node, subscribe: async function* () { yield { nodeChanged: { name: "n" } }; } },
  },
});

/** A tiny schema standing in for the real one: a greeting, failures, a costly list, a deep type, subscriptions. */
export function createTestSchema(): GraphQLSchema {
  return new GraphQLSchema({ query: Query, subscription: Subscription });
}

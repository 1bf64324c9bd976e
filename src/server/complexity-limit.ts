import type { DocumentNode, GraphQLSchema } from "graphql";
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from "graphql-query-complexity";
import { ErrorCode, GatewayError } from "../errors/index.js";

export interface ComplexityCheck {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  /** Highest estimated cost allowed. */
  maxComplexity: number;
  /** Merged into the error's extensions (the HTTP path adds `http: { status: 400 }`). */
  extraExtensions?: Record<string, unknown>;
}

/**
 * Estimated cost of an operation: a field's `extensions.complexity` (type-graphql's `complexity`
 * option) when it has one, otherwise 1 plus its children. Undefined when the cost cannot be
 * computed because the variables are invalid; execution then rejects the operation itself.
 */
export function estimateComplexity({ schema, document, operationName, variables }: Omit<ComplexityCheck, "maxComplexity">): number | undefined {
  try {
    return getComplexity({
      schema,
      query: document,
      operationName: operationName ?? undefined,
      variables: variables ?? {},
      estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch {
    return undefined;
  }
}

/** Throws QUERY_TOO_COMPLEX when the operation costs more than the limit; returns the cost otherwise. */
export function enforceComplexityLimit(check: ComplexityCheck): number | undefined {
  const cost = estimateComplexity(check);
  const limit = check.maxComplexity;
  if (cost !== undefined && cost > limit) {
    throw new GatewayError(
      ErrorCode.QUERY_TOO_COMPLEX,
      `This operation is too complex: estimated cost ${cost} exceeds the limit of ${limit}. Ask for fewer fields or smaller pages (first: …), or split it into several operations.`,
      { details: { cost, limit, ...check.extraExtensions } },
    );
  }
  return cost;
}

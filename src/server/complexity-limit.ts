import { getOperationAST, getVariableValues, GraphQLError, Kind, type DocumentNode, type GraphQLSchema } from "graphql";
import { fieldExtensionsEstimator, getComplexity, simpleEstimator, type ComplexityEstimator } from "graphql-query-complexity";
import { ErrorCode, GatewayError } from "../errors/index.js";
import { DEFAULT_MAX_SELECTIONS, measureDocument } from "./document-size.js";

export interface ComplexityCheck {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  /** Highest estimated cost allowed. */
  maxComplexity: number;
  /** Merged into the error's extensions (the HTTP path adds `http: { status: 400 }`). */
  extraExtensions?: Record<string, unknown>;
  /** Most selections the document may hold, fragments expanded wherever they are spread. @default DEFAULT_MAX_SELECTIONS */
  maxSelections?: number;
  /**
   * Organizations the calling key can see: `Query.organizations` runs its selection once for each,
   * so its children are priced that many times. @default 1 (unknown: priced as one organization)
   */
  organizationCount?: number;
}

/**
 * Estimated cost of an operation: a field's `extensions.complexity` (type-graphql's `complexity`
 * option) when it has one, otherwise 1 plus its children.
 *
 * Every operation gets a price or is refused with a GatewayError saying why; none ever runs
 * unpriced. QUERY_TOO_COMPLEX: a document with more than `maxSelections` selections, each fragment
 * counted wherever it is spread (alias floods, fragment bombs), counted before anything else.
 * BAD_USER_INPUT, refused here before execution would refuse them too: no operation to choose (an
 * unknown `operationName`, or several operations and none named), variables that do not coerce
 * (graphql's own coercion, the one execution runs first, with its message). BAD_USER_INPUT, because
 * they cannot be priced: an argument the estimator cannot read, a declared cost that is negative or
 * not a number.
 */
export function estimateComplexity(check: Omit<ComplexityCheck, "maxComplexity">): number {
  const { schema, document, operationName, variables, maxSelections = DEFAULT_MAX_SELECTIONS, organizationCount = 1 } = check;
  const key = priceKey(operationName, variables, maxSelections, organizationCount);
  const known = key === undefined ? undefined : PRICES.get(document);
  const cached = known?.schema === schema ? known.costs.get(key!) : undefined;
  if (cached !== undefined) return cached;
  const cost = priceOperation(check);
  if (key !== undefined) rememberPrice(document, schema, key, cost);
  return cost;
}

/**
 * Prices already found, per parsed document: Apollo hands the same DocumentNode back for the same
 * query text, so a client repeating an operation is priced once per set of variables (the walk over
 * the document costs about as much as running a small query). Only prices are kept, never refusals.
 */
const PRICES = new WeakMap<DocumentNode, { schema: GraphQLSchema; costs: Map<string, number> }>();
/** Variable sets remembered per document, and the largest variables JSON worth a key. */
const PRICES_PER_DOCUMENT = 64;
const PRICE_KEY_MAX_CHARS = 4096;

function priceKey(operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined, maxSelections: number, organizationCount: number): string | undefined {
  let json: string;
  try {
    json = JSON.stringify(variables ?? {});
  } catch {
    return undefined;
  }
  if (json.length > PRICE_KEY_MAX_CHARS) return undefined;
  return `${operationName ?? ""}\u0000${maxSelections}\u0000${organizationCount}\u0000${json}`;
}

function rememberPrice(document: DocumentNode, schema: GraphQLSchema, key: string, cost: number): void {
  let entry = PRICES.get(document);
  if (!entry || entry.schema !== schema) PRICES.set(document, (entry = { schema, costs: new Map() }));
  if (entry.costs.size >= PRICES_PER_DOCUMENT) entry.costs.delete(entry.costs.keys().next().value!);
  entry.costs.set(key, cost);
}

function priceOperation({ schema, document, operationName, variables, extraExtensions, maxSelections = DEFAULT_MAX_SELECTIONS, organizationCount = 1 }: Omit<ComplexityCheck, "maxComplexity">): number {
  const { selections } = measureDocument(document);
  if (selections > maxSelections) throw tooManySelections(selections, maxSelections, extraExtensions);
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) throw refused(noOperationMessage(document, operationName), extraExtensions);
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 10 });
  if (coerced.errors) throw refused(coerced.errors.map((e) => e.message).join(" "), extraExtensions);
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      operationName: operation.name?.value,
      variables: variables ?? {},
      // A backstop: the count above refuses bigger documents first.
      maxQueryNodes: maxSelections + 1,
      estimators: [organizationsEstimator(schema, organizationCount), declaredCostEstimator(), simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch (error) {
    throw unpriceable(error, maxSelections, extraExtensions);
  }
  if (Number.isNaN(cost) || cost < 0) throw unpriceable(new Error(`the estimate came out as ${cost}.`), maxSelections, extraExtensions);
  return cost;
}

/**
 * Cost of `Query.organizations`: it returns every organization the key can see and runs its
 * selection once for each, so 1 + organizations × children (at least one organization is assumed,
 * one may be connected between pricing and running).
 */
function organizationsEstimator(schema: GraphQLSchema, organizationCount: number): ComplexityEstimator {
  const count = Math.max(1, organizationCount);
  return ({ type, field, childComplexity }) => (type === schema.getQueryType() && field.name === "organizations" ? 1 + count * childComplexity : undefined);
}

/**
 * The field's declared cost (`extensions.complexity`), held to be a number of at least zero: a
 * negative one (say `first: -1000` times the children) would pay for the other fields of the
 * operation, and NaN would silently fall back to the default price.
 */
function declaredCostEstimator(): ComplexityEstimator {
  const declared = fieldExtensionsEstimator();
  return (args) => {
    const cost = declared(args);
    if (cost === undefined || (typeof cost === "number" && cost >= 0)) return cost;
    const given = JSON.stringify(args.args).slice(0, 200);
    throw new Error(`${args.type.name}.${args.field.name} cannot be priced with the arguments ${given}: a page size (first) must be a positive number within the field's range (1–200 for lists).`);
  };
}

/** Throws QUERY_TOO_COMPLEX when the operation costs more than the limit; returns the cost otherwise. */
export function enforceComplexityLimit(check: ComplexityCheck): number {
  const cost = estimateComplexity(check);
  const limit = check.maxComplexity;
  if (cost > limit) {
    const shown = Number.isFinite(cost) ? String(cost) : "beyond any number";
    throw new GatewayError(
      ErrorCode.QUERY_TOO_COMPLEX,
      `This operation is too complex: estimated cost ${shown} exceeds the limit of ${limit}. Ask for fewer fields or smaller pages (first: …), or split it into several operations.`,
      { details: { cost: Number.isFinite(cost) ? cost : null, limit, ...check.extraExtensions } },
    );
  }
  return cost;
}

/** The estimator could not price the operation: refuse it, saying why, instead of letting it run unpriced. */
function unpriceable(error: unknown, maxSelections: number, extraExtensions: Record<string, unknown> | undefined): GatewayError {
  const reason = error instanceof Error ? error.message : String(error);
  if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(reason)) return tooManySelections(Infinity, maxSelections, extraExtensions);
  return refused(`Its cost could not be estimated, so it was not run: ${reason} Check its arguments and variables against the schema.`, extraExtensions);
}

/** QUERY_TOO_COMPLEX for a document with more selections than are priced (alias floods, fragment bombs). */
function tooManySelections(selections: number, maxSelections: number, extraExtensions: Record<string, unknown> | undefined): GatewayError {
  const counted = selections > 1e9 ? `more than ${maxSelections}` : String(selections);
  return new GatewayError(
    ErrorCode.QUERY_TOO_COMPLEX,
    `This document selects ${counted} fields (each fragment counted wherever it is spread); the limit is ${maxSelections}. Ask for fewer fields and aliases, or split it into several operations.`,
    { details: { selections: selections > 1e9 ? null : selections, maxSelections, ...extraExtensions } },
  );
}

/** BAD_USER_INPUT for an operation refused before it runs (the same code execution gives bad variables). */
function refused(message: string, extraExtensions: Record<string, unknown> | undefined): GatewayError {
  return new GatewayError(ErrorCode.BAD_USER_INPUT, message, { details: { ...extraExtensions } });
}

function noOperationMessage(document: DocumentNode, operationName: string | null | undefined): string {
  const names = document.definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [d.name ? d.name.value : "(anonymous)"] : []));
  if (names.length === 0) return "The document has no operation to run. Send a query, mutation or subscription.";
  if (operationName) return `Unknown operation named "${operationName}". Set operationName to one of: ${names.join(", ")}.`;
  return `The document has ${names.length} operations; set operationName to the one to run (one of: ${names.join(", ")}).`;
}

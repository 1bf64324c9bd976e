import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import {
  getNamedType, getOperationAST, isInterfaceType, isObjectType, Kind,
  type DocumentNode, type FragmentDefinitionNode, type GraphQLNamedType, type GraphQLSchema, type OperationTypeNode, type SelectionSetNode,
} from "graphql";
import type { Principal } from "../context/gateway-context.js";
import { ErrorCode, GatewayError } from "../errors/index.js";
import { Scope } from "./scopes.js";

/**
 * The field extension that says which scopes a field needs (any one of them), in place of the scope of
 * its operation's kind: `@Extensions(needsScopes(Scope.ADMIN))` on a type-graphql field.
 */
export const needsScopes = (...scopes: Scope[]) => ({ scopes });

const SCOPE_OF_KIND: Record<OperationTypeNode, Scope> = { query: Scope.READ, mutation: Scope.WRITE, subscription: Scope.SUBSCRIBE };
const KIND_WORD: Record<OperationTypeNode, string> = { query: "queries", mutation: "mutations", subscription: "subscriptions" };

/** One need: the key must hold one of `anyOf`; `field` is the first field that asked for it, for the message. */
export interface ScopeNeed {
  anyOf: readonly Scope[];
  field: string;
  operation: OperationTypeNode;
}

/**
 * The scopes an operation needs: each top-level field needs the scope of the operation's kind (READ,
 * WRITE, SUBSCRIBE) unless it declares its own (`needsScopes`), and a field anywhere below that declares
 * scopes adds that need. Introspection (`__schema`, `__type`, `__typename`) needs none. Empty when the
 * document names no runnable operation (later checks refuse it). Walks the operation and the fragments
 * it spreads once each, without recursion; the result is remembered per parsed document.
 */
export function requiredScopes(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): ScopeNeed[] {
  // No name and an empty name are different requests: "" names no operation, so graphql refuses it, and
  // its (empty) needs must never answer for the same document asked without a name.
  const key = operationName === undefined || operationName === null ? "\u0000" : `=${operationName}`;
  const known = NEEDS.get(document);
  const cached = known?.schema === schema ? known.needs.get(key) : undefined;
  if (cached) return cached;
  const needs = collectNeeds(schema, document, operationName);
  // Only an operation that was found is remembered: a request naming none needs nothing here and is refused later.
  if (!getOperationAST(document, operationName ?? undefined)) return needs;
  let entry = NEEDS.get(document);
  if (!entry || entry.schema !== schema) NEEDS.set(document, (entry = { schema, needs: new Map() }));
  if (entry.needs.size < 16) entry.needs.set(key, needs);
  return needs;
}

const NEEDS = new WeakMap<DocumentNode, { schema: GraphQLSchema; needs: Map<string, ScopeNeed[]> }>();

function collectNeeds(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): ScopeNeed[] {
  const operation = getOperationAST(document, operationName ?? undefined);
  const rootType = operation ? schema.getRootType(operation.operation) : undefined;
  if (!operation || !rootType) return [];
  const kindScope = SCOPE_OF_KIND[operation.operation];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const needs = new Map<string, ScopeNeed>();
  const need = (anyOf: readonly Scope[], field: string) => {
    const id = [...anyOf].sort().join("|");
    if (!needs.has(id)) needs.set(id, { anyOf, field, operation: operation.operation });
  };
  const seen = new Set<string>();
  const pending: Array<{ set: SelectionSetNode; type: GraphQLNamedType | undefined; top: boolean }> = [{ set: operation.selectionSet, type: rootType, top: true }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { type, top } = item;
    for (const selection of item.set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name.startsWith("__")) continue;
        const field = type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields()[name] : undefined;
        const declared = field?.extensions?.scopes as readonly Scope[] | undefined;
        if (declared) need(declared, `${type!.name}.${name}`);
        else if (top) need([kindScope], `${type?.name ?? rootType.name}.${name}`);
        if (selection.selectionSet) pending.push({ set: selection.selectionSet, type: field ? getNamedType(field.type) : undefined, top: false });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        pending.push({ set: selection.selectionSet, type: selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type, top });
      } else {
        const fragment = fragments.get(selection.name.value);
        const once = `${selection.name.value}\u0000${top}`;
        if (!fragment || seen.has(once)) continue;
        seen.add(once);
        pending.push({ set: fragment.selectionSet, type: schema.getType(fragment.typeCondition.name.value), top });
      }
    }
  }
  return [...needs.values()];
}

/**
 * Refuses an operation the key may not run, before any resolver runs: FORBIDDEN naming the missing
 * scope, the field that needs it and what to do. The one scope check, shared by HTTP (`createScopePlugin`)
 * and graphql-ws (its `onSubscribe`).
 */
export function enforceScopes(
  principal: Pick<Principal, "scopes">,
  check: { schema: GraphQLSchema; document: DocumentNode; operationName?: string | null; extraExtensions?: Record<string, unknown> },
): void {
  const held = new Set(principal.scopes);
  const missing = requiredScopes(check.schema, check.document, check.operationName).find((n) => !n.anyOf.some((s) => held.has(s)));
  if (!missing) return;
  const wanted = missing.anyOf.join(" or ");
  const why = missing.anyOf.length === 1 && missing.anyOf[0] === SCOPE_OF_KIND[missing.operation] ? `, which ${KIND_WORD[missing.operation]} need` : "";
  const has = principal.scopes.length > 0 ? principal.scopes.join(", ") : "none";
  throw new GatewayError(
    ErrorCode.FORBIDDEN,
    `This API key lacks the ${wanted} scope${why}: ${missing.field} needs it (the key has ${has}). ` +
      `Use a key with ${wanted}; an operator creates one with \`ledgerline keys create --scopes ${missing.anyOf[0]}\` or the createApiKey mutation.`,
    { details: { requiredScopes: [...missing.anyOf], field: missing.field, ...check.extraExtensions } },
  );
}

/** The scope check for HTTP operations (Apollo), after validation and before pricing and execution; answers 403. */
export function createScopePlugin<TContext extends BaseContext & { principal: Pick<Principal, "scopes"> }>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, contextValue }) {
          enforceScopes(contextValue.principal, { schema, document, operationName: request.operationName, extraExtensions: { http: { status: 403 } } });
        },
      };
    },
  };
}

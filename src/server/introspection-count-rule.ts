import { GraphQLError, Kind, type ASTVisitor, type ValidationContext, type ValidationRule } from "graphql";
import { foldSelections, fragmentsAreSound, fragmentsOf } from "./selection-fold.js";

/** Most `__schema` and `__type` fields one document may select (the standard introspection query sends one `__schema`). */
export const DEFAULT_INTROSPECTION_LIMITS = { __schema: 1, __type: 10 } as const;
export type IntrospectionLimits = { readonly [field in keyof typeof DEFAULT_INTROSPECTION_LIMITS]: number };

interface Counts {
  __schema: number;
  __type: number;
}

const add = (a: Counts, b: Counts): Counts => ({ __schema: a.__schema + b.__schema, __type: a.__type + b.__type });

/**
 * graphql-query-complexity does not price introspection, so 1,100 aliases of `__schema { types { … } }`
 * (88 KB) answered 58.9 MB. This rule counts `__schema` and `__type` fields across all operations,
 * each fragment counted wherever it is spread, and refuses a document over `limits` (400
 * GRAPHQL_VALIDATION_FAILED naming the field and its limit). Linear in the document (each fragment
 * folded once); documents with unknown or cyclic fragments are left to graphql's own rules.
 */
export function createIntrospectionCountRule(limits: IntrospectionLimits = DEFAULT_INTROSPECTION_LIMITS): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const document = context.getDocument();
    if (!fragmentsAreSound(document)) return {};
    const fragments = fragmentsOf(document);
    let counts: Counts = { __schema: 0, __type: 0 };
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      counts = add(counts, foldSelections<Counts>(definition.selectionSet, fragments, {
        empty: { __schema: 0, __type: 0 },
        step: (selection, inner) => {
          const own = { __schema: 0, __type: 0 };
          if (selection.kind === Kind.FIELD && (selection.name.value === "__schema" || selection.name.value === "__type")) own[selection.name.value] = 1;
          return inner ? add(own, inner) : own;
        },
        merge: add,
      }));
    }
    for (const field of ["__schema", "__type"] as const) {
      if (counts[field] > limits[field]) {
        context.reportError(
          new GraphQLError(`This document selects '${field}' ${counts[field]} times (each fragment counted wherever it is spread); the limit is ${limits[field]}. Fetch the schema once (the standard introspection query) and reuse it.`, {
            extensions: { introspectionField: field, limit: limits[field] },
          }),
        );
      }
    }
    return {};
  };
}

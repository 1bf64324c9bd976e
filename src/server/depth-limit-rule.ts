import { GraphQLError, Kind, type ASTVisitor, type ValidationContext, type ValidationRule } from "graphql";
import { foldSelections, fragmentsAreSound, fragmentsOf, innerSelectionSet } from "./selection-fold.js";

/**
 * Refuses operations that nest fields deeper than `maxDepth` (top-level fields are depth 0, so a
 * leaf at depth `maxDepth` is the deepest allowed); introspection fields (`__schema`, `__type`…)
 * and what is under them are not counted, so tools can follow `ofType` chains. Each fragment is
 * measured once and without recursion; documents with unknown or cyclic fragments are left to
 * graphql's own rules. Subscriptions are held to the limit too.
 */
export function createDepthLimitRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const document = context.getDocument();
    if (!fragmentsAreSound(document)) return {};
    const fragments = fragmentsOf(document);
    return {
      OperationDefinition(operation) {
        const depth = foldSelections(operation.selectionSet, fragments, {
          empty: 0,
          inner: (selection, all) => (selection.kind === Kind.FIELD && selection.name.value.startsWith("__") ? undefined : innerSelectionSet(selection, all)),
          step: (selection, inner) => (selection.kind === Kind.FIELD ? (inner === undefined ? 0 : 1 + inner) : (inner ?? 0)),
          merge: Math.max,
        });
        if (depth > maxDepth) {
          const name = operation.name ? `Operation '${operation.name.value}'` : "This operation";
          context.reportError(
            new GraphQLError(`${name} nests fields ${depth} levels deep, deeper than the limit of ${maxDepth} levels. Select fewer nested fields, or fetch the deeper part in a separate operation.`, {
              nodes: [operation],
              extensions: { maxDepth },
            }),
          );
        }
        return false;
      },
    };
  };
}

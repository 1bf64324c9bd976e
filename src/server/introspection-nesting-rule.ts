import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from "graphql";

/** Introspection fields that return lists; nesting one inside itself multiplies the response. */
const LIST_META_FIELDS = new Set(["types", "fields", "inputFields", "interfaces", "possibleTypes", "enumValues", "args", "directives"]);

/**
 * The depth limit does not count introspection fields (tools need `ofType` chains), which leaves
 * `__schema { types { fields { type { fields { type { fields … } } } } } }` free to multiply the
 * response at every level. This rule refuses any introspection path that repeats one of the list
 * fields; the standard introspection query (and every explorer) never does.
 */
export function introspectionNestingRule(context: ValidationContext): ASTVisitor {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of context.getDocument().definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }

  function walk(selectionSet: SelectionSetNode, path: readonly string[], introspecting: boolean, expanding: ReadonlySet<string>): void {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, path, introspecting, expanding);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        // Unknown or cyclic fragments are reported by graphql's own rules.
        if (fragment && !expanding.has(fragment.name.value)) {
          walk(fragment.selectionSet, path, introspecting, new Set([...expanding, fragment.name.value]));
        }
      } else {
        const name = selection.name.value;
        const inside = introspecting || name.startsWith("__");
        if (inside && LIST_META_FIELDS.has(name) && path.includes(name)) {
          context.reportError(
            new GraphQLError(`Introspection may not nest '${name}' inside '${name}'. Fetch the schema once (the standard introspection query) and walk it on the client.`, { nodes: [selection] }),
          );
          continue;
        }
        if (selection.selectionSet) walk(selection.selectionSet, inside ? [...path, name] : path, inside, expanding);
      }
    }
  }

  return {
    OperationDefinition(operation) {
      walk(operation.selectionSet, [], false, new Set());
      return false;
    },
  };
}

import { GraphQLError, Kind, type ASTVisitor, type SelectionNode, type SelectionSetNode, type ValidationContext } from "graphql";
import { fragmentsAreSound, fragmentsOf, innerSelectionSet } from "./selection-fold.js";

/** Introspection fields that return lists; nesting one inside itself multiplies the response. */
const LIST_META_FIELDS = new Set(["types", "fields", "inputFields", "interfaces", "possibleTypes", "enumValues", "args", "directives"]);

/** Where a walk stands: a selection set, whether it is inside introspection, and the list fields above it there. */
interface Visit {
  set: SelectionSetNode;
  introspecting: boolean;
  /** The list meta fields on the path, sorted (only they matter to the check). */
  lists: readonly string[];
}

/**
 * The depth limit does not count introspection fields (tools need `ofType` chains), which leaves
 * `__schema { types { fields { type { fields { type { fields … } } } } } }` free to multiply the
 * response at every level. This rule refuses any introspection path that repeats one of the list
 * fields; the standard introspection query (and every explorer) never does. It walks with a work
 * list, visiting each (selection set, list fields above) state once, so neither deep `ofType`
 * chains nor fragment bombs make it slow; documents with unknown or cyclic fragments are left to
 * graphql's own rules.
 */
export function introspectionNestingRule(context: ValidationContext): ASTVisitor {
  const document = context.getDocument();
  if (!fragmentsAreSound(document)) return {};
  const fragments = fragmentsOf(document);
  const setIds = new Map<SelectionSetNode, number>();
  const idOf = (set: SelectionSetNode) => setIds.get(set) ?? setIds.set(set, setIds.size).get(set)!;
  const reported = new Set<SelectionNode>();

  function walk(root: SelectionSetNode): void {
    const seen = new Set<string>();
    const pending: Visit[] = [{ set: root, introspecting: false, lists: [] }];
    const enqueue = (visit: Visit) => {
      const key = `${idOf(visit.set)}|${visit.introspecting}|${visit.lists.join(",")}`;
      if (!seen.has(key)) {
        seen.add(key);
        pending.push(visit);
      }
    };
    for (let visit = pending.pop(); visit; visit = pending.pop()) {
      for (const selection of visit.set.selections) {
        if (selection.kind !== Kind.FIELD) {
          const inner = innerSelectionSet(selection, fragments);
          if (inner) enqueue({ ...visit, set: inner });
          continue;
        }
        const name = selection.name.value;
        const inside = visit.introspecting || name.startsWith("__");
        const listField = inside && LIST_META_FIELDS.has(name);
        if (listField && visit.lists.includes(name)) {
          if (!reported.has(selection)) {
            reported.add(selection);
            context.reportError(
              new GraphQLError(`Introspection may not nest '${name}' inside '${name}'. Fetch the schema once (the standard introspection query) and walk it on the client.`, { nodes: [selection] }),
            );
          }
          continue;
        }
        if (selection.selectionSet) {
          enqueue({ set: selection.selectionSet, introspecting: inside, lists: listField ? [...visit.lists, name].sort() : visit.lists });
        }
      }
    }
  }

  return {
    OperationDefinition(operation) {
      walk(operation.selectionSet);
      return false;
    },
  };
}

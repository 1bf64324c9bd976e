import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionNode, type SelectionSetNode } from "graphql";

/** A document's fragments by name (the last definition wins; graphql's own rules report duplicates). */
export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/** How to measure selection sets bottom-up (a count, a depth…). */
export interface SelectionFold<T> {
  /** The value of an empty selection set, and of one met again while still open (a fragment cycle). */
  empty: T;
  /** The selection set to descend into for this selection, if any (default: a field's or an inline fragment's own, a spread's fragment). */
  inner?(selection: SelectionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): SelectionSetNode | undefined;
  /** The value of one selection, given the value of its inner selection set (undefined when it has none). */
  step(selection: SelectionNode, inner: T | undefined): T;
  merge(a: T, b: T): T;
}

/** A field's or an inline fragment's selection set, or the spread fragment's (undefined when unknown). */
export function innerSelectionSet(selection: SelectionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): SelectionSetNode | undefined {
  if (selection.kind === Kind.FRAGMENT_SPREAD) return fragments.get(selection.name.value)?.selectionSet;
  return selection.selectionSet;
}

interface Frame<T> {
  set: SelectionSetNode;
  index: number;
  value: T;
}

/**
 * Folds the selection sets reachable from `root` bottom-up, each one once (a fragment's selection
 * set is shared by all its spreads, so fragment bombs stay linear), with an explicit stack instead
 * of recursion: a document can nest or chain fragments deeper than the call stack. Unknown
 * fragments have no inner set; a cycle contributes `empty` (graphql's own rules report both).
 */
export function foldSelections<T>(root: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>, fold: SelectionFold<T>): T {
  const inner = fold.inner ?? innerSelectionSet;
  const done = new Map<SelectionSetNode, T>();
  const open = new Set<SelectionSetNode>([root]);
  const stack: Frame<T>[] = [{ set: root, index: 0, value: fold.empty }];
  const settle = (frame: Frame<T>, selection: SelectionNode, value: T | undefined) => {
    frame.value = fold.merge(frame.value, fold.step(selection, value));
    frame.index++;
  };
  for (;;) {
    const frame = stack[stack.length - 1]!;
    if (frame.index < frame.set.selections.length) {
      const selection = frame.set.selections[frame.index]!;
      const child = inner(selection, fragments);
      if (child === undefined) settle(frame, selection, undefined);
      else if (done.has(child)) settle(frame, selection, done.get(child));
      else if (open.has(child)) settle(frame, selection, fold.empty);
      else {
        open.add(child);
        stack.push({ set: child, index: 0, value: fold.empty });
      }
      continue;
    }
    stack.pop();
    open.delete(frame.set);
    done.set(frame.set, frame.value);
    const parent = stack[stack.length - 1];
    if (!parent) return frame.value;
    settle(parent, parent.set.selections[parent.index]!, frame.value);
  }
}

const soundness = new WeakMap<DocumentNode, boolean>();

/**
 * Whether every fragment spread names a fragment defined once, and no fragment spreads itself
 * (directly or through others). Custom rules skip documents that fail this: graphql's own rules
 * (NoFragmentCycles, KnownFragmentNames, UniqueFragmentNames) answer them, and nothing else should
 * walk a cycle. Iterative, and cached per document (HTTP and WebSocket validate the same node once).
 */
export function fragmentsAreSound(document: DocumentNode): boolean {
  const known = soundness.get(document);
  if (known !== undefined) return known;
  const sound = checkFragments(document);
  soundness.set(document, sound);
  return sound;
}

function checkFragments(document: DocumentNode): boolean {
  const fragments = fragmentsOf(document);
  const definitions = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).length;
  if (definitions !== fragments.size) return false;
  const spreads = new Map<string, string[]>();
  for (const [name, fragment] of fragments) spreads.set(name, spreadNames(fragment.selectionSet));
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    if (spreadNames(definition.selectionSet).some((name) => !fragments.has(name))) return false;
  }
  // Depth-first search with colours: grey = on the current path (meeting one again is a cycle), black = done.
  const colour = new Map<string, "grey" | "black">();
  for (const start of fragments.keys()) {
    if (colour.has(start)) continue;
    const path: Array<{ name: string; next: number }> = [{ name: start, next: 0 }];
    colour.set(start, "grey");
    while (path.length) {
      const top = path[path.length - 1]!;
      const targets = spreads.get(top.name)!;
      if (top.next === targets.length) {
        colour.set(top.name, "black");
        path.pop();
        continue;
      }
      const target = targets[top.next++]!;
      if (!fragments.has(target) || colour.get(target) === "grey") return false;
      if (colour.get(target) === "black") continue;
      colour.set(target, "grey");
      path.push({ name: target, next: 0 });
    }
  }
  return true;
}

/** Names spread anywhere in a selection set, without following the spreads. */
function spreadNames(root: SelectionSetNode): string[] {
  const names: string[] = [];
  const pending = [root];
  for (let set = pending.pop(); set; set = pending.pop()) {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) names.push(selection.name.value);
      else if (selection.selectionSet) pending.push(selection.selectionSet);
    }
  }
  return names;
}

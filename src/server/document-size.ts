import { Kind, type DocumentNode } from "graphql";
import { foldSelections, fragmentsOf } from "./selection-fold.js";

/** Most selections one document may hold, each fragment counted wherever it is spread (checked when it is priced). */
export const DEFAULT_MAX_SELECTIONS = 10_000;
/** Deepest nesting of selection sets (fields, inline fragments and fragment spreads alike) one document may have (checked first thing in validation). */
export const DEFAULT_MAX_NESTING = 200;

export interface DocumentSize {
  /** Selections of all its operations, fragments expanded wherever they are spread: alias floods and fragment bombs count in full. */
  selections: number;
  /** Longest chain of nested selection sets, through fragments (a chain of fragments each spreading the next counts every link). */
  nesting: number;
}

const sizes = new WeakMap<DocumentNode, DocumentSize>();

/**
 * Measures a document without recursion and each fragment once, so even a fragment bomb (each
 * fragment spreading the next twice) costs linear time; cycles count once (graphql reports them).
 * Cached per document: validation and pricing measure the same one.
 */
export function measureDocument(document: DocumentNode): DocumentSize {
  const cached = sizes.get(document);
  if (cached) return cached;
  const fragments = fragmentsOf(document);
  const size: DocumentSize = { selections: 0, nesting: 0 };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    size.selections += foldSelections(definition.selectionSet, fragments, { empty: 0, step: (_s, inner) => 1 + (inner ?? 0), merge: (a, b) => a + b });
    const nesting = foldSelections(definition.selectionSet, fragments, { empty: 0, step: (_s, inner) => (inner === undefined ? 0 : 1 + inner), merge: Math.max });
    size.nesting = Math.max(size.nesting, 1 + nesting);
  }
  sizes.set(document, size);
  return size;
}

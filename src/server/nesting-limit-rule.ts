import { GraphQLError, Kind, type ASTVisitor, type DocumentNode, type ValidationContext, type ValidationRule } from "graphql";
import { measureDocument } from "./document-size.js";

/** What the walk continues into once the document is refused: nothing. */
const NOTHING: DocumentNode = { kind: Kind.DOCUMENT, definitions: [] };

/**
 * Refuses a document whose selection sets nest deeper than `maxNesting` (fragment spreads and
 * inline fragments count as levels), before graphql's own rules walk it: some of them recurse
 * through every level (NoFragmentCyclesRule overflows the call stack on a chain of a few thousand
 * fragments, each spreading the next) and the parser's own nesting limit does not see chains.
 *
 * All rules are walked in one pass; on the Document node this rule reports the error and hands the
 * walk an empty document to continue into (a visitor may replace the node it enters), so no rule
 * after it walks the refused document. The answer is GRAPHQL_VALIDATION_FAILED (HTTP 400), like the
 * depth limit's.
 */
export function createNestingLimitRule(maxNesting: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    Document(document) {
      const { nesting } = measureDocument(document);
      if (nesting <= maxNesting) return undefined;
      context.reportError(
        new GraphQLError(
          `This document nests selections ${nesting} levels deep (fragment spreads and inline fragments count as levels); the limit is ${maxNesting}. Flatten it, or fetch the deeper part in a separate operation.`,
          { extensions: { nesting, maxNesting } },
        ),
      );
      return NOTHING;
    },
  });
}

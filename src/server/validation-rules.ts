import type { ValidationRule } from "graphql";
import { createDepthLimitRule } from "./depth-limit-rule.js";
import { DEFAULT_MAX_NESTING } from "./document-size.js";
import { createIntrospectionCountRule } from "./introspection-count-rule.js";
import { introspectionNestingRule } from "./introspection-nesting-rule.js";
import { createNestingLimitRule } from "./nesting-limit-rule.js";

export interface ValidationRulesOptions {
  /** Deepest selection allowed (top-level fields are depth 0); introspection fields are not counted. @default 10 */
  maxDepth?: number;
  /** Deepest nesting of selection sets, fragments and inline fragments included. @default the larger of 200 and twice `maxDepth` */
  maxNesting?: number;
}

/**
 * The extra validation rules every operation must pass, on HTTP (Apollo `validationRules`) and on
 * graphql-ws (its own `validate`), so both paths enforce the same limits: the nesting limit (which
 * stops the walk of a document nested too deep for graphql's own recursive rules), then the depth
 * limit, a cap on introspection nesting (which the depth limit does not count) and one on the
 * number of `__schema` (1) and `__type` (10) fields (the complexity estimate does not price them).
 *
 * They run in one pass beside graphql's own rules and are safe there: none recurses, each fragment
 * is measured once, and the last three stand aside when a fragment is unknown, defined twice or part
 * of a cycle, so such a document is answered by graphql's own rule alone (400
 * GRAPHQL_VALIDATION_FAILED naming the fragments). The size of a document is priced with its cost
 * (see `enforceComplexityLimit`).
 */
export function createValidationRules({ maxDepth = 10, maxNesting = Math.max(DEFAULT_MAX_NESTING, 2 * maxDepth) }: ValidationRulesOptions = {}): ValidationRule[] {
  return [createNestingLimitRule(maxNesting), createDepthLimitRule(maxDepth), introspectionNestingRule, createIntrospectionCountRule()];
}

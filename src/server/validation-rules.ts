import depthLimit from "graphql-depth-limit";
import { GraphQLError, type ValidationContext, type ValidationRule } from "graphql";
import { introspectionNestingRule } from "./introspection-nesting-rule.js";

export interface ValidationRulesOptions {
  /** Deepest selection allowed (top-level fields are depth 0); introspection fields are not counted. @default 10 */
  maxDepth?: number;
}

/**
 * The extra validation rules every operation must pass, on HTTP (Apollo `validationRules`) and on
 * graphql-ws (its own `validate`), so both paths enforce the same limits: the depth limit, and a
 * cap on introspection nesting (which the depth limit does not count).
 */
export function createValidationRules({ maxDepth = 10 }: ValidationRulesOptions = {}): ValidationRule[] {
  return [withReportedErrors(depthLimit(maxDepth), (error) => explainDepthError(error, maxDepth)), introspectionNestingRule];
}

/** graphql-depth-limit says "'' exceeds maximum operation depth of 10"; say what to do instead. */
function explainDepthError(error: GraphQLError, maxDepth: number): GraphQLError {
  const match = /^'(.*)' exceeds maximum operation depth/.exec(error.message);
  if (!match) return error;
  const operation = match[1] ? `Operation '${match[1]}'` : "This operation";
  return new GraphQLError(
    `${operation} nests fields deeper than the limit of ${maxDepth} levels. Select fewer nested fields, or fetch the deeper part in a separate operation.`,
    { nodes: error.nodes, extensions: { ...error.extensions, maxDepth } },
  );
}

/** Runs a rule with a context whose `reportError` passes each error through `rewrite` first. */
function withReportedErrors(rule: ValidationRule, rewrite: (error: GraphQLError) => GraphQLError): ValidationRule {
  return (context) => {
    const wrapped = new Proxy(context, {
      get(target, property) {
        if (property === "reportError") return (error: GraphQLError) => target.reportError(rewrite(error));
        const value = Reflect.get(target, property, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    }) as ValidationContext;
    const visitor = rule(wrapped);
    return visitor === wrapped ? {} : visitor;
  };
}

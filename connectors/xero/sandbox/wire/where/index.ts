/** `where` filtering: parse once, then test records. */
import { evaluateWhere } from "./where-eval.js";
import { parseWhere } from "./where-parser.js";

export { WhereSyntaxError } from "./where-lexer.js";

/** Compiles a `where` expression into a predicate; throws WhereSyntaxError when malformed. */
export function compileWhere(expression: string): (record: unknown) => boolean {
  const tree = parseWhere(expression);
  return (record) => evaluateWhere(tree, record);
}

import { badUserInput, type FieldProblem } from "../../errors/index.js";

/**
 * How a query-string parameter becomes a GraphQL variable: "string" passes the text as is (Date,
 * enum and ID variables: GraphQL checks the value and names the problem), "int" turns a whole
 * number into a number, "boolean" turns `true`/`false` into a boolean, "intList" turns comma-separated
 * entries (`30,60,90`) into a list, each entry like "int". Anything else is passed as text, so GraphQL
 * refuses it with its own message (for a list, naming the entry: `bucketDays[1]`).
 */
export type ParamKind = "string" | "int" | "boolean" | "intList";

const WHOLE = /^-?\d{1,9}$/;
const intValue = (text: string): number | string => (WHOLE.test(text) ? Number(text) : text);

function variableValue(kind: ParamKind, text: string): unknown {
  switch (kind) {
    case "int":
      return intValue(text);
    case "boolean":
      return text === "true" ? true : text === "false" ? false : text;
    case "intList":
      return text.split(",").map(intValue);
    default:
      return text;
  }
}

/**
 * The GraphQL variables of one export: `$organizationId` from the path, then every query-string
 * parameter the report declares. An unknown parameter, or one given twice, is a BAD_USER_INPUT naming
 * it; values are left for GraphQL to check, so a bad one answers exactly as the GraphQL endpoint would.
 */
export function exportVariables(organizationId: string, query: URLSearchParams, params: Record<string, ParamKind>): Record<string, unknown> {
  const problems: FieldProblem[] = [];
  const variables: Record<string, unknown> = { organizationId };
  const known = Object.keys(params);
  const seen = new Set<string>();
  for (const [name, value] of query) {
    const kind = Object.hasOwn(params, name) ? params[name] : undefined;
    if (kind === undefined) {
      problems.push({ field: name, message: `is not a parameter of this report; use ${known.length ? known.join(", ") : "none"}.` });
    } else if (seen.has(name)) {
      problems.push({ field: name, message: "is given more than once; give it once." });
    } else {
      variables[name] = variableValue(kind, value);
    }
    seen.add(name);
  }
  if (problems.length) throw badUserInput(problems);
  return variables;
}

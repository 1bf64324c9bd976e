import { GraphQLScalarType, Kind } from "graphql";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** An accounting date, YYYY-MM-DD, with no time zone. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: "Date",
  description: "An accounting date in the form YYYY-MM-DD (no time, no time zone).",
  serialize: (value) => {
    if (typeof value !== "string" || !isIsoDate(value)) throw new TypeError(`Date cannot represent ${String(value)}`);
    return value;
  },
  parseValue: (value) => parseDate(value),
  parseLiteral: (ast) => (ast.kind === Kind.STRING ? parseDate(ast.value) : parseDate(undefined)),
});

function parseDate(value: unknown): string {
  if (typeof value !== "string" || !isIsoDate(value)) {
    throw new TypeError(`Date must be a real calendar date written YYYY-MM-DD; got ${JSON.stringify(value)}`);
  }
  return value;
}

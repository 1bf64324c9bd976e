import { GraphQLScalarType, Kind } from "graphql";
import { isDecimalString } from "../../src/money/decimal.js";

/** Exact decimal number serialised as a string, e.g. "1234.50". Never a binary float. */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: "Decimal",
  description: 'An exact decimal number as a string, e.g. "1234.50". Money is never a binary float.',
  serialize: (value) => {
    const text = typeof value === "number" ? String(value) : value;
    if (typeof text !== "string" || !isDecimalString(text)) throw new TypeError(`Decimal cannot represent ${String(value)}`);
    return text;
  },
  parseValue: (value) => parseDecimal(value),
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return parseDecimal(ast.value);
    throw new TypeError('Decimal must be written as a string such as "12.50"');
  },
});

function parseDecimal(value: unknown): string {
  const text = typeof value === "number" ? String(value) : value;
  if (typeof text !== "string" || !isDecimalString(text.trim())) {
    throw new TypeError(`Decimal must be a number written as a string such as "12.50"; got ${JSON.stringify(value)}`);
  }
  return text.trim();
}

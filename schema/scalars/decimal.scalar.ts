import { GraphQLScalarType, Kind } from "graphql";
import { isDecimalString, plainDecimal } from "../../src/money/decimal.js";

/**
 * The most digits a Decimal input may have (before and after the point together). Far above what
 * any provider keeps (each connector declares its own, narrower limits, checked before a write),
 * it refuses absurd literals — a "1" followed by 400 zeros — as soon as the request is parsed.
 */
export const DECIMAL_MAX_DIGITS = 28;

/**
 * Exact decimal number serialised as a string, e.g. "1234.50". Never a binary float. Output is any
 * finite decimal a provider holds, in plain notation ("0.0000001", never "1e-7"), so reading never
 * fails on a stored value; input is plain notation with at most `DECIMAL_MAX_DIGITS` digits.
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: "Decimal",
  description: 'An exact decimal number as a string, e.g. "1234.50". Money is never a binary float.',
  serialize: (value) => {
    const text = plainDecimal(value);
    if (text === null) throw new TypeError(`Decimal cannot represent ${String(value)}`);
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
    const shown = typeof text === "string" && text.length > 40 ? `${JSON.stringify(text.slice(0, 40))}… (${text.length} characters)` : JSON.stringify(value);
    throw new TypeError(`Decimal must be a number written as a string such as "12.50"; got ${shown}`);
  }
  const trimmed = text.trim();
  // Leading zeros and trailing zeros after the point carry no digits of the value.
  const digits = trimmed.replace(/^-/, "").replace(/^0+(?=\d)/, "").replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "").replace(".", "").length;
  if (digits > DECIMAL_MAX_DIGITS) {
    throw new TypeError(`Decimal has ${digits} digits; at most ${DECIMAL_MAX_DIGITS} are accepted. Send fewer digits: no provider keeps more than 4 decimal places or 12 digits before the point.`);
  }
  return trimmed;
}

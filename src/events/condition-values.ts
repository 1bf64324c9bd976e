/** How record conditions read and compare one scalar: the kinds of GraphQL leaf a condition may end at. */
import { Decimal } from "decimal.js";
import { isDecimalString } from "../money/decimal.js";
import { isIsoDate } from "../../schema/scalars/date.scalar.js";

/** The comparison a leaf field gets: by value for numbers and times, exactly for text and enums. */
export type LeafKind = "decimal" | "int" | "float" | "boolean" | "date" | "datetime" | "text" | "enum";

/** The leaf kind of a GraphQL scalar name; undefined for scalars conditions cannot compare (JSON). */
export function kindOfScalar(name: string): LeafKind | undefined {
  switch (name) {
    case "Decimal": return "decimal";
    case "Int": return "int";
    case "Float": return "float";
    case "Boolean": return "boolean";
    case "Date": return "date";
    case "DateTime": return "datetime";
    case "String":
    case "ID": return "text";
    default: return undefined;
  }
}

/** Kinds that gt/gte/lt/lte accept: numbers, dates and instants (text and enums have no order a filter could rely on). */
export const ORDERED_KINDS: ReadonlySet<LeafKind> = new Set(["decimal", "int", "float", "date", "datetime"]);

const INTEGER = /^-?\d+$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A comparable form of one value: Decimal for decimals, a number for Int/Float/DateTime (ms), the text otherwise. */
export type Comparable = Decimal | number | string | boolean;

/** What a value written in a condition must look like, for messages. */
export const EXPECTED: Readonly<Record<LeafKind, string>> = {
  decimal: 'a plain decimal such as "1000" or "-12.50" (no exponent, no thousands separators)',
  int: 'a whole number such as "3"',
  float: 'a plain number such as "1.5" (no exponent)',
  boolean: '"true" or "false"',
  date: 'a date written YYYY-MM-DD, e.g. "2026-11-30"',
  datetime: 'an ISO 8601 time with its offset, e.g. "2026-11-30T09:00:00Z"',
  text: "any text",
  enum: "one of the enum's values",
};

/** Parses a value written in a condition; undefined when it is not of the kind (the caller reports it). */
export function parseConditionValue(kind: LeafKind, text: string): Comparable | undefined {
  switch (kind) {
    case "decimal": return isDecimalString(text) ? new Decimal(text) : undefined;
    case "int": return INTEGER.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : undefined;
    case "float": return isDecimalString(text) && Number.isFinite(Number(text)) ? Number(text) : undefined;
    case "boolean": return text === "true" ? true : text === "false" ? false : undefined;
    case "date": return isIsoDate(text) ? text : undefined;
    case "datetime": {
      const ms = DATE_TIME.test(text) ? Date.parse(text) : Number.NaN;
      return Number.isNaN(ms) ? undefined : ms;
    }
    case "text":
    case "enum": return text;
  }
}

/** The comparable form of a value as the stored record holds it; undefined when absent, null, or unreadable as the kind. */
export function readStoredValue(kind: LeafKind, value: unknown): Comparable | undefined {
  if (value === null || value === undefined) return undefined;
  switch (kind) {
    case "decimal":
    case "int":
    case "float": {
      if (typeof value !== "string" && typeof value !== "number") return undefined;
      try {
        const d = new Decimal(value);
        if (!d.isFinite()) return undefined;
        return kind === "decimal" ? d : d.toNumber();
      } catch {
        return undefined;
      }
    }
    case "boolean": return typeof value === "boolean" ? value : undefined;
    case "date": return typeof value === "string" ? value.slice(0, 10) : undefined;
    case "datetime": {
      const ms = typeof value === "string" ? Date.parse(value) : Number.NaN;
      return Number.isNaN(ms) ? undefined : ms;
    }
    case "text":
    case "enum": return typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" ? String(value) : undefined;
  }
}

/** Negative, zero or positive as `a` is below, equal to or above `b` (both of the same kind). */
export function compareValues(a: Comparable, b: Comparable): number {
  if (Decimal.isDecimal(a)) return a.comparedTo(b as Decimal);
  if (typeof a === "number") return a - (b as number);
  if (typeof a === "boolean") return a === b ? 0 : a ? 1 : -1;
  return a < (b as string) ? -1 : a > (b as string) ? 1 : 0;
}

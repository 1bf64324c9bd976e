/**
 * The `order` query parameter: one or more `Field [ASC|DESC]`, comma-separated, nested paths
 * allowed (`Contact.Name DESC`). Missing values sort first in ascending order.
 * https://developer.xero.com/documentation/api/accounting/requests-and-responses#ordering
 */
import { queryError } from "../http/errors.js";
import { fieldAt } from "./field-path.js";

type Comparator = (a: unknown, b: unknown) => number;

function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  const left = String(a).toLowerCase();
  const right = String(b).toLowerCase();
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Parses `order` into a comparator; throws a 400 QueryParseException when malformed. */
export function parseOrder(text: string): Comparator {
  const keys = text.split(",").map((part) => part.trim()).filter(Boolean).map((part) => {
    const match = /^([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)(?:\s+(ASC|DESC))?$/i.exec(part);
    if (!match) throw queryError(`Invalid order clause '${part}': expected 'Field', 'Field ASC' or 'Field DESC'`);
    return { path: match[1]!.split("."), direction: match[2]?.toUpperCase() === "DESC" ? -1 : 1 };
  });
  if (keys.length === 0) throw queryError("The order parameter is empty");
  return (a, b) => {
    for (const key of keys) {
      const result = compareValues(fieldAt(a, key.path), fieldAt(b, key.path));
      if (result !== 0) return result * key.direction;
    }
    return 0;
  };
}

/** Stable sort by `order`, defaulting to Xero's `UpdatedDateUTC ASC`. */
export function applyOrder<T>(records: T[], order: string | undefined, fallback = "UpdatedDateUTC ASC"): T[] {
  const comparator = parseOrder(order && order.trim() !== "" ? order : fallback);
  return records
    .map((record, index) => ({ record, index }))
    .sort((a, b) => comparator(a.record, b.record) || a.index - b.index)
    .map(({ record }) => record);
}

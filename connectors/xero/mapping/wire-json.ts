import { ObjectSerializer } from "xero-node";
import { isWireDecimal } from "../client/exact-decimals.js";
import { toMsDate } from "./dates.js";

/**
 * Plain JSON with Dates in Xero's `/Date(ms+0000)/` form and absent fields dropped. Exact decimals
 * (`WireDecimal`) show as strings of the digits sent: JSON handed back to a client cannot carry an
 * exact number, and the digits are the ones the request body has as a JSON number.
 */
function plain(value: unknown): unknown {
  if (value instanceof Date) return toMsDate(value);
  if (isWireDecimal(value)) return value.digits;
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) if (inner !== undefined) out[key] = plain(inner);
    return out;
  }
  return value;
}

/** A xero-node model serialised back to Xero's PascalCase wire JSON (the `raw` escape hatch). */
export function toWireJson(model: unknown, typeName: string): Record<string, unknown> {
  return plain(ObjectSerializer.serialize(model, typeName)) as Record<string, unknown>;
}

import { ObjectSerializer } from "xero-node";

/** Wire JSON → the xero-node model exactly as the SDK would hand it over (dates become Date objects). */
export function fromWire<T>(json: Record<string, unknown>, typeName: string): T {
  return ObjectSerializer.deserialize(json, typeName) as T;
}

export const msDate = (isoDay: string) => `/Date(${Date.parse(`${isoDay}T00:00:00Z`)}+0000)/`;

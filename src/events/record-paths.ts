/** Field paths of record conditions: checked against the GraphQL types, read from the record as the event log stores it. */
import { getNamedType, isEnumType, isInterfaceType, isObjectType, isScalarType, isUnionType, type GraphQLField, type GraphQLObjectType } from "graphql";
import { toGlobalId } from "../ids/global-id.js";
import { kindOfScalar, type LeafKind } from "./condition-values.js";

/** Where a path ends: how its values compare, and the enum's values when it is one. */
export interface PathLeaf {
  kind: LeafKind;
  /** The GraphQL type at the end (`Decimal`, `InvoiceStatus`), for messages. */
  typeName: string;
  enumValues?: readonly string[];
}

/** Reads every value at a path of a stored record (through lists: each element's); `organizationId` builds `contact.id`. */
export type PathReader = (record: Record<string, unknown>, organizationId: string | null) => unknown[];

/** The parts of `contact` a document stores (as `contactRef`); the rest of the contact is loaded when a query reads it. */
const CONTACT_PARTS = ["id", "remoteId", "name"] as const;

/** Why a top-level field cannot be filtered on, when it is one of those the schema computes instead of the stored record. */
function refusedField(name: string, depth: number): string | undefined {
  if (name === "raw") return "`raw` is the provider's payload, which the event log does not keep; filter on a unified field instead";
  if (name === "freshness") return "`freshness` describes a read, not the record; an event's record has none";
  if (name.startsWith("base")) return `\`${name}\` is computed from the organization's base currency when read, not stored with the record; filter on the amount in the record's own currency and on \`currency\` instead`;
  if (depth === 0 && name === "currencyRate") return "`currencyRate` is resolved against the organization's base currency when read (the stored record keeps only the rate the provider states, often none); filter on `currency` instead";
  return undefined;
}

/** The paths of `type` a condition may name, for messages: `status`, `total`, `contact.id`, `lineItems.<field>`. */
export function filterableFields(type: GraphQLObjectType): string[] {
  const names: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (refusedField(field.name, 0)) continue;
    const named = getNamedType(field.type);
    if (field.name === "contact" && isObjectType(named)) names.push(...CONTACT_PARTS.map((part) => `contact.${part}`));
    else if (isEnumType(named) || (isScalarType(named) && kindOfScalar(named.name))) names.push(field.name);
    else if (isObjectType(named)) names.push(`${field.name}.<field>`);
  }
  return names;
}

/** The leaf at the end of `path` on `type`, or why the path cannot be filtered on. */
export function resolvePath(type: GraphQLObjectType, path: readonly string[]): { leaf: PathLeaf } | { problem: string } {
  let current: GraphQLObjectType = type;
  for (let depth = 0; depth < path.length; depth++) {
    const name = path[depth]!;
    const shown = path.slice(0, depth + 1).join(".");
    const field: GraphQLField<unknown, unknown> | undefined = current.getFields()[name];
    if (!field) {
      const where = depth === 0 ? type.name : `${path.slice(0, depth).join(".")} (${current.name})`;
      return { problem: `\`${name}\` is not a field of ${where}. Fields you can filter on: ${filterableFields(current).join(", ")}` };
    }
    const refused = refusedField(name, depth);
    if (refused) return { problem: refused };
    const named = getNamedType(field.type);
    const last = depth === path.length - 1;
    if (depth === 0 && name === "contact" && isObjectType(named)) {
      const part = path[1];
      if (path.length !== 2 || !CONTACT_PARTS.includes(part as (typeof CONTACT_PARTS)[number])) {
        return { problem: `only ${CONTACT_PARTS.map((p) => `contact.${p}`).join(", ")} can be filtered on: the record keeps those of its contact; the rest is loaded when a query reads it` };
      }
      return { leaf: { kind: "text", typeName: part === "id" ? "ID" : "String" } };
    }
    if (isInterfaceType(named) || isUnionType(named)) return { problem: `\`${shown}\` is ${named.name}, an interface or union; conditions follow object fields only` };
    if (!last) {
      if (!isObjectType(named)) return { problem: `\`${shown}\` is ${named.name}, which has no fields; end the path there` };
      current = named;
      continue;
    }
    if (isEnumType(named)) return { leaf: { kind: "enum", typeName: named.name, enumValues: named.getValues().map((v) => v.name) } };
    const kind = isScalarType(named) ? kindOfScalar(named.name) : undefined;
    if (!kind) {
      const fields = isObjectType(named) ? ` name one of its fields, e.g. \`${shown}.${Object.keys(named.getFields())[0]}\`` : " it cannot be compared";
      return { problem: `\`${shown}\` is ${named.name}:${fields}` };
    }
    return { leaf: { kind, typeName: named.name } };
  }
  return { problem: "name a field" };
}

/** How to read `path` from a stored record: `contact.*` from its `contactRef`, everything else as named. */
export function readerOf(path: readonly string[]): PathReader {
  if (path[0] === "contact" && path.length === 2) {
    const part = path[1];
    return (record, organizationId) => {
      const ref = record.contactRef as { remoteId?: unknown; name?: unknown } | null | undefined;
      if (!ref || typeof ref.remoteId !== "string" || !ref.remoteId) return [];
      if (part === "remoteId") return [ref.remoteId];
      if (part === "name") return [ref.name];
      return organizationId === null ? [] : [toGlobalId({ organizationId, type: "Contact", remoteId: ref.remoteId })];
    };
  }
  return (record) => {
    let values: unknown[] = [record];
    for (const name of path) {
      values = values.flatMap((value) => {
        if (!value || typeof value !== "object" || Array.isArray(value)) return [];
        const next = (value as Record<string, unknown>)[name];
        return Array.isArray(next) ? next.flat(Infinity) : [next];
      });
    }
    return values;
  };
}

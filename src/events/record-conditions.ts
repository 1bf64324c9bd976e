/** Conditions on the record an event carries: validated against the schema, then tested per event. */
import { isObjectType, type GraphQLObjectType, type GraphQLSchema } from "graphql";
import { fromGlobalId } from "../ids/global-id.js";
import type { RecordCondition } from "../webhooks/webhook-types.js";
import type { NewEvent } from "../triggers/event.js";
import { compareValues, EXPECTED, ORDERED_KINDS, parseConditionValue, readStoredValue, type Comparable, type LeafKind } from "./condition-values.js";
import { filterableFields, readerOf, resolvePath, type PathLeaf, type PathReader } from "./record-paths.js";

export interface FieldProblem {
  /** e.g. `filter.where[1].gte` */
  field: string;
  message: string;
}

/** A compiled filter: true when every condition holds for the event's record (an event without a record never passes a non-empty filter). */
export type EventPredicate = (event: Pick<NewEvent, "record" | "organizationId" | "entity">) => boolean;

/** At most this many conditions in one list. */
export const MAX_CONDITIONS = 20;
/** At most this many values in one `in` or `notIn`. */
export const MAX_CONDITION_VALUES = 100;
/** At most this many characters in one value (and in a field path). */
export const MAX_CONDITION_VALUE_LENGTH = 200;

type ValueOperator = "eq" | "gt" | "gte" | "lt" | "lte";
const ORDERING: readonly ValueOperator[] = ["gt", "gte", "lt", "lte"];
const OPERATORS = ["eq", "in", "notIn", "gt", "gte", "lt", "lte", "exists"] as const;

interface Compiled {
  read: PathReader;
  kind: LeafKind;
  single: Array<[ValueOperator, Comparable]>;
  in?: Comparable[];
  notIn?: Comparable[];
  exists?: boolean;
}

const given = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

/**
 * Checks `conditions` against the GraphQL types `typeNames` (every field path must exist on each, with a
 * comparable scalar or enum at its end, and each value must parse as that type), returning the predicate
 * or every problem (each naming `${fieldPrefix}[i].<part>`). An empty list accepts every event.
 */
export function compileConditions(schema: GraphQLSchema, typeNames: readonly string[], conditions: readonly RecordCondition[], fieldPrefix: string): { ok: true; test: EventPredicate } | { ok: false; problems: FieldProblem[] } {
  if (conditions.length === 0) return { ok: true, test: () => true };
  if (conditions.length > MAX_CONDITIONS) return { ok: false, problems: [{ field: fieldPrefix, message: `has ${conditions.length} conditions; at most ${MAX_CONDITIONS} are allowed. Combine values of one field with \`in\`.` }] };
  const types: GraphQLObjectType[] = [];
  for (const name of typeNames) {
    const type = schema.getType(name);
    if (isObjectType(type)) types.push(type);
    else return { ok: false, problems: [{ field: fieldPrefix, message: `conditions cannot apply to ${name}: it is no record type of this schema` }] };
  }
  if (types.length === 0) return { ok: false, problems: [{ field: fieldPrefix, message: "conditions test the record of record events, and none of the event types asked for carries a record; leave the conditions out or name record event types" }] };
  const problems: FieldProblem[] = [];
  const compiled = conditions.map((condition, i) => compileOne(types, condition, `${fieldPrefix}[${i}]`, problems));
  if (problems.length) return { ok: false, problems };
  const all = compiled as Compiled[];
  return { ok: true, test: (event) => event.record !== null && event.record !== undefined && all.every((c) => holds(c, event.record!, event.organizationId)) };
}

function compileOne(types: readonly GraphQLObjectType[], condition: RecordCondition, at: string, problems: FieldProblem[]): Compiled | undefined {
  const before = problems.length;
  const leaf = leafOf(types, condition.field, `${at}.field`, problems);
  if (!OPERATORS.some((op) => given(condition[op]))) problems.push({ field: at, message: `give at least one of ${OPERATORS.join(", ")} for \`${condition.field}\`` });
  if (!leaf) return undefined;
  const path = condition.field.split(".");
  const parse = (text: unknown, field: string): Comparable | undefined => parseValue(leaf, path, text, field, problems);
  const compiled: Compiled = { read: readerOf(path), kind: leaf.kind, single: [] };
  if (given(condition.eq)) {
    const value = parse(condition.eq, `${at}.eq`);
    if (value !== undefined) compiled.single.push(["eq", value]);
  }
  for (const op of ORDERING) {
    if (!given(condition[op])) continue;
    if (!ORDERED_KINDS.has(leaf.kind)) {
      problems.push({ field: `${at}.${op}`, message: `\`${condition.field}\` is ${leaf.typeName}, which has no order to compare by: gt, gte, lt and lte take numbers (Decimal, Int, Float), Date and DateTime only. Use eq, in or notIn.` });
      continue;
    }
    const value = parse(condition[op], `${at}.${op}`);
    if (value !== undefined) compiled.single.push([op, value]);
  }
  for (const op of ["in", "notIn"] as const) {
    const list = condition[op];
    if (!given(list)) continue;
    if (list.length === 0 || list.length > MAX_CONDITION_VALUES) {
      problems.push({ field: `${at}.${op}`, message: list.length === 0 ? `give at least one value, or leave \`${op}\` out` : `has ${list.length} values; at most ${MAX_CONDITION_VALUES} are allowed` });
      continue;
    }
    compiled[op] = list.map((text, j) => parse(text, `${at}.${op}[${j}]`)).filter((v): v is Comparable => v !== undefined);
  }
  if (given(condition.exists)) compiled.exists = condition.exists;
  return problems.length === before ? compiled : undefined;
}

/** The leaf `field` names on every type (they must agree on how it compares), or undefined after reporting why not. */
function leafOf(types: readonly GraphQLObjectType[], field: unknown, at: string, problems: FieldProblem[]): PathLeaf | undefined {
  const path = typeof field === "string" ? field.split(".") : [];
  if (typeof field !== "string" || field.length > MAX_CONDITION_VALUE_LENGTH || path.some((part) => part === "")) {
    problems.push({ field: at, message: `name a field path such as \`status\`, \`total\` or \`contact.id\` (dot-separated, at most ${MAX_CONDITION_VALUE_LENGTH} characters). Fields you can filter on: ${commonFields(types)}` });
    return undefined;
  }
  const found = types.map((type) => ({ type, ...resolvePath(type, path) }));
  const failed = found.filter((f) => "problem" in f);
  if (failed.length) {
    const messages = [...new Set(failed.map((f) => ("problem" in f ? f.problem : "")))];
    if (messages.length === 1 && failed.length === types.length) problems.push({ field: at, message: messages[0]! });
    else {
      const on = found.filter((f) => "leaf" in f).map((f) => f.type.name);
      const why = messages.length === 1 ? messages[0]! : `every record type the filter applies to must have it. Fields they all have: ${commonFields(types)}`;
      problems.push({ field: at, message: `\`${field}\` cannot be filtered on for ${failed.map((f) => f.type.name).join(", ")}${on.length ? ` (only for ${on.join(", ")})` : ""}: ${why}` });
    }
    return undefined;
  }
  const leaves = found.map((f) => (f as { leaf: PathLeaf }).leaf);
  const kinds = new Set(leaves.map((l) => l.kind));
  if (kinds.size > 1) {
    problems.push({ field: at, message: `\`${field}\` means different things: ${found.map((f, i) => `${leaves[i]!.typeName} on ${f.type.name}`).join(", ")}; name fewer record types so it means one` });
    return undefined;
  }
  if (leaves[0]!.kind !== "enum") return leaves[0];
  return { kind: "enum", typeName: [...new Set(leaves.map((l) => l.typeName))].join("/"), enumValues: [...new Set(leaves.flatMap((l) => l.enumValues ?? []))] };
}

function commonFields(types: readonly GraphQLObjectType[]): string {
  const lists = types.map(filterableFields);
  return lists[0]!.filter((name) => lists.every((list) => list.includes(name))).join(", ");
}

function parseValue(leaf: PathLeaf, path: readonly string[], text: unknown, at: string, problems: FieldProblem[]): Comparable | undefined {
  if (typeof text !== "string") {
    problems.push({ field: at, message: `give the value as text: ${EXPECTED[leaf.kind]}` });
    return undefined;
  }
  if (text.length > MAX_CONDITION_VALUE_LENGTH) {
    problems.push({ field: at, message: `is ${text.length} characters long; values have at most ${MAX_CONDITION_VALUE_LENGTH}` });
    return undefined;
  }
  if (leaf.kind === "enum" && !leaf.enumValues?.includes(text)) {
    problems.push({ field: at, message: `'${text}' is not a value of ${leaf.typeName}: use one of ${leaf.enumValues?.join(", ")}` });
    return undefined;
  }
  if (path.join(".") === "contact.id" && !isContactId(text)) {
    problems.push({ field: at, message: `'${text}' is not a Contact id: use the \`id\` of a contact returned by this API (contact.remoteId takes the provider's id)` });
    return undefined;
  }
  const value = parseConditionValue(leaf.kind, text);
  if (value === undefined) problems.push({ field: at, message: `'${text}' is not a ${leaf.typeName}: expected ${EXPECTED[leaf.kind]}` });
  return value;
}

function isContactId(text: string): boolean {
  try {
    return fromGlobalId(text).type === "Contact";
  } catch {
    return false;
  }
}

function holds(condition: Compiled, record: Record<string, unknown>, organizationId: string | null): boolean {
  const values = condition.read(record, organizationId).map((v) => readStoredValue(condition.kind, v)).filter((v): v is Comparable => v !== undefined);
  const valueTests = condition.single.length > 0 || condition.in !== undefined || condition.notIn !== undefined;
  if (values.length === 0) return condition.exists === false && !valueTests;
  if (condition.exists === false) return false;
  return !valueTests || values.some((value) => matches(condition, value));
}

function matches(condition: Compiled, value: Comparable): boolean {
  const same = (other: Comparable) => compareValues(value, other) === 0;
  for (const [op, operand] of condition.single) {
    const order = compareValues(value, operand);
    const ok = op === "eq" ? order === 0 : op === "gt" ? order > 0 : op === "gte" ? order >= 0 : op === "lt" ? order < 0 : order <= 0;
    if (!ok) return false;
  }
  if (condition.in && !condition.in.some(same)) return false;
  if (condition.notIn && condition.notIn.some(same)) return false;
  return true;
}

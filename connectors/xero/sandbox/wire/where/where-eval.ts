/**
 * Evaluates a parsed `where` tree against a stored (PascalCase) record.
 *
 * Semantics follow Xero's SQL-backed filters: string equality on Name / EmailAddress is
 * case-insensitive, Contains/StartsWith/EndsWith are case-insensitive, DateTime(...) compares
 * against date and timestamp fields, Guid(...) compares ids case-insensitively, a missing field is
 * null (so `X != null` tests presence), and nested paths such as `Contact.ContactID` walk objects.
 */
import { parseWireDate, storedToMs } from "../dates.js";
import { fieldAt } from "../field-path.js";
import type { CompareOp, Literal, Operand, WhereNode } from "./where-ast.js";

const CASE_INSENSITIVE_FIELDS = new Set(["name", "emailaddress"]);

type Value = { v: unknown; literal?: Literal; field?: string };

function resolve(record: unknown, operand: Operand): Value {
  if (operand.kind === "path") {
    return { v: fieldAt(record, operand.path), field: operand.path[operand.path.length - 1]!.toLowerCase() };
  }
  const lit = operand.literal;
  switch (lit.kind) {
    case "null":
      return { v: null, literal: lit };
    case "datetime":
      return { v: lit.ms, literal: lit };
    default:
      return { v: lit.value, literal: lit };
  }
}

function toMs(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value !== "string") return undefined;
  const ms = parseWireDate(value) ?? storedToMs(value);
  return Number.isNaN(ms) ? undefined : ms;
}

function order(a: number | string | boolean, b: number | string | boolean, op: CompareOp): boolean {
  switch (op) {
    case "==": return a === b;
    case "!=": return a !== b;
    case "<": return a < b;
    case "<=": return a <= b;
    case ">": return a > b;
    case ">=": return a >= b;
  }
}

function compare(left: Value, right: Value, op: CompareOp): boolean {
  const isNull = (x: Value) => x.v === undefined || x.v === null;
  if (isNull(left) || isNull(right)) {
    const both = isNull(left) && isNull(right);
    return op === "==" ? both : op === "!=" ? !both : false;
  }
  const kinds = [left.literal?.kind, right.literal?.kind];
  if (kinds.includes("datetime")) {
    const a = toMs(left.v);
    const b = toMs(right.v);
    return a !== undefined && b !== undefined ? order(a, b, op) : op === "!=";
  }
  if (kinds.includes("guid")) {
    return order(String(left.v).toLowerCase(), String(right.v).toLowerCase(), op);
  }
  if (typeof left.v === "number" || typeof right.v === "number") {
    const a = Number(left.v);
    const b = Number(right.v);
    return Number.isNaN(a) || Number.isNaN(b) ? op === "!=" : order(a, b, op);
  }
  if (typeof left.v === "string" && typeof right.v === "string") {
    const fold = [left.field, right.field].some((f) => f !== undefined && CASE_INSENSITIVE_FIELDS.has(f));
    return fold ? order(left.v.toLowerCase(), right.v.toLowerCase(), op) : order(left.v, right.v, op);
  }
  if (typeof left.v === "boolean" && typeof right.v === "boolean") return order(left.v, right.v, op);
  return op === "!=";
}

export function evaluateWhere(node: WhereNode, record: unknown): boolean {
  switch (node.kind) {
    case "and":
      return evaluateWhere(node.left, record) && evaluateWhere(node.right, record);
    case "or":
      return evaluateWhere(node.left, record) || evaluateWhere(node.right, record);
    case "not":
      return !evaluateWhere(node.operand, record);
    case "truthy":
      return Boolean(fieldAt(record, node.path));
    case "method": {
      const value = fieldAt(record, node.path);
      if (typeof value !== "string") return false;
      const haystack = value.toLowerCase();
      const needle = node.arg.toLowerCase();
      if (node.method === "Contains") return haystack.includes(needle);
      if (node.method === "StartsWith") return haystack.startsWith(needle);
      return haystack.endsWith(needle);
    }
    case "compare":
      return compare(resolve(record, node.left), resolve(record, node.right), node.op);
  }
}

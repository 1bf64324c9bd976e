import {
  defaultFieldResolver, getNamedType, isInputObjectType, isListType, isNonNullType, isObjectType, isScalarType,
  type GraphQLArgument, type GraphQLField, type GraphQLFieldResolver, type GraphQLInputType, type GraphQLSchema,
} from "graphql";
import { badUserInput, type FieldProblem } from "../errors/index.js";
import { MAX_GLOBAL_ID_LENGTH } from "../ids/global-id.js";

/** How long a string may be, and whether it may hold line breaks and tabs. */
export interface TextLimit {
  maxLength: number;
  /** Notes, descriptions, terms: `\n` and `\t` are allowed (every other control character is not). */
  multiline?: boolean;
}

export interface InputLimitsOptions {
  /** Every `String` argument and input field. @default 1,000 characters, one line */
  text?: TextLimit;
  /** Every `ID` argument and input field (global ids, organization ids). @default 512 characters */
  id?: TextLimit;
  /** Exceptions by schema coordinate: `LineInput.description` for an input field, `Mutation.addNote(note:)` for an argument. */
  fields?: Readonly<Record<string, TextLimit>>;
}

export const DEFAULT_TEXT_LIMIT: TextLimit = { maxLength: 1_000 };
export const DEFAULT_ID_LIMIT: TextLimit = { maxLength: MAX_GLOBAL_ID_LENGTH };

/**
 * C0/C1 controls and DEL, plus the Unicode line and paragraph separators (U+2028, U+2029), the
 * bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069: "Trojan Source"
 * text that reads differently than it stores) and the byte-order mark (U+FEFF).
 */
const ONE_LINE_CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/;
/** Multi-line text also takes \n, \t and the \r of a Windows line break (\r\n); a lone \r is refused. */
const MULTILINE_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]|\r(?!\n)/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with one string value, or undefined. */
export function textProblem(value: string, limit: TextLimit): string | undefined {
  if (value.length > limit.maxLength) return `is ${value.length} characters long; at most ${limit.maxLength} are allowed. Shorten it.`;
  const control = (limit.multiline ? MULTILINE_CONTROL : ONE_LINE_CONTROL).exec(value);
  if (control) {
    const code = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
    const where = limit.multiline ? "only line breaks (\\n or \\r\\n) and tabs (\\t) are allowed" : "this is a one-line field: no line breaks, tabs or other control characters";
    return `contains the control character ${code} at position ${control.index}; ${where}. Remove it.`;
  }
  const lone = LONE_SURROGATE.exec(value);
  if (lone) return `contains half of a UTF-16 surrogate pair at position ${lone.index} (a broken emoji or other character). Send well-formed text.`;
  return undefined;
}

type Check = (value: unknown, path: string, problems: FieldProblem[]) => void;

/**
 * Checks every string and id a client sends, once, for HTTP and WebSocket alike: each field that
 * takes arguments gets its resolver (and, for subscriptions, its `subscribe`) wrapped so that its
 * arguments, walked by their GraphQL input types (lists and nested inputs included), are refused
 * with one BAD_USER_INPUT naming every bad field before the resolver, and so any upstream call, runs.
 * Strings longer than their limit, control characters (NUL, ESC, other C0/C1, DEL; line breaks and
 * tabs only where declared multi-line) and lone UTF-16 surrogates are refused. Fields without
 * arguments are left untouched, so plain reads cost nothing. Mutates and returns `schema`.
 */
export function applyInputLimits(schema: GraphQLSchema, options: InputLimitsOptions = {}): GraphQLSchema {
  const text = options.text ?? DEFAULT_TEXT_LIMIT;
  const id = options.id ?? DEFAULT_ID_LIMIT;
  const declared = options.fields ?? {};
  const unknown = Object.keys(declared).filter((coordinate) => !coordinateExists(schema, coordinate));
  if (unknown.length) throw new Error(`Input limits name fields the schema does not have: ${unknown.join(", ")}`);

  const checks = new Map<GraphQLInputType, Check>();
  /** A check for values of `type`; `coordinate` names the field or argument they belong to. */
  function checkFor(type: GraphQLInputType, coordinate: string): Check {
    if (isNonNullType(type)) return checkFor(type.ofType, coordinate);
    if (isListType(type)) {
      const item = checkFor(type.ofType, coordinate);
      return (value, path, problems) => {
        if (Array.isArray(value)) value.forEach((v, i) => item(v, `${path}[${i}]`, problems));
        else item(value, path, problems);
      };
    }
    if (isInputObjectType(type)) {
      const cached = checks.get(type);
      if (cached) return cached;
      let fields: Array<[string, Check]> = [];
      const check: Check = (value, path, problems) => {
        if (value === null || typeof value !== "object") return;
        for (const [name, inner] of fields) {
          const v = (value as Record<string, unknown>)[name];
          if (v !== null && v !== undefined) inner(v, `${path}.${name}`, problems);
        }
      };
      checks.set(type, check);
      fields = Object.values(type.getFields()).map((f) => [f.name, checkFor(f.type, `${type.name}.${f.name}`)]);
      return check;
    }
    if (isScalarType(type) && (type.name === "String" || type.name === "ID")) {
      const limit = declared[coordinate] ?? (type.name === "ID" ? id : text);
      return (value, path, problems) => {
        const message = typeof value === "string" ? textProblem(value, limit) : undefined;
        if (message) problems.push({ field: path, message });
      };
    }
    return () => undefined;
  }

  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0) continue;
      const argChecks = field.args.map((arg: GraphQLArgument) => [arg.name, checkFor(arg.type, `${type.name}.${field.name}(${arg.name}:)`)] as const);
      const hasStrings = field.args.some((arg) => carriesText(arg.type));
      if (hasStrings) guard(field, (args) => {
        const problems: FieldProblem[] = [];
        for (const [name, check] of argChecks) if (args[name] !== null && args[name] !== undefined) check(args[name], name, problems);
        if (problems.length) throw badUserInput(problems);
      });
    }
  }
  return schema;
}

/** Runs `check` on the arguments before the field's resolver and subscribe function. */
function guard(field: GraphQLField<unknown, unknown>, check: (args: Record<string, unknown>) => void): void {
  const wrap = (inner: GraphQLFieldResolver<unknown, unknown>): GraphQLFieldResolver<unknown, unknown> => (source, args, context, info) => {
    check(args);
    return inner(source, args, context, info);
  };
  field.resolve = wrap(field.resolve ?? defaultFieldResolver);
  if (field.subscribe) field.subscribe = wrap(field.subscribe);
}

/** Whether any String or ID can appear in a value of `type`. */
function carriesText(type: GraphQLInputType, seen = new Set<unknown>()): boolean {
  const named = getNamedType(type);
  if (isScalarType(named)) return named.name === "String" || named.name === "ID";
  if (!isInputObjectType(named) || seen.has(named)) return false;
  seen.add(named);
  return Object.values(named.getFields()).some((f) => carriesText(f.type, seen));
}

/** `Type.field` (an input field) or `Type.field(arg:)` (an argument) names something in the schema. */
function coordinateExists(schema: GraphQLSchema, coordinate: string): boolean {
  const match = /^(\w+)\.(\w+)(?:\((\w+):\))?$/.exec(coordinate);
  if (!match) return false;
  const [, typeName, fieldName, argName] = match;
  const type = schema.getType(typeName!);
  if (argName) return isObjectType(type) && !!type.getFields()[fieldName!]?.args.some((a) => a.name === argName);
  return isInputObjectType(type) && !!type.getFields()[fieldName!];
}

import {
  getNamedType, isAbstractType, isCompositeType, isEnumType, isInputObjectType, isLeafType, isListType, isNonNullType, isObjectType,
  isScalarType, type GraphQLArgument, type GraphQLCompositeType, type GraphQLField, type GraphQLInputType, type GraphQLObjectType, type GraphQLSchema,
} from "graphql";
import { seededRandom, type SeededRandom } from "../../src/infra/seeded-random.js";

/** One generated request, and the family it belongs to (for failure messages and the run summary). */
export interface FuzzCase {
  family: string;
  query: string;
  variables?: Record<string, unknown>;
}

export interface FuzzOptions {
  seed: number;
  /** Organization ids that exist (the rest of the ids the fuzzer writes do not). */
  organizationIds: string[];
  /** Share of organization ids taken from `organizationIds`, so some operations really run. @default 0.1 */
  realIdShare?: number;
}

/** Decimal strings a parser can choke on: huge, tiny, signed zero, exponent, junk. */
export const EXTREME_DECIMALS = [
  `1${"0".repeat(400)}`, `-1${"0".repeat(400)}`, "0.0000001", `0.${"0".repeat(300)}1`, "-0", "1e5", "1E-7", "NaN", "Infinity", "-",
  "", " 12.50 ", "12,50", "0x10", "9".repeat(1000), "1.", ".5", "+1", "12.345678901234567890123456789",
];

type Random = SeededRandom;

/**
 * Builds random operations from the real schema: fields, arguments (mostly valid, sometimes of the
 * wrong type or out of range), aliases, inline and named fragments, and variables; plus the attack
 * families: fragment cycles, alias floods, `nodes` with many ids, huge documents and extreme decimals.
 */
export function createOperationFuzzer(schema: GraphQLSchema, options: FuzzOptions) {
  const random = seededRandom(options.seed);
  const realIdShare = options.realIdShare ?? 0.1;
  const str = (value: string) => JSON.stringify(value);
  const organizationId = () => (random.chance(realIdShare) ? random.pick(options.organizationIds) : random.pick(["org_fuzz", "org_", "", "x".repeat(random.int(1, 300))]));

  /** A literal for an input type; `wrong` makes it invalid on purpose now and then. */
  function literal(type: GraphQLInputType, name: string, depth = 0): string {
    if (random.chance(0.03)) return random.pick(["null", "1", '"x"', "[]", "{}", "true", "ZZZ"]);
    if (isNonNullType(type)) return literal(type.ofType, name, depth);
    if (isListType(type)) return `[${Array.from({ length: random.int(0, 3) }, () => literal(type.ofType, name, depth + 1)).join(", ")}]`;
    if (isEnumType(type)) return random.pick(type.getValues()).name;
    if (isInputObjectType(type)) {
      if (depth > 4) return "{}";
      const fields = Object.values(type.getFields()).filter((f) => (isNonNullType(f.type) && f.defaultValue === undefined) || random.chance(0.3));
      return `{ ${fields.map((f) => `${f.name}: ${literal(f.type, f.name, depth + 1)}`).join(", ")} }`;
    }
    if (isScalarType(type)) return str(String(scalarValue(type.name, name)));
    return "null";
  }

  function scalarValue(scalar: string, name: string): string | number | boolean {
    switch (scalar) {
      case "Int":
        return name === "first" ? random.pick([1, 3, 20, 200, 201, 0, -1, -100000, 2147483647]) : random.pick([0, 1, 2, 11, 12, -1, 99999]);
      case "Float":
        return random.pick([0, 1.5, -2.25, 1e300]);
      case "Boolean":
        return random.chance(0.5);
      case "Decimal":
        return random.chance(0.3) ? random.pick(EXTREME_DECIMALS) : random.pick(["12.50", "1", "0", "100.00", "-3.5"]);
      case "Date":
        return random.pick(["2026-09-30", "2026-01-01", "2026-02-30", "30/09/2026", "", "9999-12-31"]);
      case "DateTime":
        return random.pick(["2026-09-30T12:00:00Z", "2026-09-30", "yesterday"]);
      case "ID":
        return name.toLowerCase().includes("organization") || name === "o" ? organizationId() : random.pick(["fuzz-id", "", "b3JnXzE6SW52b2ljZTox", "x".repeat(random.int(1, 500))]);
      default:
        return random.pick(["fuzz", "", "ñ✓", "a".repeat(random.int(1, 2000))]);
    }
  }

  /** Arguments for a field: the required ones, some optional ones, `dryRun: true` whenever there is one. */
  function argumentsOf(args: readonly GraphQLArgument[]): string {
    const chosen = args.filter((a) => a.name === "dryRun" || (isNonNullType(a.type) && a.defaultValue === undefined) || random.chance(0.3));
    if (!chosen.length) return "";
    return `(${chosen.map((a) => `${a.name}: ${a.name === "dryRun" ? "true" : a.name === "organizationId" || (a.name === "id" && getNamedType(a.type).name === "ID" && random.chance(0.5)) ? str(organizationId()) : literal(a.type, a.name)}`).join(", ")})`;
  }

  /** A selection set on `type`, `levels` deep at most (leaves stop earlier). */
  function selectionSet(type: GraphQLCompositeType, levels: number, fragments: string[]): string {
    const parts: string[] = [];
    if (isAbstractType(type)) {
      parts.push("__typename");
      for (const possible of schema.getPossibleTypes(type)) if (random.chance(0.3)) parts.push(`... on ${possible.name} ${selectionSet(possible, levels, fragments)}`);
      parts.push(...fieldsOf(type, levels, fragments, random.int(1, 2)));
      return `{ ${parts.join(" ")} }`;
    }
    parts.push(...fieldsOf(type, levels, fragments, random.int(1, 4)));
    if (random.chance(0.1) && levels > 1) {
      const name = `F${fragments.length}`;
      fragments.push(`fragment ${name} on ${type.name} { ${fieldsOf(type, levels - 1, fragments, random.int(1, 3)).join(" ")} }`);
      parts.push(`...${name}`);
    }
    return `{ ${parts.join(" ") || "__typename"} }`;
  }

  function fieldsOf(type: GraphQLObjectType | GraphQLCompositeType, levels: number, fragments: string[], count: number): string[] {
    if (!("getFields" in type)) return ["__typename"];
    const fields = Object.values(type.getFields()) as GraphQLField<unknown, unknown>[];
    const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)));
    const out: string[] = [];
    for (let i = 0; i < count; i++) {
      const field = levels <= 0 && leaves.length ? random.pick(leaves) : random.pick(fields);
      const alias = random.chance(0.15) ? `a${random.int(0, 9)}: ` : "";
      const named = getNamedType(field.type);
      const inner = isCompositeType(named) ? (levels > 0 || random.chance(0.05) ? ` ${selectionSet(named, levels - 1, fragments)}` : "") : "";
      out.push(`${alias}${field.name}${argumentsOf(field.args)}${inner}`);
    }
    return out;
  }

  /** A random operation on a root type. */
  function randomOperation(root: GraphQLObjectType, keyword: string, family: string): FuzzCase {
    const fragments: string[] = [];
    const body = selectionSet(root, random.int(1, 12), fragments);
    return { family, query: `${keyword} ${body} ${fragments.join(" ")}` };
  }

  const query = schema.getQueryType()!;
  const mutation = schema.getMutationType()!;
  const decimalMutations = Object.values(mutation.getFields()).filter((f) => f.args.some((a) => mentionsDecimal(a.type)));

  const families: Record<string, () => FuzzCase> = {
    query: () => randomOperation(query, "query", "query"),
    mutation: () => randomOperation(mutation, "mutation", "mutation"),
    /** Fragment cycles of one to five fragments, unknown fragments and fragments defined twice. */
    fragmentCycle: () => {
      const length = random.int(1, 5);
      const names = Array.from({ length }, (_, i) => `C${i}`);
      const defs = names.map((n, i) => `fragment ${n} on Query { __typename ...${names[(i + 1) % length]} }`);
      const twist = random.pick(["cycle", "unknown", "duplicate", "cycle"]);
      if (twist === "unknown") defs[length - 1] = `fragment ${names[length - 1]} on Query { ...Missing }`;
      if (twist === "duplicate") defs.push(defs[0]!);
      return { family: "fragmentCycle", query: `query { organizations { id } ...C0 } ${defs.join(" ")}` };
    },
    /** Many aliases of a full page of invoices, with or without a flood of `__typename` aliases. */
    aliasFlood: () => {
      const aliases = random.int(2, 60);
      const padding = random.pick([0, 0, 100, 5000, 10_000, 12_000]);
      const page = `invoices(first: ${random.pick([20, 100, 200])}) { edges { node { id number total contact { id name } } } }`;
      const list = Array.from({ length: aliases }, (_, i) => `i${i}: ${page}`).join(" ");
      const pad = Array.from({ length: padding }, (_, i) => `p${i}: __typename`).join(" ");
      return { family: "aliasFlood", query: `{ organization(id: ${str(organizationId())}) { ${list} } ${pad} }` };
    },
    /** `nodes` with many ids, many times over. */
    manyIds: () => {
      const ids = Array.from({ length: random.pick([1, 100, 101]) }, (_, i) => str(`fuzz-${i}`)).join(", ");
      const aliases = random.pick([1, 2, 99, 100, 150]);
      return { family: "manyIds", query: `{ ${Array.from({ length: aliases }, (_, i) => `n${i}: nodes(ids: [${ids}]) { id }`).join(" ")} }` };
    },
    /** Documents that are large or deep: nesting, fragment chains, fragment bombs, long names. */
    hugeDocument: () => {
      const n = random.pick([300, 1000, 3000, 5000]);
      switch (random.pick(["nesting", "chain", "bomb", "wide", "longName"])) {
        case "nesting":
          return { family: "hugeDocument", query: `{ __type(name: "Query") ${"{ ofType ".repeat(n)}{ name }${" }".repeat(n)} }` };
        case "chain":
          return { family: "hugeDocument", query: `{ ...H0 } ${Array.from({ length: n }, (_, i) => `fragment H${i} on Query { ${i === n - 1 ? "__typename" : `...H${i + 1}`} }`).join(" ")}` };
        case "bomb": {
          const levels = random.int(14, 40);
          return { family: "hugeDocument", query: `{ ...B0 } ${Array.from({ length: levels }, (_, i) => `fragment B${i} on Query { ${i === levels - 1 ? "__typename" : `...B${i + 1} ...B${i + 1}`} }`).join(" ")}` };
        }
        case "wide":
          return { family: "hugeDocument", query: `{ ${"organizations { id } ".repeat(n * 3)} }` };
        default:
          return { family: "hugeDocument", query: `{ ${"x".repeat(n * 50)} }` };
      }
    },
    /** Mutations and filters whose Decimal arguments carry extreme values, as literals and as variables. */
    decimal: () => {
      const field = random.pick(decimalMutations);
      const value = random.pick(EXTREME_DECIMALS);
      const args = field.args.map((a) => `${a.name}: ${a.name === "dryRun" ? "true" : a.name === "organizationId" ? str(random.chance(0.5) ? random.pick(options.organizationIds) : "org_fuzz") : withDecimal(a.type, value)}`);
      const asVariable = random.chance(0.5);
      const query = asVariable
        ? `mutation($d: Decimal!) { ${field.name}(${args.join(", ").replaceAll(str(value), "$d")}) { __typename } }`
        : `mutation { ${field.name}(${args.join(", ")}) { __typename } }`;
      return { family: "decimal", query, ...(asVariable ? { variables: { d: value } } : {}) };
    },
  };

  /** A literal for an input type with every Decimal set to `value` and other required fields filled. */
  function withDecimal(type: GraphQLInputType, value: string, depth = 0): string {
    if (isNonNullType(type)) return withDecimal(type.ofType, value, depth);
    if (isListType(type)) return `[${withDecimal(type.ofType, value, depth + 1)}]`;
    if (isScalarType(type) && type.name === "Decimal") return str(value);
    if (isInputObjectType(type) && depth < 4) {
      const fields = Object.values(type.getFields()).filter((f) => mentionsDecimal(f.type) || (isNonNullType(f.type) && f.defaultValue === undefined));
      return `{ ${fields.map((f) => `${f.name}: ${withDecimal(f.type, value, depth + 1)}`).join(", ")} }`;
    }
    return literal(type, "", depth);
  }

  return {
    families: Object.keys(families),
    /** So many cases of each family, in the order given. */
    generate(mix: Record<string, number>): FuzzCase[] {
      return Object.entries(mix).flatMap(([family, count]) => Array.from({ length: count }, () => families[family]!()));
    },
  };
}

function mentionsDecimal(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (isScalarType(named)) return named.name === "Decimal";
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((f) => mentionsDecimal(f.type, seen));
}

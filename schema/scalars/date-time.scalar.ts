import { GraphQLScalarType, Kind } from "graphql";

/** A timestamp, ISO 8601, always emitted in UTC with a trailing Z. */
export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: "DateTime",
  description: "A point in time, ISO 8601 in UTC, e.g. 2026-11-22T09:30:00.000Z.",
  serialize: (value) => {
    const d = value instanceof Date ? value : typeof value === "string" ? new Date(value) : undefined;
    if (!d || Number.isNaN(d.getTime())) throw new TypeError(`DateTime cannot represent ${String(value)}`);
    return d.toISOString();
  },
  parseValue: (value) => parseDateTime(value),
  parseLiteral: (ast) => (ast.kind === Kind.STRING ? parseDateTime(ast.value) : parseDateTime(undefined)),
});

function parseDateTime(value: unknown): string {
  const ok = typeof value === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value);
  const d = ok ? new Date(value as string) : undefined;
  if (!d || Number.isNaN(d.getTime())) {
    throw new TypeError(`DateTime must be ISO 8601 with a zone, e.g. 2026-11-22T09:30:00Z; got ${JSON.stringify(value)}`);
  }
  return d.toISOString();
}

/**
 * A small structural checker for JSON values against OpenAPI 3 schemas: every property must be
 * declared (recursively), and each value's JSON type must match the declared type.
 */

export interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  $ref?: string;
  allOf?: Schema[];
  enum?: unknown[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> }>>;
  components: { schemas: Record<string, Schema> };
}

export function resolve(doc: OpenApiDocument, schema: Schema): Schema {
  let current = schema;
  while (current.$ref) {
    const name = current.$ref.replace("#/components/schemas/", "");
    const target = doc.components.schemas[name];
    if (!target) throw new Error(`unresolvable $ref ${current.$ref}`);
    current = target;
  }
  if (current.allOf) {
    const parts = current.allOf.map((part) => resolve(doc, part));
    return { ...current, properties: Object.assign({}, ...parts.map((p) => p.properties ?? {}), current.properties ?? {}) };
  }
  return current;
}

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (value === null) return "null";
  return typeof value;
}

function expectedType(schema: Schema): string | undefined {
  if (schema.properties) return "object";
  if (schema.type === "integer") return "number";
  if (schema.type) return schema.type;
  if (schema.enum) return jsonType(schema.enum[0]);
  return undefined;
}

/** Appends one message per undeclared property or type mismatch found under `path`. */
export function checkValue(doc: OpenApiDocument, value: unknown, schema: Schema, path: string, problems: string[]): void {
  const resolved = resolve(doc, schema);
  const want = expectedType(resolved);
  const got = jsonType(value);
  if (want && want !== got) {
    problems.push(`${path}: expected ${want}, got ${got}`);
    return;
  }
  if (resolved.type === "integer" && !Number.isInteger(value)) problems.push(`${path}: expected an integer, got ${String(value)}`);
  if (got === "array" && resolved.items) {
    (value as unknown[]).forEach((item, i) => checkValue(doc, item, resolved.items!, `${path}[${i}]`, problems));
  }
  if (got === "object" && resolved.properties) {
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const declared = resolved.properties[key];
      if (!declared) problems.push(`${path}.${key}: not declared in the spec`);
      else checkValue(doc, child, declared, `${path}.${key}`, problems);
    }
  }
}

/** The envelope schema a GET operation declares for its 200 response. */
export function responseSchema(doc: OpenApiDocument, path: string): Schema {
  const schema = doc.paths[path]?.get?.responses?.["200"]?.content?.["application/json"]?.schema;
  if (!schema) throw new Error(`the spec declares no GET 200 JSON response for ${path}`);
  return resolve(doc, schema);
}

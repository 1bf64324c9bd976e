import { buildSchema, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { enforceScopes, requiredScopes } from "./scope-check.js";
import { Scope } from "./scopes.js";

const schema = buildSchema(`
  type Query { books: Book, keys: [String] }
  type Book { title: String, secret: String }
  type Mutation { write: Int, connect: Int, admin: Int }
  type Subscription { ticks: Int }
`);
// As type-graphql's @Extensions(needsScopes(…)) declares them.
schema.getQueryType()!.getFields().keys!.extensions = { scopes: [Scope.ADMIN] };
(schema.getType("Book") as any).getFields().secret.extensions = { scopes: [Scope.ADMIN] };
schema.getMutationType()!.getFields().connect!.extensions = { scopes: [Scope.WRITE, Scope.ADMIN] };
schema.getMutationType()!.getFields().admin!.extensions = { scopes: [Scope.ADMIN] };

const needs = (query: string, operationName?: string) => requiredScopes(schema, parse(query), operationName).map((n) => n.anyOf.join("|")).sort();

describe("requiredScopes", () => {
  it("never lets one parsed document's request with an empty operationName answer for the same document without one", () => {
    const document = parse("mutation { admin }");
    expect(requiredScopes(schema, document, "")).toEqual([]);
    expect(requiredScopes(schema, document, "Missing")).toEqual([]);
    expect(requiredScopes(schema, document).map((n) => n.anyOf)).toEqual([[Scope.ADMIN]]);
    expect(requiredScopes(schema, document, null).map((n) => n.anyOf)).toEqual([[Scope.ADMIN]]);
  });


  it("the operation's kind for top-level fields, a field's own scopes in its place or below, none for introspection", () => {
    expect(needs("{ books { title } }")).toEqual(["READ"]);
    expect(needs("mutation { write }")).toEqual(["WRITE"]);
    expect(needs("subscription { ticks }")).toEqual(["SUBSCRIBE"]);
    expect(needs("{ keys }")).toEqual(["ADMIN"]);
    expect(needs("mutation { admin }")).toEqual(["ADMIN"]);
    expect(needs("mutation { connect }")).toEqual(["WRITE|ADMIN"]);
    expect(needs("{ books { secret } }")).toEqual(["ADMIN", "READ"]);
    expect(needs("{ __typename __schema { types { name } } }")).toEqual([]);
  });

  it("follows inline fragments and fragment spreads, each once, and only the operation that runs", () => {
    expect(needs("{ ... on Query { keys } }")).toEqual(["ADMIN"]);
    expect(needs("{ ...A ...A } fragment A on Query { books { ...B } } fragment B on Book { secret }")).toEqual(["ADMIN", "READ"]);
    const two = "query R { books { title } } mutation W { write }";
    expect(needs(two, "R")).toEqual(["READ"]);
    expect(needs(two, "W")).toEqual(["WRITE"]);
    expect(needs(two)).toEqual([]);
  });

  it("enforceScopes refuses with FORBIDDEN naming the first missing scope and the field", () => {
    const document = parse("mutation { write admin }");
    expect(() => enforceScopes({ scopes: [Scope.WRITE, Scope.ADMIN] }, { schema, document })).not.toThrow();
    expect(() => enforceScopes({ scopes: [Scope.WRITE] }, { schema, document })).toThrow(/lacks the ADMIN scope: Mutation\.admin needs it \(the key has WRITE\)/);
    expect(() => enforceScopes({ scopes: [] }, { schema, document: parse("mutation { connect }") })).toThrow(/lacks the WRITE or ADMIN scope: Mutation\.connect needs it \(the key has none\)/);
  });
});

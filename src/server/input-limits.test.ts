import { buildSchema, graphql, parse, subscribe, type ExecutionResult } from "graphql";
import { describe, expect, it } from "vitest";
import { applyInputLimits, textProblem } from "./input-limits.js";

const SDL = `
  input LineInput { description: String, code: String, tags: [String!] }
  input Input { name: String!, lines: [LineInput!], parent: Input }
  type Query { echo(text: String, id: ID, input: Input, note: String): String, plain: String, child: Child }
  type Child { field(arg: String): String }
  type Subscription { ticks(after: String): String }
`;

/** A small schema whose resolvers count how often they ran, with the limits applied. */
function limitedSchema() {
  const schema = buildSchema(SDL);
  let calls = 0;
  schema.getQueryType()!.getFields().echo!.resolve = () => (calls += 1, "ok");
  schema.getQueryType()!.getFields().child!.resolve = () => ({});
  schema.getSubscriptionType()!.getFields().ticks!.subscribe = async function* () {
    calls += 1;
    yield { ticks: "tick" };
  };
  applyInputLimits(schema, { text: { maxLength: 10 }, id: { maxLength: 20 }, fields: { "LineInput.description": { maxLength: 50, multiline: true }, "Query.echo(note:)": { maxLength: 30, multiline: true } } });
  return { schema, calls: () => calls };
}

const fieldsOf = (result: ExecutionResult) => (result.errors?.[0]?.extensions?.fields as Array<{ field: string }> | undefined)?.map((f) => f.field);

describe("applyInputLimits", () => {
  it("refuses every bad string in arguments, nested inputs and lists before the resolver, naming each path", async () => {
    const { schema, calls } = limitedSchema();
    const result = await graphql({
      schema,
      source: `query($input: Input) { echo(text: "12345678901", input: $input) }`,
      variableValues: { input: { name: "ok", lines: [{ description: "fine\nand\tlong enough but under fifty", code: "a\u001bb", tags: ["ok", "\u0000"] }], parent: { name: "x\ud800" } } },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(fieldsOf(result)?.sort()).toEqual(["input.lines[0].code", "input.lines[0].tags[1]", "input.parent.name", "text"]);
    expect(calls()).toBe(0);
  });

  it("uses the declared limit and multi-line rule per coordinate, the id limit for IDs", async () => {
    const { schema, calls } = limitedSchema();
    const ok = await graphql({ schema, source: `{ echo(note: "two\\nlines", id: "12345678901234567890") }` });
    expect(ok.errors).toBeUndefined();
    const long = await graphql({ schema, source: `{ echo(note: "${"n".repeat(31)}", id: "${"i".repeat(21)}") }` });
    expect(fieldsOf(long)?.sort()).toEqual(["id", "note"]);
    expect(long.errors?.[0]?.message).toMatch(/31 characters long; at most 30/);
    expect(calls()).toBe(1);
  });

  it("checks arguments of nested fields and of subscriptions too; fields without arguments keep their resolver", async () => {
    const { schema, calls } = limitedSchema();
    expect(schema.getQueryType()!.getFields().plain!.resolve).toBeUndefined();
    const nested = await graphql({ schema, source: `{ child { field(arg: "${"a".repeat(11)}") } }` });
    expect(fieldsOf(nested)).toEqual(["arg"]);
    const refused = (await subscribe({ schema, document: parse(`subscription { ticks(after: "${"c".repeat(11)}") }`) })) as ExecutionResult;
    expect(fieldsOf(refused)).toEqual(["after"]);
    expect(calls()).toBe(0);
  });

  it("refuses to build with a declared coordinate the schema does not have", () => {
    expect(() => applyInputLimits(buildSchema(SDL), { fields: { "LineInput.nope": { maxLength: 5 } } })).toThrow(/LineInput.nope/);
  });

  it("says what is wrong with a string and where", () => {
    expect(textProblem("ab\u009bc", { maxLength: 10 })).toMatch(/U\+009B at position 2/);
    expect(textProblem("a\nb", { maxLength: 10 })).toMatch(/one-line field/);
    expect(textProblem("a\r\nb", { maxLength: 10, multiline: true })).toBeUndefined();
    expect(textProblem("a\rb", { maxLength: 10, multiline: true })).toMatch(/U\+000D at position 1/);
    expect(textProblem("a\r\nb", { maxLength: 10 })).toMatch(/U\+000D/);
    expect(textProblem("😀 ok", { maxLength: 10 })).toBeUndefined();
    expect(textProblem("\ude00", { maxLength: 10 })).toMatch(/surrogate/);
  });

  it("refuses Unicode separators, bidirectional overrides and the byte-order mark, in one-line and multi-line fields alike", () => {
    for (const [char, code] of [["\u2028", "2028"], ["\u2029", "2029"], ["\u202e", "202E"], ["\u2066", "2066"], ["\ufeff", "FEFF"]] as const) {
      expect(textProblem(`ok${char}TXET`, { maxLength: 20 })).toMatch(new RegExp(`U\\+${code} at position 2`));
      expect(textProblem(`ok${char}TXET`, { maxLength: 20, multiline: true })).toMatch(new RegExp(`U\\+${code}`));
    }
    // Scripts written right to left, zero-width joiners in emoji and accents stay allowed.
    expect(textProblem("فاتورة 12", { maxLength: 20 })).toBeUndefined();
    expect(textProblem("👩‍💻 café", { maxLength: 20 })).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { coverageTable } from "../src/scripts/coverage-table.js";

describe("README", () => {
  it("shows the coverage matrix the connectors declare (regenerate: node dist/src/scripts/coverage-table.js)", async () => {
    const readme = await readFile("README.md", "utf8");
    const block = /<!-- coverage:start -->\n([\s\S]*?)\n<!-- coverage:end -->/.exec(readme)?.[1];
    expect(block).toBe(coverageTable());
  });

  it("shows the webhook receiver's verification snippet exactly as its test runs it", async () => {
    const readme = await readFile("README.md", "utf8");
    const tested = /\/\/ snippet:start\n([\s\S]*?)\/\/ snippet:end/.exec(await readFile("src/webhooks/delivery/receiver-snippet.test.ts", "utf8"))?.[1];
    expect(tested).toBeTruthy();
    const shown = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(shown).toContain(tested);
  });

  it("shows the two set-up commands", async () => {
    const readme = await readFile("README.md", "utf8");
    expect(readme).toContain("npm ci && npm start");
    expect(readme).toMatch(/^npm test\b/m);
  });
});

describe("README examples", () => {
  it("every GraphQL block in the README (queries, mutations, the first subscription) and the bundled subscriber are valid against the schema", async () => {
    const { buildGatewaySchema } = await import("../schema/build-schema.js");
    const { parse, validate } = await import("graphql");
    const { WATCH_EVENTS } = await import("../src/scripts/watch-events.js");
    const schema = await buildGatewaySchema();
    const readme = await readFile("README.md", "utf8");
    const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.some((b) => b.trimStart().startsWith("subscription"))).toBe(true);
    for (const block of [...blocks, WATCH_EVENTS]) {
      // Placeholders such as "org_…" are strings, so documents stay parseable.
      expect(validate(schema, parse(block)).map((e) => e.message), block).toEqual([]);
    }
  });
});
